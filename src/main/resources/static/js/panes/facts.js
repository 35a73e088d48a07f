/*
 * The facts panel: the facts gathered, by section, each corrected or deleted in place.
 * Its create function gets what it needs from the page through ctx (state, elements, the other parts' functions)
 * and returns its own; a function taken from ctx is looked up when called, so parts may call each other.
 */

import { compareRef } from '../draft-text.js';
import { quantitySegments } from '../marks.js';

export function createFactsPane(ctx) {
  const S = ctx.S;
  const ui = ctx.ui;
  const act = (...a) => ctx.act(...a);
  const el = (...a) => ctx.el(...a);
  const focusKey = (...a) => ctx.focusKey(...a);
  const mark = (...a) => ctx.mark(...a);
  const restoreFocus = (...a) => ctx.restoreFocus(...a);

  // ----- facts -----

  function renderFacts() {
    var facts = S.facts || [], focus = focusKey(ui.factsBody);
    if (S.factEdit && !facts.some(function (f) { return f.id === S.factEdit.id; })) S.factEdit = null;
    ui.factsCount.textContent = String(facts.length);
    ui.factsBody.replaceChildren();
    var pr = S.profile;
    if (pr && (pr.unit || pr.year)) {
      ui.factsBody.append(el('p', { class: 'sz-profile', 'data-testid': 'profile' }, [
        pr.unit ? '单位：' + pr.unit : '', pr.unit && pr.year ? '　' : '', pr.year ? '年度：' + pr.year : ''
      ]));
    }
    if (!facts.length) {
      ui.factsBody.append(el('p', { class: 'sz-muted', text: '还没有收集到事实。回答问题后，要点会列在这里。' }));
      return;
    }
    var groups = [], byKey = {};
    facts.forEach(function (f) {
      var key = f.sectionHeading || f.section || '其他';
      if (!byKey[key]) { byKey[key] = { heading: key, section: f.section, items: [] }; groups.push(byKey[key]); }
      byKey[key].items.push(f);
    });
    groups.sort(function (a, b) { return compareRef(a.section, b.section); });
    groups.forEach(function (g) {
      var ul = el('ul', { class: 'sz-fact-list' });
      g.items.forEach(function (f) { ul.append(factEl(f)); });
      ui.factsBody.append(el('div', { class: 'sz-fact-group', 'data-testid': 'fact-group' },
        [el('h3', { class: 'sz-fact-heading', text: g.heading }), ul]));
    });
    restoreFocus(ui.factsBody, focus);
  }

  /** One fact: its text (numbers marked), 「去年」 when read from last year's report, and 修改 / 删除. */
  function factEl(f) {
    var fe = S.factEdit && S.factEdit.id === f.id ? S.factEdit : null, id = f.id;
    var lastYear = f.origin === 'LAST_YEAR';
    var kids = [
      f.topicLabel ? el('span', { class: 'sz-tag', text: f.topicLabel }) : null,
      lastYear ? el('span', { class: 'sz-tag sz-tag-lastyear', 'data-testid': 'fact-last-year', text: '去年',
        title: '从去年的报告读入。写进今年的报告前，请告诉我今年的情况，或在这里改成今年的数字。' }) : null
    ];
    if (fe && fe.editing) {
      kids.push(factEditor(f, fe));
    } else {
      var t = el('span', { class: 'sz-fact-text', 'data-testid': 'fact-text' });
      appendQuantities(t, f.text || '', f.quantities || []);
      kids.push(t);
      // Year on year: this year's figure beside last year's ("集中学习：去年12次 → 今年15次"); a difference worked
      // out by the program is marked 推算.
      if (f.origin === 'DERIVED') kids.splice(1, 0, el('span', { class: 'sz-tag', 'data-testid': 'fact-derived', text: '推算',
        title: '由今年和去年的数字相减算出，不是您说的原话。' }));
      (f.lastYear || []).forEach(function (y) {
        kids.push(el('span', { class: 'sz-fact-yoy sz-muted', 'data-testid': 'fact-year-on-year',
          text: (y.label ? y.label + '：' : '') + '去年' + y.lastYear + ' → 今年' + y.thisYear }));
      });
      var busy = fe && fe.saving, idle = S.ready && !busy;
      kids.push(el('span', { class: 'sz-fact-actions', role: 'group', 'aria-label': '这条情况的操作' }, fe && fe.confirmDelete ? [
        el('span', { class: 'sz-fact-confirm', role: 'alert', text: busy ? '正在删除…' : '确定删除这条？' }),
        el('button', { type: 'button', class: 'sz-link sz-link-danger', 'data-testid': 'fact-delete-confirm', 'data-focus': 'fact-del-yes@' + id,
          text: '删除', disabled: !idle, on: { click: function () { deleteFact(fe); } } }),
        el('button', { type: 'button', class: 'sz-link', 'data-testid': 'fact-delete-cancel', 'data-focus': 'fact-del-no@' + id,
          text: '取消', on: { click: function () { closeFact('fact-delete@' + id); } } })
      ] : [
        el('button', { type: 'button', class: 'sz-link', 'data-testid': 'fact-edit', 'data-focus': 'fact-edit@' + id, text: '修改',
          'aria-label': '修改这条：' + (f.text || ''), disabled: !S.ready, on: { click: function () { openFact(f, 'editing'); } } }),
        el('button', { type: 'button', class: 'sz-link', 'data-testid': 'fact-delete', 'data-focus': 'fact-delete@' + id, text: '删除',
          'aria-label': '删除这条：' + (f.text || ''), disabled: !S.ready, on: { click: function () { openFact(f, 'confirmDelete'); } } })
      ]));
      if (fe && fe.error) kids.push(el('p', { class: 'sz-edit-error', role: 'alert', text: fe.error }));
    }
    return el('li', { class: 'sz-fact' + (lastYear ? ' sz-fact-lastyear' : ''), 'data-testid': 'fact', 'data-id': id,
      'data-topic': f.topic, 'data-origin': f.origin || null }, kids);
  }

  function factEditor(f, fe) {
    var id = f.id;
    var ta = el('textarea', { class: 'sz-field sz-fact-input', 'data-testid': 'fact-edit-text', 'data-focus': 'fact-text@' + id,
      rows: 2, maxlength: 1000, 'aria-label': '修改这条情况' });
    ta.value = fe.text;
    ta.addEventListener('input', function () { fe.text = ta.value; fe.error = null; });
    ta.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) { e.preventDefault(); saveFact(fe); }
      else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeFact('fact-edit@' + id); }
    });
    return el('div', { class: 'sz-fact-edit' }, [
      ta,
      fe.error ? el('p', { class: 'sz-edit-error', role: 'alert', text: fe.error }) : null,
      el('div', { class: 'sz-edit-foot' }, [
        el('span', { class: 'sz-hint', text: '改好后按 Enter 保存；数字会重新识别。要让草稿用上新内容，请点“重新生成”。' }),
        el('button', { type: 'button', class: 'sz-btn sz-btn-small', 'data-testid': 'fact-cancel', text: '取消',
          on: { click: function () { closeFact('fact-edit@' + id); } } }),
        el('button', { type: 'button', class: 'sz-btn sz-btn-small sz-btn-primary', 'data-testid': 'fact-save', text: fe.saving ? '保存中…' : '保存',
          disabled: !!fe.saving || !S.ready, on: { click: function () { saveFact(fe); } } })
      ])
    ]);
  }

  function openFact(f, mode) {
    S.factEdit = { id: f.id, text: f.text || '' };
    S.factEdit[mode] = true;
    S.focusNext = mode === 'editing' ? 'fact-text@' + f.id : 'fact-del-no@' + f.id;
    renderFacts();
  }

  function closeFact(focus) {
    S.factEdit = null;
    S.focusNext = focus;
    renderFacts();
  }

  function saveFact(fe) {
    if (fe.saving) return;
    var f = S.facts.filter(function (x) { return x.id === fe.id; })[0], text = fe.text.trim();
    if (!text) { fe.error = '内容为空。要删除这条，请点“删除”。'; renderFacts(); return; }
    if (f && text === (f.text || '').trim()) { closeFact('fact-edit@' + fe.id); return; }
    if (!act({ type: 'fact_edit', id: fe.id, text: text })) return;
    fe.saving = true;
    fe.error = null;
    renderFacts();
  }

  function deleteFact(fe) {
    if (fe.saving || !act({ type: 'fact_delete', id: fe.id })) return;
    fe.saving = true;
    renderFacts();
  }

  function appendQuantities(node, text, qs) {
    quantitySegments(text, qs).forEach(function (seg) {
      var q = seg.quantity;
      node.append(q ? el('mark', { class: 'sz-qty', 'data-testid': 'quantity',
        title: q.display && q.display !== q.raw ? '草稿中写作：' + q.display : null, text: seg.text }) : seg.text);
    });
  }

  return { renderFacts, factEl, factEditor, openFact, closeFact, saveFact, deleteFact, appendQuantities };
}
