/*
 * Undo, redo, the version history and the diff of two versions.
 * Its create function gets what it needs from the page through ctx (state, elements, the other parts' functions)
 * and returns its own; a function taken from ctx is looked up when called, so parts may call each other.
 */

import { charDiff } from '../diff.js';

export function createVersionsPane(ctx) {
  const CHANGE_NAMES = ctx.CHANGE_NAMES;
  const DIFF_NAMES = ctx.DIFF_NAMES;
  const S = ctx.S;
  const server = ctx.server;
  const ui = ctx.ui;
  const act = (...a) => ctx.act(...a);
  const clock = (...a) => ctx.clock(...a);
  const el = (...a) => ctx.el(...a);
  const engineName = (...a) => ctx.engineName(...a);
  const fill = (...a) => ctx.fill(...a);
  const focusKey = (...a) => ctx.focusKey(...a);
  const generate = (...a) => ctx.generate(...a);
  const isNarrow = (...a) => ctx.isNarrow(...a);
  const restoreFocus = (...a) => ctx.restoreFocus(...a);
  const sectionLabel = (...a) => ctx.sectionLabel(...a);
  const showTab = (...a) => ctx.showTab(...a);
  const transmit = (...a) => ctx.transmit(...a);

  // ----- undo, redo, version history and diff -----

  function undo() { if (S.versions && S.versions.canUndo) act({ type: 'undo' }); }

  function redo() { if (S.versions && S.versions.canRedo) act({ type: 'redo' }); }

  function versionInfo(n) {
    var items = S.versions && S.versions.items || [];
    for (var i = 0; i < items.length; i++) if (items[i].version === n) return items[i];
    return null;
  }

  function showVersions(open, focusBack) {
    S.view = open ? 'versions' : 'draft';
    ui.versionsBtn.setAttribute('aria-expanded', String(open));
    ui.versionsBtn.classList.toggle('sz-on', open);
    ui.draftScroll.hidden = open;
    ui.versionsPanel.hidden = !open;
    if (open) {
      transmit({ type: 'versions' });
      S.focusNext = 'versions-close';
      if (S.tab !== 'draft' && isNarrow()) showTab('draft');
    } else {
      S.diff = null; S.diffPick = []; S.diffLoading = false;
    }
    renderVersions();
    if (!open && focusBack) ui.versionsBtn.focus();
  }

  function requestDiff(a, b) {
    var from = Math.min(a, b), to = Math.max(a, b);
    if (!act({ type: 'diff', from: from, to: to })) return;
    S.diffLoading = { from: from, to: to };
    S.diff = null;
    renderVersions();
  }

  function describeVersion(it) {
    if (it.change === 'generate') return '按收集到的情况生成';
    if (it.change === 'edit') return '改了“' + sectionLabel(it.instruction || '') + '”';
    if (it.change === 'refine') return it.instruction ? '“' + it.instruction + '”' : '';
    return it.instruction || '';
  }

  function renderVersions() {
    var p = ui.versionsPanel;
    if (S.view !== 'versions') { p.replaceChildren(); return; }
    var focus = focusKey(p);
    var v = S.versions || { items: [] }, items = (v.items || []).slice().reverse();
    var list = el('ol', { class: 'sz-vlist', 'aria-label': '草稿的各个版本，最新的在前' });
    items.forEach(function (it) { list.append(versionEl(it, v)); });
    var pick = S.diffPick;
    fill(p, [
      el('div', { class: 'sz-panel-head' }, [
        el('h3', { class: 'sz-panel-title', text: '版本记录' }),
        el('span', { class: 'sz-muted sz-grow', text: items.length ? '共' + items.length + '版，勾选两版可以比较' : '' }),
        el('button', { type: 'button', class: 'sz-btn sz-btn-small', 'data-testid': 'versions-close', 'data-focus': 'versions-close',
          text: '返回草稿', on: { click: function () { showVersions(false, true); } } })
      ]),
      items.length ? list : el('p', { class: 'sz-muted', text: '还没有草稿版本。' }),
      items.length > 1 ? el('div', { class: 'sz-vcompare' }, [
        el('button', { type: 'button', class: 'sz-btn sz-btn-small', 'data-testid': 'diff-selected', 'data-focus': 'diff-selected',
          text: pick.length === 2 ? '比较第' + Math.min(pick[0], pick[1]) + '版和第' + Math.max(pick[0], pick[1]) + '版' : '比较所选的两版',
          disabled: pick.length !== 2, on: { click: function () { requestDiff(pick[0], pick[1]); } } }),
        el('span', { class: 'sz-muted', text: pick.length === 2 ? '' : '已选 ' + pick.length + ' / 2' })
      ]) : null,
      diffEl()
    ]);
    restoreFocus(p, focus);
  }

  function versionEl(it, v) {
    var n = it.version, current = n === v.current, picked = S.diffPick.indexOf(n) >= 0;
    var box = el('input', { type: 'checkbox', class: 'sz-vpick', 'data-testid': 'version-pick', 'data-focus': 'pick@' + n,
      'aria-label': '选择第' + n + '版来比较', checked: picked });
    box.checked = picked;
    box.addEventListener('change', function () {
      var list = S.diffPick.filter(function (x) { return x !== n; });
      if (box.checked) list.push(n);
      S.diffPick = list.slice(-2); // a third choice replaces the oldest
      renderVersions();
    });
    var meta = [describeVersion(it), it.change === 'generate' || it.change === 'refine' ? engineName(it.engine) : '', clock(it.at)]
      .filter(Boolean).join(' · ');
    return el('li', { class: 'sz-vitem' + (current ? ' sz-vcurrent' : ''), 'data-testid': 'version-item', 'data-version': n,
      'aria-current': current ? 'true' : null }, [
      box,
      el('div', { class: 'sz-vmain' }, [
        el('div', { class: 'sz-vline' }, [
          el('strong', { text: '第' + n + '版' }),
          el('span', { class: 'sz-tag sz-vchange', 'data-change': it.change, text: CHANGE_NAMES[it.change] || it.change || '' }),
          current ? el('span', { class: 'sz-vnow', 'data-testid': 'version-current', text: '当前' }) : null
        ]),
        meta ? el('div', { class: 'sz-vmeta', text: meta }) : null
      ]),
      it.basedOn > 0 ? el('button', { type: 'button', class: 'sz-link', 'data-testid': 'diff-prev', 'data-focus': 'diff-prev@' + n,
        text: '与上一版比较', 'aria-label': '第' + n + '版与第' + it.basedOn + '版比较',
        on: { click: function () { requestDiff(it.basedOn, n); } } }) : null
    ]);
  }

  function diffEl() {
    if (S.diffLoading) return el('p', { class: 'sz-muted', role: 'status', text: '正在比较第' + S.diffLoading.from + '版和第' + S.diffLoading.to + '版…' });
    var d = S.diff;
    if (!d) return null;
    var secs = d.sections || [], shown = secs.filter(function (x) { return x.status !== 'same'; });
    var same = secs.filter(function (x) { return x.status === 'same'; });
    var counts = ['changed', 'added', 'removed'].map(function (st) {
      var n = shown.filter(function (x) { return x.status === st; }).length;
      return n ? DIFF_NAMES[st] + n + '处' : '';
    }).filter(Boolean).join('，');
    return el('section', { class: 'sz-diff', 'data-testid': 'diff', 'aria-label': '版本比较' }, [
      el('h4', { class: 'sz-diff-title', text: '第' + d.from + '版 → 第' + d.to + '版' }),
      el('p', { class: 'sz-muted', role: 'status', text: shown.length ? counts + '；其余' + same.length + '部分未变。' : '两个版本内容相同。' }),
      el('div', null, shown.map(diffSectionEl)),
      same.length && shown.length ? el('p', { class: 'sz-muted sz-diff-same', text: '未改动：' + same.map(function (x) {
        return x.ref === 'title' ? '标题' : x.ref === 'opening' ? '开头' : x.heading || x.ref;
      }).join('、') }) : null
    ]);
  }

  function diffSectionEl(x) {
    var name = x.ref === 'title' ? '标题' : x.ref === 'opening' ? '开头' : x.heading || '第' + x.ref + '节';
    // Both texts are heading + body; a heading that did not change is already in the header, so only bodies show.
    var h = x.ref === 'title' ? '' : x.heading || '', before = x.before || '', after = x.after || '';
    if (h && (x.before == null || before.indexOf(h) === 0) && (x.after == null || after.indexOf(h) === 0)) {
      // (the server may join them with the run-in 。 or a line break)
      before = before.slice(h.length).replace(/^[。\n]/, '');
      after = after.slice(h.length).replace(/^[。\n]/, '');
    }
    var cols;
    if (x.status === 'changed') {
      var ops = charDiff(before, after);
      cols = [diffCol('修改前', 'diff-before', ops, '-'), diffCol('修改后', 'diff-after', ops, '+')];
    } else if (x.status === 'added') {
      cols = [diffCol('新增', 'diff-after', [{ op: '+', text: after }], '+')];
    } else {
      cols = [diffCol('删除', 'diff-before', [{ op: '-', text: before }], '-')];
    }
    return el('div', { class: 'sz-dsec', 'data-testid': 'diff-section', 'data-status': x.status, 'data-ref': x.ref }, [
      el('div', { class: 'sz-dsec-head' }, [
        el('span', { class: 'sz-tag sz-dstatus', 'data-status': x.status, text: DIFF_NAMES[x.status] || x.status }),
        el('strong', { text: name })
      ]),
      el('div', { class: 'sz-dcols' }, cols)
    ]);
  }

  /** One side of a changed section: the common text plain, this side's changes marked (del or ins). */
  function diffCol(label, testid, ops, side) {
    var p = el('p', { class: 'sz-dtext', 'data-testid': testid });
    ops.forEach(function (o) {
      if (o.op === '=') p.append(o.text);
      else if (o.op === side) p.append(el(side === '-' ? 'del' : 'ins', { class: side === '-' ? 'sz-del' : 'sz-ins', text: o.text }));
    });
    return el('div', { class: 'sz-dcol' }, [el('p', { class: 'sz-dlabel', text: label }), p]);
  }

  return { undo, redo, versionInfo, showVersions, requestDiff, describeVersion, renderVersions, versionEl, diffEl, diffSectionEl, diffCol };
}
