/*
 * The draft pane: the draft (whole or being written), progress, toolbar, section cards with their refine and edit panels.
 * Its create function gets what it needs from the page through ctx (state, elements, the other parts' functions)
 * and returns its own; a function taken from ctx is looked up when called, so parts may call each other.
 */

import { lines, partsLine, runIn, titlePhrases } from '../draft-text.js';
import { liveDraft } from '../frames.js';

export function createDraftPane(ctx) {
  const EXPORTS = ctx.EXPORTS;
  const MAX_FRAME_BYTES = ctx.MAX_FRAME_BYTES;
  const QUICK_REFINES = ctx.QUICK_REFINES;
  const S = ctx.S;
  const global = ctx.global;
  const server = ctx.server;
  const ui = ctx.ui;
  const act = (...a) => ctx.act(...a);
  const appendMarked = (...a) => ctx.appendMarked(...a);
  const copyDraft = (...a) => ctx.copyDraft(...a);
  const el = (...a) => ctx.el(...a);
  const focusKey = (...a) => ctx.focusKey(...a);
  const generate = (...a) => ctx.generate(...a);
  const isNarrow = (...a) => ctx.isNarrow(...a);
  const jsonBytes = (...a) => ctx.jsonBytes(...a);
  const kindInfo = (...a) => ctx.kindInfo(...a);
  const openExports = (...a) => ctx.openExports(...a);
  const restoreFocus = (...a) => ctx.restoreFocus(...a);
  const showTab = (...a) => ctx.showTab(...a);
  const showVersions = (...a) => ctx.showVersions(...a);
  const versionInfo = (...a) => ctx.versionInfo(...a);

  // ----- draft -----

  function renderDraft() {
    ui.draft.replaceChildren();
    ui.draft.classList.toggle('sz-live', !!S.live);
    if (S.live) {
      // A streaming engine writes the draft section by section; the draft frame at the end replaces all of it.
      ui.version.textContent = '撰写中…';
      S.live.nodes = {};
      S.live.sections.forEach(function (sec) {
        var node = liveEl(sec);
        S.live.nodes[sec.ref] = node;
        ui.draft.append(node);
      });
      renderTools();
      return;
    }
    var d = S.draft;
    var has = !!(d && (d.sections || []).length);
    ui.version.textContent = has && d.version ? '第 ' + d.version + ' 版' : '';
    if (!has) {
      ui.draft.append(el('div', { class: 'sz-empty', 'data-testid': 'draft-empty' }, [
        el('p', { class: 'sz-empty-title', text: '回答几个问题后，草稿会出现在这里…' }),
        el('p', { text: '草稿包括标题、开头，以及' + (partsLine(kindInfo(S.kind)) || '报告类型规定的各部分。').replace(/^生成/, '').replace(/^(.)部分草稿：/, '$1部分：') }),
        el('p', { text: '信息够了就点“生成草稿”；之后补充了新情况，再点一次即可更新草稿。' })
      ]));
      S.prevSections = null;
      renderTools();
      return;
    }
    var prev = S.prevSections, now = {}, changed = null, focus = focusKey(ui.draft);
    d.sections.forEach(function (s) {
      var node = cardEl(s, d);
      var sig = (s.heading || '') + '\u0000' + (s.body || '');
      now[s.ref] = sig;
      if (prev && prev[s.ref] !== sig) { node.classList.add('sz-changed'); changed = changed || node; }
      if (S.changedRefs && S.changedRefs[s.ref]) {
        node.classList.add('sz-updated');
        node.insertBefore(el('span', { class: 'sz-updated-badge', 'data-testid': 'section-updated', text: '本次修改' }), node.firstChild);
      }
      ui.draft.append(node);
    });
    S.prevSections = now;
    restoreFocus(ui.draft, focus);
    if (changed && changed.scrollIntoView && (S.progress || S.changedRefs)) changed.scrollIntoView({ block: 'nearest' });
    renderTools();
  }

  /** Applies a draft_section / draft_delta to the draft being written (frames.liveDraft) and returns its section. */
  function applyLive(f) {
    var first = !S.live, nodes = S.live ? S.live.nodes : {};
    // A model rewrites one card: the other sections stay on screen while it writes.
    var r = liveDraft(S.live, f, S.busyRef ? S.draft : null);
    S.live = r.live;
    S.live.nodes = nodes;
    S.live.fresh = first || r.added;
    if (first) {
      if (!S.progress) { S.progress = { step: 0, total: 0, label: '正在撰写草稿…' }; renderProgress(); }
      if (S.tab !== 'draft' && isNarrow()) showTab('draft');
    }
    return r.section;
  }

  function renderLive(sec) {
    var old = S.live.nodes[sec.ref];
    if (S.live.fresh || !old) { S.live.fresh = false; renderDraft(); } else {
      var node = liveEl(sec);
      old.replaceWith(node);
      S.live.nodes[sec.ref] = node;
    }
    var n = S.live.nodes[sec.ref];
    if (n && n.scrollIntoView && !sec.done) n.scrollIntoView({ block: 'nearest' });
  }

  function liveEl(sec) {
    var node = sectionEl(sec, { title: '' });
    if (!sec.done) node.classList.add('sz-writing');
    return node;
  }

  function sectionEl(s, d) {
    var box = el('div', { class: 'sz-sec sz-sec-l' + (s.level || 0), 'data-testid': 'draft-section', 'data-ref': s.ref });
    if (s.ref === 'title') {
      // Line breaks only between the title's phrases (<wbr>, with keep-all in the CSS), as in the .docx.
      var parts = titlePhrases(s.heading || s.body || d.title || ''), kids = [];
      parts.forEach(function (p, i) { if (i) kids.push(el('wbr')); kids.push(p); });
      box.append(el('h3', { class: 'sz-d-title' }, kids));
      return box;
    }
    var ls = lines(s.body), p;
    if (s.level === 2 && s.heading) {
      p = el('p', { class: 'sz-d-p' }, [el('span', { class: 'sz-d-kai', text: runIn(s.heading) })]);
      appendMarked(p, ls.shift() || '');
      box.append(p);
    } else if (s.heading) {
      box.append(el(s.level === 1 ? 'h4' : 'p', { class: s.level === 1 ? 'sz-d-h1' : 'sz-d-p', text: s.heading }));
    }
    ls.forEach(function (l) {
      p = el('p', { class: 'sz-d-p' });
      appendMarked(p, l);
      box.append(p);
    });
    return box;
  }

  function renderProgress() {
    var p = S.progress;
    ui.progress.hidden = !p;
    ui.app.classList.toggle('sz-drafting', !!p);
    if (p) {
      var indeterminate = !p.total;
      ui.progress.classList.toggle('sz-indeterminate', indeterminate);
      ui.progressLabel.textContent = indeterminate ? p.label : '正在撰写：' + p.label + '（' + p.step + '/' + p.total + '）';
      ui.progressFill.style.width = indeterminate ? '' : Math.round(100 * Math.min(p.step, p.total) / p.total) + '%';
      if (indeterminate) ui.progress.removeAttribute('aria-valuenow');
      else {
        ui.progress.setAttribute('aria-valuemin', '0');
        ui.progress.setAttribute('aria-valuemax', String(p.total));
        ui.progress.setAttribute('aria-valuenow', String(p.step));
      }
      ui.progress.setAttribute('aria-valuetext', ui.progressLabel.textContent);
    }
    renderTools();
  }

  /** Drafting or rewriting is under way: the draft's own actions wait. (A finished bar fading out does not count.) */
  function working() {
    return !!S.live || !!(S.progress && !S.progress.finishing);
  }

  function finishProgress() {
    var p = S.progress;
    p.finishing = true;
    setTimeout(function () { if (S.progress === p) { S.progress = null; renderProgress(); } }, 900);
  }

  function renderTools() {
    var has = !!(S.draft && (S.draft.sections || []).length);
    ui.copy.disabled = !has;
    var on = has && !!S.sessionId;
    ui.exportBtn.disabled = !on;
    if (!on) openExports(false);
    ui.exports.forEach(function (a, i) {
      if (on) {
        // No session id in any URL: a click asks for a short-lived download link (downloadExport).
        a.setAttribute('href', '#download-' + EXPORTS[i][0]);
        a.removeAttribute('aria-disabled');
        a.removeAttribute('tabindex');
      } else {
        a.removeAttribute('href');
        a.setAttribute('aria-disabled', 'true');
        a.setAttribute('tabindex', '-1');
      }
    });
    // Before a session exists (the kind not chosen yet) there is nothing to draft from. While a draft is being
    // written the button stops it.
    var drafting = !!S.progress && !S.stopping && !(S.progress.total && S.progress.step >= S.progress.total);
    ui.generate.disabled = drafting ? !S.ready : !S.ready || !!S.progress || S.choosing || !S.hasState;
    ui.generate.textContent = drafting ? '停止生成' : has ? '重新生成' : '生成草稿';
    ui.generate.classList.toggle('sz-btn-stop', drafting);
    ui.generate.setAttribute('data-action', drafting ? 'stop' : 'generate');
    var v = S.versions, idle = S.ready && !working();
    ui.undo.disabled = !idle || !(v && v.canUndo);
    ui.redo.disabled = !idle || !(v && v.canRedo);
    var cur = v && versionInfo(v.current);
    ui.undo.title = cur && cur.basedOn > 0 ? '撤销：回到第' + cur.basedOn + '版（Ctrl+Z）' : '没有可撤销的修改';
    ui.redo.title = v && v.canRedo ? '重做刚撤销的修改（Ctrl+Shift+Z）' : '没有可重做的修改';
    ui.versionsBtn.disabled = !has && S.view !== 'versions';
    ui.proofBtn.disabled = !has || !idle;
    ui.importBtn.disabled = working();
    ui.introStart.hidden = has || S.phase === 'drafted';
    renderCardActions();
  }

  /** The cards' 改写 / 编辑 follow the connection and any work in progress without rebuilding the draft. */
  function renderCardActions() {
    var idle = S.ready && !S.busyRef && !working();
    ui.draft.querySelectorAll('[data-testid=card-refine], [data-testid=card-edit]').forEach(function (b) { b.disabled = !idle; });
  }

  function onCopy() {
    if (!S.draft) return;
    copyDraft(S.draft).then(function () {
      ui.copy.textContent = '已复制';
      ui.copy.classList.add('sz-ok');
      ui.copyStatus.textContent = '已复制到剪贴板';
      clearTimeout(S.copyTimer);
      S.copyTimer = setTimeout(function () {
        ui.copy.textContent = '复制全文';
        ui.copy.classList.remove('sz-ok');
        ui.copyStatus.textContent = '';
      }, 2000);
    }, function () {
      ui.copyStatus.textContent = '复制失败，请手动选择草稿文字复制';
    });
  }

  // ----- draft cards: 改写 (refine) and 编辑 (edit in place) -----

  function findSection(ref) {
    var list = S.draft && S.draft.sections || [];
    for (var i = 0; i < list.length; i++) if (list[i].ref === ref) return list[i];
    return null;
  }

  /** What 编辑 edits: the title's heading, any other section's body. */
  function editableText(s) { return s.ref === 'title' ? (s.heading || s.body || '') : (s.body || ''); }

  function sectionLabel(ref) {
    if (ref === 'title') return '标题';
    if (ref === 'opening') return '开头';
    var s = findSection(ref), h = s && s.heading ? s.heading.replace(/[。．.]$/, '') : '';
    return h ? (h.length > 16 ? h.slice(0, 16) + '…' : h) : '第' + ref + '节';
  }

  /** A section of the draft as a card: its text, small actions, and an open refine/edit panel. */
  function cardEl(s, d) {
    var ref = s.ref, ed = S.editor && S.editor.ref === ref ? S.editor : null, busy = S.busyRef === ref;
    var text = sectionEl(s, d);
    var card = el('div', { class: 'sz-card' + (ed ? ' sz-card-open' : '') + (busy ? ' sz-busy' : ''),
      'data-testid': 'section-card', 'data-card': ref }, [text]); // data-ref stays on the text (the section)
    if (ed && ed.mode === 'edit') {
      text.hidden = true;
      card.append(editPanel(s, ed));
      return card;
    }
    var idle = S.ready && !S.busyRef && !working();
    var label = sectionLabel(ref); // disabled states are kept current by renderCardActions
    var actions = el('div', { class: 'sz-card-actions', role: 'group', 'aria-label': '“' + label + '”的操作' }, [
      busy ? el('span', { class: 'sz-card-busy', role: 'status', 'data-testid': 'card-busy' },
        [el('span', { class: 'sz-spinner', 'aria-hidden': 'true' }), '正在修改…']) : null,
      el('button', { type: 'button', class: 'sz-link', 'data-testid': 'card-refine', 'data-focus': 'refine@' + ref,
        'aria-expanded': String(!!ed), 'aria-label': '改写“' + label + '”', text: '改写', disabled: !idle,
        on: { click: function () { openEditor(ref, ed ? null : 'refine'); } } }),
      s.ref === 'title' || s.body ? el('button', { type: 'button', class: 'sz-link', 'data-testid': 'card-edit',
        'data-focus': 'edit@' + ref, 'aria-label': '编辑“' + label + '”', text: '编辑', disabled: !idle,
        on: { click: function () { openEditor(ref, 'edit'); } } }) : null
    ]);
    card.append(actions);
    if (S.cardNote && S.cardNote.ref === ref) card.append(cardNote(S.cardNote));
    if (ed && ed.mode === 'refine') card.append(refinePanel(ref, ed, label));
    return card;
  }

  function cardNote(n) {
    return el('div', { class: 'sz-card-note' + (n.error ? ' sz-card-note-error' : ''), role: 'status', 'data-testid': 'card-note' }, [
      el('span', { text: n.text }),
      el('button', { type: 'button', class: 'sz-link', 'aria-label': '关闭提示', text: '知道了',
        on: { click: function () { S.cardNote = null; S.focusNext = 'refine@' + n.ref; renderDraft(); } } })
    ]);
  }

  function openEditor(ref, mode) {
    var s = findSection(ref);
    if (!mode || !s) { closeEditor(); return; }
    if (S.editor && S.editor.mode === 'edit' && S.editor.ref !== ref && S.editor.text.trim() !== editableText(findSection(S.editor.ref) || {}).trim()
      && !global.confirm('“' + sectionLabel(S.editor.ref) + '”还有没保存的修改，确定放弃吗？')) return;
    S.editor = { ref: ref, mode: mode, text: mode === 'edit' ? editableText(s) : '', base: S.draft.version };
    S.cardNote = null;
    S.focusNext = mode === 'edit' ? 'edit-text@' + ref : 'quick0@' + ref;
    renderDraft();
  }

  function closeEditor() {
    var ed = S.editor;
    S.editor = null;
    if (ed) S.focusNext = (ed.mode === 'edit' ? 'edit@' : 'refine@') + ed.ref;
    renderDraft();
  }

  function onEditorKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeEditor(); }
  }

  function refinePanel(ref, ed, label) {
    var input = el('input', { type: 'text', class: 'sz-field', 'data-testid': 'refine-text', 'data-focus': 'refine-text@' + ref,
      maxlength: 500, placeholder: '或者写下要求，如：压缩到200字', 'aria-label': '对“' + label + '”的修改要求' });
    input.value = ed.text || '';
    input.addEventListener('input', function () { ed.text = input.value; });
    var quick = QUICK_REFINES.map(function (q, i) {
      return el('button', { type: 'button', class: 'sz-chip sz-chip-small', 'data-testid': 'refine-option', 'data-focus': 'quick' + i + '@' + ref,
        text: q, on: { click: function () { sendRefine(ref, q); } } });
    });
    var form = el('form', { class: 'sz-refine-form', on: { submit: function (e) {
      e.preventDefault();
      if (input.value.trim()) sendRefine(ref, input.value.trim()); else input.focus();
    } } }, [input,
      el('button', { type: 'submit', class: 'sz-btn sz-btn-primary sz-btn-small', 'data-testid': 'refine-send', text: '改写' }),
      el('button', { type: 'button', class: 'sz-btn sz-btn-small', 'data-testid': 'refine-cancel', text: '取消', on: { click: closeEditor } })]);
    return el('div', { class: 'sz-refine', 'data-testid': 'refine-panel', role: 'group', 'aria-label': '改写“' + label + '”',
      on: { keydown: onEditorKey } }, [
      el('p', { class: 'sz-refine-title', text: '想怎么改这一部分？' }),
      el('div', { class: 'sz-refine-quick' }, quick),
      form
    ]);
  }

  function sendRefine(ref, instruction) {
    if (!act({ type: 'refine', section: ref, instruction: instruction })) return;
    S.editor = null;
    S.busyRef = ref;
    S.cardNote = null;
    S.focusNext = 'refine@' + ref;
    renderDraft();
  }

  function editPanel(s, ed) {
    var ref = s.ref, label = sectionLabel(ref);
    var ta = el('textarea', { class: 'sz-field sz-edit-text', 'data-testid': 'edit-text', 'data-focus': 'edit-text@' + ref,
      rows: Math.max(3, Math.min(16, Math.ceil(ed.text.length / 34) + lines(ed.text).length)),
      'aria-label': ref === 'title' ? '编辑标题' : '编辑“' + label + '”的正文' });
    ta.value = ed.text;
    ta.addEventListener('input', function () { ed.text = ta.value; ed.error = null; });
    ta.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); saveEdit(); }
    });
    var cur = findSection(ref);
    return el('div', { class: 'sz-edit', 'data-testid': 'edit-panel', role: 'group', 'aria-label': '编辑“' + label + '”',
      on: { keydown: onEditorKey } }, [
      s.level === 2 && s.heading ? el('p', { class: 'sz-edit-heading', text: runIn(s.heading) }) : null,
      ta,
      ed.conflict ? el('p', { class: 'sz-edit-conflict', role: 'alert', 'data-testid': 'edit-conflict',
        text: '草稿已在别处更新到第' + ed.conflict + '版。你的文字还在这里，对照后可以再次保存（保存在第' + ed.conflict + '版之上）。' }) : null,
      ed.conflict && cur ? el('details', { class: 'sz-edit-current' }, [
        el('summary', { text: '看看这一部分在第' + ed.conflict + '版中的内容' }),
        el('p', { text: editableText(cur) })
      ]) : null,
      ed.error ? el('p', { class: 'sz-edit-error', role: 'alert', text: ed.error }) : null,
      el('div', { class: 'sz-edit-foot' }, [
        el('span', { class: 'sz-hint', text: 'Ctrl+Enter 保存，Esc 取消' }),
        el('button', { type: 'button', class: 'sz-btn sz-btn-small', 'data-testid': 'edit-cancel', text: '取消', on: { click: closeEditor } }),
        el('button', { type: 'button', class: 'sz-btn sz-btn-primary sz-btn-small', 'data-testid': 'edit-save',
          text: ed.saving ? '保存中…' : '保存', disabled: !!ed.saving || !S.ready, on: { click: saveEdit } })
      ])
    ]);
  }

  function saveEdit() {
    var ed = S.editor;
    if (!ed || ed.mode !== 'edit' || ed.saving) return;
    var s = findSection(ed.ref), text = ed.text.trim();
    if (!s) { ed.error = '这一部分已不在当前的草稿中。'; renderDraft(); return; }
    if (!text && ed.ref === 'title') { ed.error = '标题不能为空。'; renderDraft(); return; }
    if (text === editableText(s).trim()) { closeEditor(); return; }
    var frame = { type: 'edit', section: ed.ref, text: text, baseVersion: ed.base };
    if (jsonBytes(frame) > MAX_FRAME_BYTES) { ed.error = '这一部分太长，一次保存不下（约2600字以内）。请删减一些，或分成两部分修改。'; renderDraft(); return; }
    if (!act(frame)) return;
    ed.saving = true;
    ed.error = null;
    S.lastEdit = { ref: ed.ref, text: text };
    S.focusNext = 'edit-text@' + ed.ref;
    renderDraft();
  }

  /** A draft arrived: if it carries the text being saved, the edit went through and the editor closes. */
  function editSaved(d) {
    var ed = S.editor;
    if (!ed || ed.mode !== 'edit' || !ed.saving) return;
    var s = (d.sections || []).filter(function (x) { return x.ref === ed.ref; })[0];
    if (s && editableText(s).trim() === ed.text.trim()) { S.editor = null; S.focusNext = 'edit@' + ed.ref; }
  }

  /** VERSION_CONFLICT on an edit: the editor stays open with the writer's text, now based on the newer version. */
  function editConflict(f) {
    var ed = S.editor;
    if (!ed || ed.mode !== 'edit') {
      if (!S.lastEdit) return;
      ed = S.editor = { ref: S.lastEdit.ref, mode: 'edit', text: S.lastEdit.text };
    }
    if (typeof f.text === 'string' && f.text) ed.text = f.text;
    ed.base = f.currentVersion;
    ed.conflict = f.currentVersion;
    ed.saving = false;
    ed.error = null;
    S.focusNext = 'edit-text@' + ed.ref;
    if (S.tab !== 'draft' && isNarrow()) showTab('draft');
    renderDraft();
  }

  function showCard(ref) {
    if (S.view !== 'draft') showVersions(false);
    if (S.tab !== 'draft' && isNarrow()) showTab('draft');
    var cards = ui.draft.querySelectorAll('[data-testid=section-card]');
    for (var i = 0; i < cards.length; i++) {
      if (cards[i].getAttribute('data-card') !== ref) continue;
      var c = cards[i];
      if (c.scrollIntoView) c.scrollIntoView({ block: 'center', behavior: 'smooth' });
      c.classList.remove('sz-changed');
      void c.offsetWidth; // restart the flash
      c.classList.add('sz-changed');
    }
  }

  return { renderDraft, applyLive, renderLive, liveEl, sectionEl, renderProgress, working, finishProgress, renderTools, renderCardActions, onCopy, findSection, editableText, sectionLabel, cardEl, cardNote, openEditor, closeEditor, onEditorKey, refinePanel, sendRefine, editPanel, saveEdit, editSaved, editConflict, showCard };
}
