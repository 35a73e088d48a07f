/*
 * The socket: connecting, the hello that resumes at lastSeq, reconnecting with back-off, telling a refused site
 * from a server that is down (the rules that need no socket are in transport.js).
 * Its create function gets what it needs from the page through ctx (state, elements, the other parts' functions)
 * and returns its own; a function taken from ctx is looked up when called, so parts may call each other.
 */

import { backoff, helloFrame, sayFrame } from './transport.js';

export function createConnection(ctx) {
  const S = ctx.S;
  const crossOrigin = ctx.crossOrigin;
  const global = ctx.global;
  const here = ctx.here;
  const server = ctx.server;
  const store = ctx.store;
  const ui = ctx.ui;
  const wsUrl = ctx.wsUrl;
  const mark = (...a) => ctx.mark(...a);
  const onFrame = (...a) => ctx.onFrame(...a);
  const renderConnection = (...a) => ctx.renderConnection(...a);
  const renderDraft = (...a) => ctx.renderDraft(...a);

  // ----- connection -----

  function connect() {
    clearTimeout(S.timer);
    if (S.destroyed) return;
    var ws, opened = false;
    try { ws = new global.WebSocket(wsUrl); } catch (e) { scheduleReconnect(); return; }
    S.ws = ws;
    var opening = setTimeout(function () { if (ws.readyState === 0) ws.close(); }, 10000);
    ws.addEventListener('open', function () {
      clearTimeout(opening);
      if (S.ws !== ws) return;
      opened = true;
      S.attempt = 0;
      S.ready = true;
      S.everConnected = true;
      mark('shuzhi-connected');
      if (!S.choosing) sendHello(ws);
      S.pending.forEach(function (p) { ws.send(JSON.stringify(sayFrame(p))); });
      renderConnection();
    });
    ws.addEventListener('message', function (ev) {
      if (S.ws !== ws) return;
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      onFrame(f);
    });
    ws.addEventListener('close', function () {
      clearTimeout(opening);
      if (S.ws !== ws) return;
      S.ws = null;
      S.ready = false;
      if (S.live) { S.live = null; renderDraft(); }
      renderConnection();
      // A browser never tells a page why a handshake failed. Embedded on another site, a refusal (403: the site is
      // not in shuzhi.web.allowed-origins) is told apart from a server that is down, so the writer reads which.
      if (!opened && crossOrigin) probeRefused().then(function (refused) {
        if (S.ws || S.destroyed) return;
        if (refused) showRefused(); else scheduleReconnect();
      });
      else scheduleReconnect();
    });
  }

  function sendHello(ws) {
    ws.send(JSON.stringify(helloFrame(S.sessionId, S.hasState, S.lastSeq, S.kind)));
  }

  /** True when the server answers but refuses this site: its API refuses CORS while its files load. */
  function probeRefused() {
    if (!global.fetch) return Promise.resolve(false);
    var opts = { credentials: 'omit', cache: 'no-store' };
    return global.fetch(server + '/api/kinds', opts).then(function () { return false; }, function () {
      return global.fetch(server + '/app.css', { mode: 'no-cors', credentials: 'omit', cache: 'no-store' })
        .then(function () { return true; }, function () { return false; });
    });
  }

  function showRefused() {
    S.refused = true;
    ui.refusedText.textContent = '无法连接：述职助手的服务器拒绝了本网站（' + here + '）的连接，本网站尚未获准嵌入述职助手。' +
      '请联系管理员把本网站地址加入允许列表。';
    renderConnection();
  }

  function scheduleReconnect() {
    if (S.destroyed) return;
    var delay = backoff(S.attempt++);
    clearTimeout(S.timer);
    S.timer = setTimeout(connect, delay);
    renderConnection(true);
  }

  function reconnectNow() {
    var old = S.ws;
    S.ws = null;
    S.ready = false;
    S.refused = false;
    if (old) try { old.close(); } catch (e) { /* already closing */ }
    S.attempt = 0;
    connect();
  }

  return { connect, sendHello, probeRefused, showRefused, scheduleReconnect, reconnectNow };
}
