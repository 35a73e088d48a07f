/*
 * Proofreading: the suggestions for the current draft, accepted or ignored one by one.
 * Its create function gets what it needs from the page through ctx (state, elements, the other parts' functions)
 * and returns its own; a function taken from ctx is looked up when called, so parts may call each other.
 */

export function createProofreadPane(ctx) {
  const S = ctx.S;
  const ui = ctx.ui;
  const act = (...a) => ctx.act(...a);
  const el = (...a) => ctx.el(...a);
  const fill = (...a) => ctx.fill(...a);
  const focusKey = (...a) => ctx.focusKey(...a);
  const restoreFocus = (...a) => ctx.restoreFocus(...a);
  const sectionLabel = (...a) => ctx.sectionLabel(...a);
  const showCard = (...a) => ctx.showCard(...a);

  // ----- proofreading -----

  function proofread() {
    if (!S.draft || !act({ type: 'proofread' })) return;
    S.proof = { loading: true, items: [], ignored: S.proof ? S.proof.ignored : {} };
    S.focusNext = 'proof-close';
    renderProof();
  }

  /** Ignoring is for this page only; the key outlives the position-based id, which moves when the text changes. */
  function suggestionKey(x) { return [x.sectionRef, x.category, x.wrong, x.right].join('\u0000'); }

  function renderProof() {
    var p = S.proof, box = ui.proof;
    box.hidden = !p;
    ui.proofBtn.classList.toggle('sz-on', !!p);
    if (!p) { box.replaceChildren(); return; }
    var focus = focusKey(box);
    var visible = p.items.filter(function (x) { return !p.ignored[suggestionKey(x)]; });
    var stale = !p.loading && !p.accepting && S.draft && p.version !== S.draft.version;
    var body;
    if (p.loading) body = el('p', { class: 'sz-muted', role: 'status', text: '正在校对…' });
    else if (!visible.length) {
      body = el('p', { class: 'sz-proof-ok', role: 'status', 'data-testid': 'proofread-clean',
        text: p.items.length ? '其余建议已忽略。' : '没有发现需要修改的地方。' });
    } else body = el('ul', { class: 'sz-sugg-list' }, visible.map(suggestionEl));
    fill(box, [
      el('div', { class: 'sz-panel-head' }, [
        el('h3', { class: 'sz-panel-title' }, ['校对建议', p.loading ? null : el('span', { class: 'sz-badge', 'data-testid': 'suggestion-count', text: String(visible.length) })]),
        el('span', { class: 'sz-grow' }),
        stale ? el('button', { type: 'button', class: 'sz-btn sz-btn-small', 'data-focus': 'proof-again', text: '草稿已更新，重新校对',
          on: { click: proofread } }) : null,
        el('button', { type: 'button', class: 'sz-btn sz-btn-small sz-btn-ghost', 'data-testid': 'proofread-close', 'data-focus': 'proof-close',
          'aria-label': '关闭校对建议', text: '关闭', on: { click: function () { S.proof = null; renderProof(); ui.proofBtn.focus(); } } })
      ]),
      p.error ? el('p', { class: 'sz-edit-error', role: 'alert', text: p.error }) : null,
      body
    ]);
    restoreFocus(box, focus);
  }

  function suggestionEl(x) {
    var p = S.proof, key = suggestionKey(x), accepting = p.accepting === x.id;
    // A numbering finding with no single replacement is for the writer to fix by hand: accepting would delete it.
    var manual = !x.right && (x.category === '序号' || x.category === '提法');
    return el('li', { class: 'sz-sugg', 'data-testid': 'suggestion', 'data-id': x.id }, [
      el('div', { class: 'sz-sugg-main' }, [
        el('span', { class: 'sz-tag', text: x.category || '建议' }),
        el('del', { class: 'sz-del', 'data-testid': 'suggestion-wrong', text: x.wrong || '' }),
        el('span', { class: 'sz-arrow', 'aria-label': '改为', text: '→' }),
        x.right ? el('ins', { class: 'sz-ins', 'data-testid': 'suggestion-right', text: x.right })
          : el('span', { class: 'sz-muted', text: manual ? '（请手动调整）' : '（删去）' }),
        x.sectionRef ? el('button', { type: 'button', class: 'sz-link sz-sugg-where', text: '在“' + sectionLabel(x.sectionRef) + '”',
          title: '在草稿中找到这一部分', on: { click: function () { showCard(x.sectionRef); } } }) : null
      ]),
      x.note ? el('p', { class: 'sz-sugg-note', text: x.note }) : null,
      el('div', { class: 'sz-sugg-actions' }, [
        manual ? null : el('button', { type: 'button', class: 'sz-btn sz-btn-small sz-btn-primary', 'data-testid': 'suggestion-accept',
          'data-focus': 'accept@' + key, text: accepting ? '正在修改…' : x.right ? '采纳' : '删去',
          disabled: !!p.accepting || !S.ready, on: { click: function () { acceptSuggestion(x); } } }),
        el('button', { type: 'button', class: 'sz-btn sz-btn-small', 'data-testid': 'suggestion-ignore', 'data-focus': 'ignore@' + key,
          text: '忽略', on: { click: function () { p.ignored[key] = true; S.focusNext = 'proof-close'; renderProof(); } } })
      ])
    ]);
  }

  function acceptSuggestion(x) {
    if (!act({ type: 'accept', id: x.id })) return;
    S.proof.accepting = x.id;
    S.proof.error = null;
    renderProof();
  }

  return { proofread, suggestionKey, renderProof, suggestionEl, acceptSuggestion };
}
