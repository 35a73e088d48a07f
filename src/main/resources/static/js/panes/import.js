/*
 * 从去年的报告开始: the dialog that imports last year's report, pasted or uploaded.
 * Its create function gets what it needs from the page through ctx (state, elements, the other parts' functions)
 * and returns its own; a function taken from ctx is looked up when called, so parts may call each other.
 */

import { draftPlainText } from '../draft-text.js';

export function createImportPane(ctx) {
  const MAX_FRAME_BYTES = ctx.MAX_FRAME_BYTES;
  const MAX_IMPORT_BYTES = ctx.MAX_IMPORT_BYTES;
  const S = ctx.S;
  const crossOrigin = ctx.crossOrigin;
  const global = ctx.global;
  const server = ctx.server;
  const ui = ctx.ui;
  const act = (...a) => ctx.act(...a);
  const activeIn = (...a) => ctx.activeIn(...a);
  const fit = (...a) => ctx.fit(...a);
  const isNarrow = (...a) => ctx.isNarrow(...a);
  const jsonBytes = (...a) => ctx.jsonBytes(...a);
  const showTab = (...a) => ctx.showTab(...a);
  const showVersions = (...a) => ctx.showVersions(...a);
  const toast = (...a) => ctx.toast(...a);
  const whenSession = (...a) => ctx.whenSession(...a);

  // ----- 从去年的报告开始: import last year's report -----

  function openImport() {
    S.importReturn = activeIn(ui.app);
    ui.importDialog.hidden = false;
    ui.importError.textContent = '';
    importBusy(S.importing ? ui.importStatus.textContent : '');
    ui.importText.focus();
  }

  function closeImport() {
    ui.importDialog.hidden = true;
    var back = S.importReturn;
    S.importReturn = null;
    if (back && back.isConnected && !back.disabled) back.focus();
  }

  function importBusy(text) {
    ui.importStatus.textContent = text || '';
    ui.importSubmit.disabled = !!text;
    ui.importFileBtn.disabled = !!text;
    ui.importSubmit.textContent = text ? '正在导入…' : '导入粘贴的文字';
  }

  function importFailed(message) {
    clearTimeout(S.importTimer);
    S.importing = null;
    importBusy('');
    ui.importError.textContent = message;
    if (ui.importDialog.hidden) toast(message);
  }

  /** The imported report arrived as a draft: the dialog closes and the writer sees the draft. */
  function importDone() {
    if (!S.importing) return;
    clearTimeout(S.importTimer);
    S.importing = null;
    importBusy('');
    ui.importText.value = '';
    closeImport();
    showVersions(false);
    if (isNarrow()) showTab('draft');
    // Name only the markers the draft really has (a copy with its figures blanked out has no 【去年…】).
    var text = S.draft ? draftPlainText(S.draft) : '';
    var marks = [text.indexOf('【去年') >= 0 ? '【去年…，今年？】' : null, text.indexOf('【今年？') >= 0 ? '【今年？…】' : null,
      text.indexOf('【待补充') >= 0 ? '【待补充】' : null].filter(Boolean);
    toast('已读入去年的报告。' + (marks.length ? '草稿中的' + marks.join('、') + '处，请告诉我今年的情况。' : ''));
  }

  function submitImportText() {
    var text = ui.importText.value.trim();
    ui.importError.textContent = '';
    if (!text) { ui.importError.textContent = '请先粘贴去年的报告全文，或上传文件。'; ui.importText.focus(); return; }
    // A long report does not fit in one chat frame (8 KB): it goes up as a .txt file instead.
    if (jsonBytes({ type: 'import', text: text }) > MAX_FRAME_BYTES) {
      uploadImport(new Blob([text], { type: 'text/plain;charset=utf-8' }), '去年的报告.txt');
      return;
    }
    importBusy('正在读入…');
    whenSession(function () {
      if (!act({ type: 'import', text: text })) { importBusy(''); return; }
      S.importing = { via: 'ws' };
    });
  }

  function onImportFile() {
    var file = ui.importFile.files && ui.importFile.files[0];
    ui.importFile.value = '';
    if (!file) return;
    ui.importError.textContent = '';
    if (!/\.(txt|docx)$/i.test(file.name)) {
      ui.importError.textContent = '只能导入 .txt 或 .docx 文件' + (/\.doc$/i.test(file.name) ? '（.doc 请先在 Word 或 WPS 中另存为 .docx）' : '') + '。';
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) { ui.importError.textContent = '文件超过 2 MB，无法导入。可以只粘贴报告正文。'; return; }
    uploadImport(file, file.name);
  }

  function uploadImport(file, name) {
    if (!global.fetch || !global.FormData) { ui.importError.textContent = '此浏览器不支持上传，请粘贴报告文字。'; return; }
    importBusy('正在上传“' + name + '”…');
    whenSession(function () {
      S.importing = { via: 'http' };
      var form = new global.FormData();
      form.append('file', file, name);
      var url = server + '/api/sessions/' + encodeURIComponent(S.sessionId) + '/import';
      global.fetch(url, { method: 'POST', body: form, credentials: 'omit' }).then(function (r) {
        return r.text().then(function (body) {
          var j = null;
          try { j = JSON.parse(body); } catch (e) { /* not JSON: a proxy's or the container's page */ }
          if (r.ok) importDone();
          else importFailed(j && j.message || uploadStatusText(r.status));
        });
      }, function () {
        // Embedded on another site the answer may be unreadable (CORS) although the import went through: its frames
        // still come over the socket, so wait a little for them before calling it a failure.
        if (!crossOrigin) { importFailed('上传没有成功，请检查网络后重试。'); return; }
        clearTimeout(S.importTimer);
        S.importTimer = setTimeout(function () {
          if (S.importing) importFailed('上传没有成功。在本网站上可能无法直接上传文件，请把报告内容粘贴进来导入。');
        }, 10000);
      });
    });
  }

  function uploadStatusText(status) {
    if (status === 413) return '文件超过 2 MB，无法导入。可以只粘贴报告正文。';
    if (status === 404) return '会话已失效，请刷新页面后再试。';
    if (status === 422) return '无法读入这份报告，请确认是去年的述职报告正文。';
    return '导入失败（' + status + '），请稍后重试。';
  }

  /** Keeps Tab inside the dialog; Escape closes it (and not the widget's panel around it). */
  function onImportKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeImport(); return; }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submitImportText(); return; }
    if (e.key !== 'Tab') return;
    var f = [ui.importText, ui.importFileBtn, ui.importCancel, ui.importSubmit].filter(function (x) { return !x.disabled; });
    var a = activeIn(ui.app), i = f.indexOf(a);
    if (e.shiftKey && i <= 0) { e.preventDefault(); f[f.length - 1].focus(); }
    else if (!e.shiftKey && i === f.length - 1) { e.preventDefault(); f[0].focus(); }
  }

  return { openImport, closeImport, importBusy, importFailed, importDone, submitImportText, onImportFile, uploadImport, uploadStatusText, onImportKey };
}
