/*
 * 述职助手 widget. On any page:
 *   <script src="https://host/widget.js" data-server="https://host" data-kind="party-branch-secretary" async></script>
 * adds a launcher (bottom right) and a panel that runs the same app as Shuzhi's own page (app.js, app.css from
 * data-server, or from this script's origin) inside a Shadow DOM, so the host page's styles and the app's stay apart.
 * app.js loads on the first open; the chat socket goes to data-server's /ws/chat, which admits only allowed sites.
 */
(function (w, d) {
  'use strict';
  var me = d.currentScript;
  if (!me || w.__shuzhiWidget || !d.documentElement.attachShadow) return;
  w.__shuzhiWidget = true;
  var server = (me.getAttribute('data-server') || new URL(me.src, d.baseURI).origin).replace(/\/+$/, '');
  var kind = me.getAttribute('data-kind') || undefined;
  var KEY = 'shuzhi.widget.open@' + server;
  var host, panel, root, launcher, label, app, loading;

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function remember(open) {
    try { if (open) w.sessionStorage.setItem(KEY, '1'); else w.sessionStorage.removeItem(KEY); } catch (e) { /* off */ }
  }

  function show(open) {
    panel.hidden = !open;
    host.setAttribute('data-open', String(open)); // lets the host page and tests see the state
    launcher.setAttribute('aria-expanded', String(open));
    label.textContent = open ? '收起' : '述职助手';
    remember(open);
  }

  function open() {
    show(true);
    if (app) { app.focus(); return; }
    if (loading) return;
    loading = true;
    root.replaceChildren(el('p', 'sz-w-note', '正在加载述职助手…'));
    if (w.Shuzhi && w.Shuzhi.mount) { start(); return; }
    var s = el('script');
    // An ES module (it imports js/*.js from the same server): fetched with CORS, which the server allows for its scripts.
    s.type = 'module';
    s.src = server + '/app.js';
    s.onload = start;
    s.onerror = failed;
    d.head.appendChild(s);
  }

  function close() {
    show(false);
    launcher.focus();
  }

  function start() {
    loading = false;
    if (!w.Shuzhi || !w.Shuzhi.mount) { failed(); return; }
    root.replaceChildren();
    app = w.Shuzhi.mount(root, { server: server, kind: kind, onClose: close });
    app.focus();
  }

  function failed() {
    loading = false;
    var retry = el('button', 'sz-btn sz-btn-small', '重试');
    retry.type = 'button';
    retry.onclick = function () { d.head.querySelectorAll('script[src="' + server + '/app.js"]').forEach(function (s) { s.remove(); }); open(); };
    root.replaceChildren(el('p', 'sz-w-note sz-w-error', '述职助手暂时无法加载，请检查网络后重试。'), retry);
  }

  function init() {
    host = el('shuzhi-widget');
    host.style.setProperty('display', 'none', 'important'); // until its styles load: never a bare button
    var shadow = host.attachShadow({ mode: 'open' });
    var css = el('link');
    css.rel = 'stylesheet';
    css.href = server + '/app.css';
    css.onload = function () { host.style.setProperty('display', 'block', 'important'); };
    panel = el('div', 'sz-w-panel');
    panel.id = 'sz-w-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', '述职助手');
    root = el('div', 'sz-w-root');
    panel.append(root);
    launcher = el('button', 'sz-w-launcher');
    launcher.type = 'button';
    launcher.setAttribute('aria-controls', 'sz-w-panel');
    launcher.setAttribute('data-testid', 'launcher');
    label = el('span', 'sz-w-label');
    launcher.append(el('span', 'sz-logo', '述'), label);
    launcher.onclick = function () { if (panel.hidden) open(); else close(); };
    panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });
    shadow.append(css, panel, launcher);
    var reopen = false;
    try { reopen = w.sessionStorage.getItem(KEY) === '1'; } catch (e) { /* off */ }
    d.body.appendChild(host);
    if (reopen) open(); else show(false); // reopen: the writer moved to another page of the site, panel open
  }

  if (d.body) init(); else d.addEventListener('DOMContentLoaded', init);
})(window, document);
