/*
 * The chat pane: messages, quick replies, following the newest reply, the composer (send, offline queue, edit and
 * resend, 生成草稿 / 停止生成).
 * Its create function gets what it needs from the page through ctx (state, elements, the other parts' functions)
 * and returns its own; a function taken from ctx is looked up when called, so parts may call each other.
 */

import { sayFrame } from '../transport.js';

export function createChatPane(ctx) {
  const MAX_FRAME_BYTES = ctx.MAX_FRAME_BYTES;
  const MAX_LEN = ctx.MAX_LEN;
  const S = ctx.S;
  const server = ctx.server;
  const ui = ctx.ui;
  const act = (...a) => ctx.act(...a);
  const el = (...a) => ctx.el(...a);
  const frameBytes = (...a) => ctx.frameBytes(...a);
  const isNarrow = (...a) => ctx.isNarrow(...a);
  const newId = (...a) => ctx.newId(...a);
  const renderProgress = (...a) => ctx.renderProgress(...a);
  const renderSend = (...a) => ctx.renderSend(...a);
  const retry = (...a) => ctx.retry(...a);
  const showTab = (...a) => ctx.showTab(...a);
  const startSession = (...a) => ctx.startSession(...a);
  const toast = (...a) => ctx.toast(...a);
  const transmit = (...a) => ctx.transmit(...a);

  // ----- messages -----

  function addMessage(m, quiet) {
    m.choices = m.choices || [];
    m.text = m.text || '';
    S.messages.push(m);
    S.byId[m.id] = m;
    m.bubble = el('div', { class: 'sz-bubble' });
    var kids = [];
    if (m.role === 'assistant') kids.push(el('span', { class: 'sz-avatar', 'aria-hidden': 'true', text: '述' }));
    if (m.role === 'user') {
      m.editBtn = el('button', { type: 'button', class: 'sz-link sz-msg-edit', 'data-testid': 'message-edit', hidden: true,
        title: '修改这条消息后重新发送', 'aria-label': '修改这条消息后重新发送', on: { click: startEditLast } });
      kids.push(m.editBtn);
    }
    kids.push(m.bubble);
    m.el = el('div', {
      class: 'sz-msg sz-msg-' + m.role + (m.pending ? ' sz-pending' : ''),
      'data-testid': 'message-' + m.role, 'data-id': m.id
    }, kids);
    if (!quiet) {
      var stick = nearBottom();
      ui.messages.append(m.el);
      updateMessage(m);
      scrollChat(stick);
    } else {
      updateMessage(m);
    }
    return m;
  }

  function ensureAssistant(id) {
    var m = S.byId[id];
    if (!m) m = addMessage({ role: 'assistant', id: id, text: '', streaming: true });
    ui.messages.setAttribute('aria-busy', m.streaming ? 'true' : 'false');
    return m;
  }

  function updateMessage(m) {
    var stick = nearBottom();
    m.bubble.replaceChildren();
    if (m.streaming && !m.text) {
      m.bubble.append(el('span', { class: 'sz-typing', 'aria-label': '正在输入' },
        [el('i'), el('i'), el('i')]));
    } else {
      m.bubble.textContent = m.text;
    }
    m.el.classList.toggle('sz-streaming', !!m.streaming);
    scrollChat(stick);
  }

  function addNotice(text, kind, onRetry) {
    var kids = [el('span', { class: 'sz-notice-text', text: text })];
    if (onRetry) {
      kids.push(el('button', { type: 'button', class: 'sz-btn sz-btn-small', 'data-testid': 'retry', text: '重试',
        on: { click: function (e) { e.currentTarget.disabled = true; onRetry(); } } }));
    }
    var n = el('div', { class: 'sz-notice sz-notice-' + kind, 'data-testid': kind === 'error' ? 'message-error' : 'notice' }, kids);
    var stick = nearBottom();
    ui.messages.append(n);
    scrollChat(stick || kind === 'error');
  }

  function renderMessages() {
    ui.messages.replaceChildren();
    S.messages.forEach(function (m) { ui.messages.append(m.el); });
  }

  function renderChips() {
    var last = S.messages[S.messages.length - 1];
    ui.chips.replaceChildren();
    var choices = last && last.role === 'assistant' && !last.streaming ? last.choices : [];
    choices.forEach(function (c) {
      ui.chips.append(el('button', { type: 'button', class: 'sz-chip', 'data-testid': 'chip', text: c, disabled: !S.ready,
        on: { click: function () { say(c); } } }));
    });
    ui.chips.hidden = !choices.length;
  }

  // The chat follows the conversation while the writer is at its end (S.following), as chat products do: every
  // change of size (a reply streaming in, quick replies appearing under it, a tab shown again, a snapshot laid out
  // after a reload) puts the newest line back in view. A writer who scrolls up to reread is left where they are.
  function nearBottom() {
    return S.following;
  }

  function scrollChat(force) {
    if (force) S.following = true;
    if (!S.following) return;
    var s = ui.scroll;
    // Instant, not smooth: a smooth scroll still running when the next change lands stops short of the end.
    if (s.scrollTo) s.scrollTo({ top: s.scrollHeight, behavior: 'instant' }); else s.scrollTop = s.scrollHeight;
  }

  function onChatScroll() {
    var s = ui.scroll;
    if (!s.clientHeight) return; // a hidden tab
    var gap = s.scrollHeight - s.scrollTop - s.clientHeight;
    if (gap <= 8) S.following = true;
    else if (s.scrollTop < S.lastScrollTop) S.following = false; // the writer scrolled up
    S.lastScrollTop = s.scrollTop;
  }

  // ----- sending -----

  /**
   * Sends a chat message. Without a connection it waits in S.pending (shown as 待发送) and goes out once the socket is
   * back, with the same id, so the server takes it once. replaces: the id of the writer's last message it corrects.
   */
  function say(text, replaces) {
    text = String(text || '').trim();
    if (!text || text.length > MAX_LEN || frameBytes(text) > MAX_FRAME_BYTES || S.refused || S.destroyed) return false;
    if (S.choosing) startSession(null); // typing instead of choosing: the server's default kind
    var id = newId();
    var p = { id: id, text: text };
    if (replaces) p.replaces = replaces;
    S.pending.push(p);
    addMessage({ role: 'user', id: id, text: text, pending: true });
    scrollChat(true);
    transmit(sayFrame(p));
    renderChips();
    return true;
  }


  /** The writer's last message, if it can be corrected and sent again (answered or failed, not still on its way). */
  function lastUserMessage() {
    for (var i = S.messages.length - 1; i >= 0; i--) {
      var m = S.messages[i];
      if (m.role === 'user') return m.pending ? null : m;
    }
    return null;
  }

  /** 修改: the last message goes back into the box; sending it replaces the message and the reply to it. */
  function startEditLast() {
    var m = lastUserMessage();
    if (!m) return;
    S.editingId = m.id;
    ui.input.value = m.text;
    onInput();
    renderEditing();
    ui.input.focus();
    try { ui.input.setSelectionRange(m.text.length, m.text.length); } catch (e) { /* not focusable yet */ }
  }

  function cancelEditLast() {
    S.editingId = null;
    ui.input.value = '';
    onInput();
    renderEditing();
    ui.input.focus();
  }

  function renderEditing() {
    ui.editing.hidden = !S.editingId;
    var last = lastUserMessage();
    S.messages.forEach(function (m) {
      if (m.editBtn) m.editBtn.hidden = m !== last || !!S.editingId;
    });
  }

  /** A message the writer corrected gives way to its correction, with the replies to it. */
  function dropReplaced(id) {
    var i = -1;
    S.messages.forEach(function (m, k) { if (m.id === id) i = k; });
    if (i < 0) return;
    var j = i + 1;
    while (j < S.messages.length && S.messages[j].role === 'assistant') j++;
    S.messages.splice(i, j - i).forEach(function (m) { delete S.byId[m.id]; if (m.el) m.el.remove(); });
  }

  function submitInput() {
    if (ui.send.disabled) return;
    var replaces = S.editingId;
    if (say(ui.input.value, replaces)) {
      ui.input.value = '';
      onInput();
      if (replaces) { S.editingId = null; dropReplaced(replaces); }
      renderEditing();
    }
    ui.input.focus();
  }

  function onGenerateButton() {
    if (S.progress && !S.stopping) stopDraft(); else generate();
  }

  /** 停止生成: the server stops the draft at its next section or sentence; the version before stays. */
  function stopDraft() {
    if (!transmit({ type: 'stop' })) return;
    S.stopping = true;
    if (S.progress) S.progress.label = '正在停止…';
    renderProgress();
  }

  function generate() {
    if (S.choosing || !S.hasState) { toast('请先选择报告类型，或直接回答问题。'); return; }
    if (!act({ type: 'generate' })) return;
    S.progress = { step: 0, total: 0, label: '正在准备…' };
    renderProgress();
    if (S.tab !== 'draft' && isNarrow()) showTab('draft');
  }

  function onInput() {
    var ta = ui.input;
    ta.style.height = 'auto';
    ta.style.height = Math.min(ta.scrollHeight, 200) + 'px';
    ta.style.overflowY = ta.scrollHeight > 200 ? 'auto' : 'hidden';
    var n = ta.value.length;
    S.tooBig = n > 1000 && frameBytes(ta.value.trim()) > MAX_FRAME_BYTES;
    ui.counter.textContent = S.tooBig ? '内容过长，请分段发送' : n ? n + ' / ' + MAX_LEN : '';
    ui.counter.classList.toggle('sz-warn', S.tooBig || n > MAX_LEN * 0.95);
    renderSend();
  }

  function onKeyDown(e) {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.isComposing || e.keyCode === 229 || S.composing) return; // IME is choosing characters
    e.preventDefault();
    submitInput();
  }

  return { addMessage, ensureAssistant, updateMessage, addNotice, renderMessages, renderChips, nearBottom, scrollChat, onChatScroll, say, lastUserMessage, startEditLast, cancelEditLast, renderEditing, dropReplaced, submitInput, onGenerateButton, stopDraft, generate, onInput, onKeyDown };
}
