/*
 * 述职助手 — the chat page. Plain JS, no build step, no external resources, CSP-safe:
 * all UI is built with createElement/textContent inside the root passed to mount(root, {server, kind}).
 * Nothing from the server or the writer ever goes through innerHTML.
 */
(function (global) {
  'use strict';

  var NARROW = 900; // below this width (of the app, not the window: the widget's panel is narrow) chat and draft are tabs
  var EXPORTS = [ // format, label, what it is
    ['docx', 'Word 文档', '公文格式（GB/T 9704），可用 Word / WPS 打开'],
    ['html', '网页', '带公文样式的网页文件'],
    ['md', 'Markdown', 'Markdown 文本'],
    ['txt', '纯文本', '纯文本，无格式']
  ];
  var MAX_LEN = 8000;
  var MAX_FRAME_BYTES = 8192; // the server rejects a frame over this many UTF-8 bytes (TOO_LARGE)
  var FONT = {
    fang: '"仿宋_GB2312","FangSong_GB2312","FangSong","仿宋","STFangsong",serif',
    kai: '"楷体_GB2312","KaiTi_GB2312","KaiTi","楷体","STKaiti",serif',
    hei: '"黑体","SimHei","Heiti SC","STHeiti",sans-serif',
    song: '"方正小标宋简体","小标宋","SimSun","宋体","STSong",serif'
  };

  // ---------- helpers ----------

  /** Builds an element. attrs: text → textContent, class, on → listeners, anything else → attribute. */
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v == null || v === false) return;
        if (k === 'text') e.textContent = v;
        else if (k === 'tid') { e.setAttribute('data-testid', v); e.id = 'sz-' + v; } // stable hooks for tests
        else if (k === 'class') e.className = v;
        else if (k === 'on') Object.keys(v).forEach(function (ev) { e.addEventListener(ev, v[ev]); });
        else e.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach(function (c) { if (c != null) e.append(c); }); // strings become text nodes
    return e;
  }

  var store = {
    get: function (k) { try { return global.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { global.localStorage.setItem(k, String(v)); } catch (e) { /* storage off */ } },
    del: function (k) { try { global.localStorage.removeItem(k); } catch (e) { /* storage off */ } }
  };

  /** A performance mark (the browser tests read them: page load → connected → first reply). */
  function mark(name) {
    var p = global.performance;
    try { if (p && p.mark && !p.getEntriesByName(name).length) p.mark(name); } catch (e) { /* no timing API */ }
  }

  function newId() {
    var c = global.crypto;
    if (c && c.getRandomValues) {
      var a = new Uint32Array(3);
      c.getRandomValues(a);
      return 'm-' + Array.prototype.map.call(a, function (n) { return n.toString(36); }).join('');
    }
    return 'm-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function frameBytes(text) {
    var json = JSON.stringify({ type: 'say', id: 'm-xxxxxxxxxxxxxxxxxxxxxx', text: text });
    return global.TextEncoder ? new global.TextEncoder().encode(json).length : unescape(encodeURIComponent(json)).length;
  }

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function lines(s) {
    return String(s || '').split(/\r?\n/).filter(function (l) { return l.trim() !== ''; });
  }

  /** Run-in heading text ends with exactly one 。 */
  function runIn(h) { return /[。．.：:！？]$/.test(h) ? h : h + '。'; }

  /** Appends text to a node, marking 【…】 placeholders so the writer sees what is still missing. */
  function appendMarked(node, text) {
    var re = /【[^】]*】/g, last = 0, m;
    text = String(text || '');
    while ((m = re.exec(text))) {
      if (m.index > last) node.append(text.slice(last, m.index));
      node.append(el('mark', { class: 'sz-d-todo', text: m[0] }));
      last = m.index + m[0].length;
    }
    if (last < text.length) node.append(text.slice(last));
  }

  function compareRef(a, b) {
    var x = String(a || '').split('.'), y = String(b || '').split('.');
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      var d = (parseInt(x[i], 10) || 0) - (parseInt(y[i], 10) || 0);
      if (d) return d;
    }
    return 0;
  }

  // ---------- draft → clipboard ----------

  function draftPlainText(d) {
    if (d.text) return d.text;
    var out = '';
    (d.sections || []).forEach(function (s) {
      if (s.ref === 'title') { out += (s.heading || d.title || '') + '\n\n'; return; }
      if (s.level === 2 && s.heading) { out += runIn(s.heading) + (s.body || '') + '\n'; return; }
      if (s.heading) out += s.heading + '\n';
      if (s.body) out += s.body + '\n';
    });
    return out;
  }

  function draftHtml(d) {
    var p = 'margin:0;text-indent:2em;font-size:16pt;line-height:28pt;';
    var body = 'font-family:' + FONT.fang + ';';
    var h = '<div style="' + esc(body + 'font-size:16pt;color:#000') + '">';
    (d.sections || []).forEach(function (s) {
      if (s.ref === 'title') {
        h += '<p style="' + esc('margin:0 0 28pt;text-align:center;font-size:22pt;line-height:32pt;font-weight:bold;font-family:' +
          FONT.song + ';') + '">' + esc(s.heading || d.title || '') + '</p>';
        return;
      }
      var ls = lines(s.body);
      if (s.level === 2 && s.heading) {
        h += '<p style="' + esc(p + body) + '"><span style="' + esc('font-family:' + FONT.kai + ';') + '">' +
          esc(runIn(s.heading)) + '</span>' + esc(ls.shift() || '') + '</p>';
      } else if (s.heading) {
        var hs = s.level === 1 ? p + 'font-family:' + FONT.hei + ';font-weight:bold;' : p + body;
        h += '<p style="' + esc(hs) + '">' + esc(s.heading) + '</p>';
      }
      ls.forEach(function (l) { h += '<p style="' + esc(p + body) + '">' + esc(l) + '</p>'; });
    });
    return h + '</div>';
  }

  /**
   * Puts the draft on the clipboard as text/html (公文 styles inline) and text/plain. First via a copy event, which
   * hands both formats over as-is; navigator.clipboard.write would re-parse the HTML inside this page, where the
   * strict CSP reports every style attribute as a violation. Then ClipboardItem, then writeText.
   */
  function copyDraft(d) {
    var text = draftPlainText(d), html = draftHtml(d), cb = global.navigator && global.navigator.clipboard;
    if (copyViaEvent(text, html)) return Promise.resolve();
    if (cb && cb.write && global.ClipboardItem) {
      var item = new global.ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' })
      });
      return cb.write([item]).catch(function () { return cb.writeText(text); });
    }
    if (cb && cb.writeText) return cb.writeText(text);
    return Promise.reject(new Error('no clipboard'));
  }

  function copyViaEvent(text, html) {
    var done = false;
    function onCopy(e) {
      if (!e.clipboardData) return;
      e.clipboardData.setData('text/html', html);
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      done = true;
    }
    document.addEventListener('copy', onCopy, true);
    try { done = document.execCommand('copy') && done; } catch (e) { done = false; }
    document.removeEventListener('copy', onCopy, true);
    return done;
  }

  // ---------- UI skeleton ----------

  function buildUi(root) {
    var u = {};
    u.kind = el('span', { class: 'sz-kind', 'data-testid': 'kind-name', id: 'sz-kind' });
    u.engine = el('span', { class: 'sz-engine', tid: 'engine', title: '当前引擎', hidden: true });
    u.usage = el('span', { class: 'sz-usage', tid: 'usage', title: '本会话已用的模型 tokens（输入 / 输出）', hidden: true });
    u.newSession = el('button', { type: 'button', class: 'sz-btn sz-btn-ghost', tid: 'new-session', text: '新建会话' });
    u.close = el('button', { type: 'button', class: 'sz-btn sz-btn-ghost sz-close', tid: 'close', title: '收起', 'aria-label': '收起述职助手', text: '×', hidden: true });
    u.header = el('header', { class: 'sz-header' }, [
      el('div', { class: 'sz-brand' }, [
        el('span', { class: 'sz-logo', 'aria-hidden': 'true', text: '述' }),
        el('h1', { class: 'sz-title', text: '述职助手' }),
        u.kind
      ]),
      el('div', { class: 'sz-header-right' }, [u.engine, u.usage, u.newSession, u.close])
    ]);
    u.banner = el('div', { class: 'sz-banner', role: 'status', 'data-testid': 'banner-disconnected', id: 'sz-banner', hidden: true },
      [el('span', { class: 'sz-spinner', 'aria-hidden': 'true' }), '连接已断开，正在重连…']);
    u.refusedText = el('span', { class: 'sz-refused-text' });
    u.refusedRetry = el('button', { type: 'button', class: 'sz-btn sz-btn-small', tid: 'refused-retry', text: '重试' });
    u.refused = el('div', { class: 'sz-banner sz-banner-error', role: 'alert', tid: 'banner-refused', hidden: true },
      [u.refusedText, u.refusedRetry]);

    u.tabChat = el('button', { type: 'button', role: 'tab', tid: 'tab-chat', 'aria-controls': 'sz-pane-chat', text: '对话' });
    u.tabDraft = el('button', { type: 'button', role: 'tab', tid: 'tab-draft', 'aria-controls': 'sz-pane-draft' },
      ['草稿', el('span', { class: 'sz-dot', 'aria-hidden': 'true' })]);
    u.tabs = el('div', { class: 'sz-tabs', role: 'tablist', 'aria-label': '视图' }, [u.tabChat, u.tabDraft]);

    // chat pane
    u.intro = el('div', { class: 'sz-intro', tid: 'intro' }, [
      el('p', { class: 'sz-intro-title', text: '我会陪你梳理这一年，写出述职报告草稿' }),
      el('ul', null, [
        el('li', { text: '通过几轮简短问答，了解你的工作情况。' }),
        el('li', { text: '生成三部分草稿：一、履职情况及成效；二、存在问题和不足；三、下步工作举措。' }),
        el('li', { text: '文中每一个数字都来自你自己的回答，不会编造。' }),
        el('li', { text: '不想答的问题可以说“跳过”；随时说“生成草稿”即可出稿。' })
      ])
    ]);
    u.kinds = el('div', { class: 'sz-kinds', tid: 'kinds', role: 'group', 'aria-label': '选择报告类型', hidden: true });
    u.intro.append(u.kinds);
    u.messages = el('div', { class: 'sz-messages', role: 'log', 'aria-live': 'polite', 'aria-label': '对话记录', tid: 'messages' });
    u.scroll = el('div', { class: 'sz-scroll', id: 'sz-chat-scroll' }, [u.intro, u.messages]);
    u.chips = el('div', { class: 'sz-chips', tid: 'chips', role: 'group', 'aria-label': '快捷回复', hidden: true });
    u.input = el('textarea', {
      id: 'sz-input', class: 'sz-input', 'data-testid': 'chat-input', rows: 1, maxlength: MAX_LEN,
      placeholder: '输入你的回答…', 'aria-describedby': 'sz-hint', autocomplete: 'off'
    });
    u.counter = el('span', { class: 'sz-counter', 'data-testid': 'char-count', id: 'sz-counter', 'aria-live': 'off' });
    u.send = el('button', { type: 'submit', class: 'sz-btn sz-btn-primary', tid: 'send', text: '发送', disabled: true });
    u.form = el('form', { class: 'sz-composer', id: 'sz-composer', 'aria-label': '发送消息' }, [
      el('label', { for: 'sz-input', class: 'sz-sr', text: '输入你的回答' }),
      u.input,
      el('div', { class: 'sz-composer-foot' }, [
        el('span', { class: 'sz-hint', id: 'sz-hint', text: 'Enter 发送，Shift+Enter 换行，最多 ' + MAX_LEN + ' 字' }),
        u.counter, u.send
      ])
    ]);
    u.chatPane = el('section', { class: 'sz-pane sz-chat', id: 'sz-pane-chat', role: 'tabpanel', 'aria-labelledby': 'sz-tab-chat', 'data-testid': 'chat' },
      [u.scroll, u.chips, u.form]);

    // draft pane
    u.version = el('span', { class: 'sz-version', tid: 'draft-version' });
    u.copy = el('button', { type: 'button', class: 'sz-btn', tid: 'copy', text: '复制全文', disabled: true });
    u.exports = EXPORTS.map(function (x) {
      return el('a', { class: 'sz-menu-item', role: 'menuitem', tid: 'download-' + x[0], 'aria-disabled': 'true', title: x[2] },
        [el('span', { text: x[1] }), el('span', { class: 'sz-menu-ext', text: '.' + x[0] })]);
    });
    u.exportBtn = el('button', { type: 'button', class: 'sz-btn', tid: 'export', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'sz-export-list', disabled: true },
      ['导出', el('span', { class: 'sz-caret', 'aria-hidden': 'true' })]);
    u.exportList = el('div', { class: 'sz-menu-list', id: 'sz-export-list', role: 'menu', 'aria-label': '导出格式', hidden: true }, u.exports);
    u.exportMenu = el('div', { class: 'sz-menu' }, [u.exportBtn, u.exportList]);
    u.generate = el('button', { type: 'button', class: 'sz-btn sz-btn-primary', tid: 'generate', text: '生成草稿', disabled: true });
    u.copyStatus = el('span', { class: 'sz-copy-status', role: 'status', tid: 'copy-status' });
    u.toolbar = el('div', { class: 'sz-toolbar', role: 'toolbar', 'aria-label': '草稿操作' }, [
      el('h2', { class: 'sz-h2' }, ['草稿', u.version]),
      el('div', { class: 'sz-tools' }, [u.copyStatus, u.copy, u.exportMenu, u.generate])
    ]);
    u.progressLabel = el('span', { class: 'sz-progress-label', 'data-testid': 'progress-label' });
    u.progressFill = el('div', { class: 'sz-progress-fill' });
    u.progress = el('div', { class: 'sz-progress', tid: 'progress', role: 'progressbar', 'aria-label': '草稿生成进度', hidden: true },
      [u.progressLabel, el('div', { class: 'sz-progress-track' }, [u.progressFill])]);
    u.factsCount = el('span', { class: 'sz-badge', 'data-testid': 'facts-count', text: '0' });
    u.factsBody = el('div', { class: 'sz-facts-body', id: 'sz-facts-body' });
    u.facts = el('details', { class: 'sz-facts', tid: 'facts' },
      [el('summary', { class: 'sz-facts-summary' }, ['已收集的事实', u.factsCount]), u.factsBody]);
    u.draft = el('article', { class: 'sz-draft', tid: 'draft', 'aria-label': '述职报告草稿' });
    u.draftPane = el('section', { class: 'sz-pane sz-draftpane', id: 'sz-pane-draft', role: 'tabpanel', 'aria-labelledby': 'sz-tab-draft', 'data-testid': 'draft-pane' },
      [u.toolbar, u.progress, u.facts, el('div', { class: 'sz-draft-scroll' }, [u.draft])]);

    u.toast = el('div', { class: 'sz-toast', role: 'status', tid: 'toast', hidden: true });
    u.app = el('div', { class: 'sz-app sz-offline', 'data-tab': 'chat', 'data-testid': 'app' },
      [u.header, u.banner, u.refused, u.tabs, el('main', { class: 'sz-main' }, [u.chatPane, u.draftPane]), u.toast]);
    root.append(u.app);
    return u;
  }

  // ---------- the app ----------

  function mount(root, options) {
    options = options || {};
    var here = global.location.origin;
    var server = String(options.server || here).replace(/\/+$/, '');
    var crossOrigin = server !== here;
    var wsUrl = server.replace(/^http/i, 'ws') + '/ws/chat';
    // The widget on another site keeps its session per Shuzhi server, next to that site's own storage.
    var suffix = crossOrigin ? '@' + server : '';
    var KEY_SESSION = 'shuzhi.sessionId' + suffix, KEY_SEQ = 'shuzhi.lastSeq' + suffix;
    var ui = buildUi(root);
    var stored = store.get(KEY_SESSION) || null;
    var S = {
      sessionId: stored,
      // A fresh page shows nothing yet, so its first hello omits lastSeq (the stored one would replay nothing onto
      // an empty screen) and the server answers with a snapshot. Hellos after a reconnect send lastSeq.
      lastSeq: 0, hasState: false,
      kind: options.kind || null,
      // A new session with no kind given first offers the installed kinds; the hello waits for the choice.
      choosing: !stored && !options.kind && options.chooseKind !== false,
      kinds: null,
      kindName: '', engine: '', phase: 'interview', profile: null, tokens: null,
      facts: [], draft: null, live: null, progress: null,
      messages: [], byId: {},
      pending: [],            // says not yet echoed by the server: [{id, text}], resent after a reconnect
      ws: null, ready: false, everConnected: false, attempt: 0, timer: null, refused: false,
      composing: false, destroyed: false, prevSections: null, notice: null
    };

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
        S.pending.forEach(function (p) { ws.send(JSON.stringify({ type: 'say', id: p.id, text: p.text })); });
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
      var hello = { type: 'hello' };
      if (S.sessionId) { hello.sessionId = S.sessionId; if (S.hasState) hello.lastSeq = S.lastSeq; }
      else if (S.kind) hello.kind = S.kind;
      ws.send(JSON.stringify(hello));
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
      var base = Math.min(10000, 500 * Math.pow(2, S.attempt++));
      var delay = Math.min(10000, Math.round(base * (0.75 + Math.random() * 0.5)));
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

    // ----- choosing the kind of a new session -----

    function loadKinds() {
      if (!global.fetch) { startSession(null); return; }
      global.fetch(server + '/api/kinds', { credentials: 'omit' }).then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      }).then(function (list) {
        S.kinds = Array.isArray(list) ? list : [];
        if (S.kinds.length < 2) startSession(null); else renderIntro();
      }, function () {
        if (S.choosing) startSession(null); // the server's default kind; the chooser is a convenience
      });
    }

    /** Starts the new session with the chosen kind (null: the server's default). */
    function startSession(kind) {
      if (!S.choosing) return;
      S.choosing = false;
      S.kind = kind || S.kind;
      if (S.ws && S.ready && S.ws.readyState === 1) sendHello(S.ws);
      renderIntro();
    }

    function renderIntro() {
      ui.kinds.replaceChildren();
      var list = S.choosing && S.kinds && S.kinds.length > 1 ? S.kinds : [];
      ui.kinds.hidden = !list.length;
      if (!list.length) return;
      ui.kinds.append(el('p', { class: 'sz-kinds-title', text: '先选择要写的报告类型：' }));
      list.forEach(function (k) {
        var parts = (k.parts || []).join('；');
        ui.kinds.append(el('button', {
          type: 'button', class: 'sz-kind-card', 'data-testid': 'kind-option', 'data-kind': k.id,
          title: (k.description || '') + (parts ? '\n结构：' + parts : ''),
          on: { click: function () { startSession(k.id); ui.input.focus(); } }
        }, [
          el('span', { class: 'sz-kind-name', text: k.name || k.id }),
          k.description ? el('span', { class: 'sz-kind-desc', text: k.description }) : null
        ]));
      });
      ui.kinds.append(el('p', { class: 'sz-kinds-hint', text: '也可以直接在下方输入，按默认类型开始。' }));
    }

    function transmit(frame) {
      if (!S.ws || !S.ready || S.ws.readyState !== 1) return false;
      S.ws.send(JSON.stringify(frame));
      return true;
    }

    // ----- frames -----

    function onFrame(f) {
      if (!f || typeof f !== 'object') return;
      if (f.type === 'error') { onError(f); return; }
      if (typeof f.seq === 'number') {
        if (f.type !== 'session' && f.seq <= S.lastSeq) return; // already seen (replay)
        S.lastSeq = f.seq;
        S.hasState = true;
        store.set(KEY_SEQ, f.seq);
      }
      var h = handlers[f.type];
      if (h) h(f);
    }

    var handlers = {
      session: function (f) {
        S.sessionId = f.sessionId || S.sessionId;
        if (S.sessionId) store.set(KEY_SESSION, S.sessionId);
        S.kind = f.kind || S.kind;
        S.kindName = f.kindName || '';
        S.engine = f.engine || '';
        S.tokens = f.tokensIn || f.tokensOut ? { tokensIn: f.tokensIn || 0, tokensOut: f.tokensOut || 0 } : null;
        S.choosing = false;
        S.live = null;
        S.phase = f.phase || 'interview';
        S.profile = f.profile || null;
        S.facts = f.facts || [];
        S.draft = f.draft && (f.draft.sections || []).length ? f.draft : null;
        S.progress = null;
        S.prevSections = null;
        S.messages = [];
        S.byId = {};
        (f.messages || []).forEach(function (m) {
          if (!m || S.byId[m.id]) return;
          addMessage({ role: m.role === 'user' ? 'user' : 'assistant', id: m.id, text: m.text || '', choices: m.choices || [] }, true);
        });
        S.pending = S.pending.filter(function (p) { return !S.byId[p.id]; });
        S.pending.forEach(function (p) { addMessage({ role: 'user', id: p.id, text: p.text, pending: true }, true); });
        renderAll();
        renderIntro();
        if (S.messages.some(function (m) { return m.role === 'assistant'; })) mark('shuzhi-first-reply');
        if (S.notice) { addNotice(S.notice, 'notice'); S.notice = null; }
        scrollChat(true);
      },
      user_message: function (f) {
        S.pending = S.pending.filter(function (p) { return p.id !== f.id; });
        var m = S.byId[f.id];
        if (m) {
          if (m.pending) {
            // Confirmed messages keep the server's order; ones still pending stay after them.
            m.pending = false;
            S.messages.splice(S.messages.indexOf(m), 1);
            var next = S.messages.filter(function (x) { return x.pending; })[0];
            S.messages.splice(next ? S.messages.indexOf(next) : S.messages.length, 0, m);
            ui.messages.insertBefore(m.el, next ? next.el : null);
          }
          m.el.classList.remove('sz-pending');
          return;
        }
        addMessage({ role: 'user', id: f.id, text: f.text || '' });
        renderChips();
      },
      assistant_start: function (f) {
        ensureAssistant(f.messageId);
        renderChips();
      },
      assistant_delta: function (f) {
        var m = ensureAssistant(f.messageId);
        m.text += f.text || '';
        updateMessage(m);
      },
      assistant_end: function (f) {
        var m = ensureAssistant(f.messageId);
        if (typeof f.text === 'string') m.text = f.text;
        m.choices = f.choices || [];
        m.streaming = false;
        updateMessage(m);
        mark('shuzhi-first-reply');
        ui.messages.setAttribute('aria-busy', 'false');
        if (S.progress && !S.progress.total) { S.progress = null; renderProgress(); }
        renderChips();
      },
      facts: function (f) {
        if (f.profile) S.profile = f.profile;
        S.facts = f.facts || [];
        renderFacts();
      },
      progress: function (f) {
        S.progress = { step: f.step || 0, total: f.total || 0, label: f.label || '' };
        renderProgress();
      },
      usage: function (f) {
        S.tokens = { tokensIn: f.tokensIn || 0, tokensOut: f.tokensOut || 0 };
        renderHeader();
      },
      draft_section: function (f) {
        var sec = liveSection(f.ref, f.level);
        sec.level = typeof f.level === 'number' ? f.level : sec.level;
        sec.heading = f.heading || '';
        sec.body = f.body || '';
        sec.done = true;
        if (f.total) { S.progress = { step: f.step || 0, total: f.total, label: f.heading || S.progress && S.progress.label || '' }; renderProgress(); }
        renderLive(sec);
      },
      draft_delta: function (f) {
        var sec = liveSection(f.ref);
        sec.body += f.text || '';
        sec.done = false;
        renderLive(sec);
      },
      draft: function (f) {
        S.draft = f;
        S.live = null;
        S.phase = 'drafted';
        if (S.progress && S.progress.total && S.progress.step >= S.progress.total) finishProgress();
        renderDraft();
        if (S.tab !== 'draft') ui.app.classList.add('sz-draft-new');
      }
    };

    function onError(f) {
      if (f.code === 'SESSION_NOT_FOUND') {
        resetSession(true);
        S.notice = '原会话已失效，已为你开始新的会话。';
        toast(S.notice);
        reconnectNow();
        return;
      }
      if (f.replyTo) {
        S.pending = S.pending.filter(function (p) { return p.id !== f.replyTo; });
        var m = S.byId[f.replyTo];
        if (m && m.role === 'user') m.el.classList.add('sz-failed');
      }
      if (S.progress) { S.progress = null; renderProgress(); }
      if (S.live) { S.live = null; renderDraft(); }
      addNotice(f.message || '出现错误，请稍后再试。', 'error', f.retryable ? function () { retry(f.replyTo); } : null);
    }

    function retry(replyTo) {
      var m = replyTo && S.byId[replyTo];
      if (!m || m.role !== 'user') { generate(); return; }
      // The server ignores repeats of an id, so a retry gets a new id; the bubble on screen is re-keyed, not duplicated.
      var id = newId();
      delete S.byId[m.id];
      m.id = id;
      m.el.setAttribute('data-id', id);
      m.el.classList.remove('sz-failed');
      S.byId[id] = m;
      S.pending.push({ id: id, text: m.text });
      transmit({ type: 'say', id: id, text: m.text });
    }

    // ----- messages -----

    function addMessage(m, quiet) {
      m.choices = m.choices || [];
      m.text = m.text || '';
      S.messages.push(m);
      S.byId[m.id] = m;
      m.bubble = el('div', { class: 'sz-bubble' });
      var kids = [];
      if (m.role === 'assistant') kids.push(el('span', { class: 'sz-avatar', 'aria-hidden': 'true', text: '述' }));
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

    function nearBottom() {
      var s = ui.scroll;
      return s.scrollHeight - s.scrollTop - s.clientHeight < 80;
    }

    function scrollChat(force) {
      if (force) ui.scroll.scrollTop = ui.scroll.scrollHeight;
    }

    // ----- sending -----

    function say(text) {
      text = String(text || '').trim();
      if (!text || text.length > MAX_LEN || frameBytes(text) > MAX_FRAME_BYTES || !S.ready) return false;
      if (S.choosing) startSession(null); // typing instead of choosing: the server's default kind
      var id = newId();
      S.pending.push({ id: id, text: text });
      addMessage({ role: 'user', id: id, text: text, pending: true });
      scrollChat(true);
      transmit({ type: 'say', id: id, text: text });
      renderChips();
      return true;
    }

    function submitInput() {
      if (ui.send.disabled) return;
      if (say(ui.input.value)) {
        ui.input.value = '';
        onInput();
      }
      ui.input.focus();
    }

    function generate() {
      if (!transmit({ type: 'generate' })) { toast('尚未连接，请稍候再试。'); return; }
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
          el('p', { text: '草稿包括标题、开头，以及“一、履职情况及成效”“二、存在问题和不足”“三、下步工作举措”三部分。' }),
          el('p', { text: '信息够了就点“生成草稿”，之后每补充一条，草稿都会随之更新。' })
        ]));
        S.prevSections = null;
        renderTools();
        return;
      }
      var prev = S.prevSections, now = {}, changed = null;
      d.sections.forEach(function (s) {
        var node = sectionEl(s, d);
        var sig = (s.heading || '') + '\u0000' + (s.body || '');
        now[s.ref] = sig;
        if (prev && prev[s.ref] !== sig) { node.classList.add('sz-changed'); changed = node; }
        ui.draft.append(node);
      });
      S.prevSections = now;
      if (changed && S.progress && changed.scrollIntoView) changed.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      renderTools();
    }

    /** The section {ref} of the draft being written, created in reading order when it first appears. */
    function liveSection(ref, level) {
      ref = String(ref || '');
      if (!S.live) {
        S.live = { sections: [], byRef: {}, nodes: {} };
        if (!S.progress) { S.progress = { step: 0, total: 0, label: '正在撰写草稿…' }; renderProgress(); }
        if (S.tab !== 'draft' && isNarrow()) showTab('draft');
      }
      var sec = S.live.byRef[ref];
      if (!sec) {
        sec = { ref: ref, level: typeof level === 'number' ? level : ref === 'title' ? 0 : ref.indexOf('.') > 0 ? 2 : 1, heading: '', body: '' };
        S.live.byRef[ref] = sec;
        var list = S.live.sections, i = 0;
        while (i < list.length && refOrder(list[i].ref, ref) <= 0) i++;
        list.splice(i, 0, sec);
        S.live.fresh = true;
      }
      return sec;
    }

    function refOrder(a, b) {
      var rank = function (r) { return r === 'title' ? '-2' : r === 'opening' ? '-1' : r; };
      return compareRef(rank(a), rank(b));
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
        box.append(el('h3', { class: 'sz-d-title', text: s.heading || s.body || d.title || '' }));
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

    function finishProgress() {
      var p = S.progress;
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
          // Absolute, on the Shuzhi server: the widget runs inside other sites' pages.
          a.setAttribute('href', server + '/api/sessions/' + encodeURIComponent(S.sessionId) + '/export?format=' + EXPORTS[i][0]);
          a.setAttribute('download', '');
          a.removeAttribute('aria-disabled');
          a.removeAttribute('tabindex');
        } else {
          a.removeAttribute('href');
          a.setAttribute('aria-disabled', 'true');
          a.setAttribute('tabindex', '-1');
        }
      });
      ui.generate.disabled = !S.ready || !!S.progress;
      ui.generate.textContent = has ? '重新生成' : '生成草稿';
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

    // ----- facts -----

    function renderFacts() {
      var facts = S.facts || [];
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
        g.items.forEach(function (f) {
          var t = el('span', { class: 'sz-fact-text' });
          appendQuantities(t, f.text || '', f.quantities || []);
          ul.append(el('li', { class: 'sz-fact', 'data-testid': 'fact', 'data-id': f.id, 'data-topic': f.topic }, [
            f.topicLabel ? el('span', { class: 'sz-tag', text: f.topicLabel }) : null, t
          ]));
        });
        ui.factsBody.append(el('div', { class: 'sz-fact-group', 'data-testid': 'fact-group' },
          [el('h3', { class: 'sz-fact-heading', text: g.heading }), ul]));
      });
    }

    function appendQuantities(node, text, qs) {
      var pos = 0;
      qs.forEach(function (q) {
        var raw = q && q.raw;
        var i = raw ? text.indexOf(raw, pos) : -1;
        if (i < 0) return;
        if (i > pos) node.append(text.slice(pos, i));
        node.append(el('mark', { class: 'sz-qty', 'data-testid': 'quantity',
          title: q.display && q.display !== raw ? '草稿中写作：' + q.display : null, text: raw }));
        pos = i + raw.length;
      });
      if (pos < text.length) node.append(text.slice(pos));
    }

    // ----- header, connection, tabs -----

    function renderHeader() {
      ui.kind.textContent = S.kindName || '';
      ui.kind.hidden = !S.kindName;
      ui.engine.hidden = !S.engine;
      ui.engine.textContent = S.engine === 'offline' ? '离线模式' : S.engine;
      ui.engine.classList.toggle('sz-engine-offline', S.engine === 'offline');
      ui.engine.title = S.engine === 'offline' ? '离线模式：按提纲提问，按模板成稿，不连接大模型' : '大模型：' + S.engine;
      var t = S.tokens;
      ui.usage.hidden = !t;
      if (t) {
        ui.usage.textContent = formatTokens(t.tokensIn + t.tokensOut) + ' tokens';
        ui.usage.title = '本会话已用模型 tokens：输入 ' + t.tokensIn.toLocaleString('zh-CN') + '，输出 ' + t.tokensOut.toLocaleString('zh-CN');
      }
    }

    function formatTokens(n) {
      return n >= 100000 ? Math.round(n / 1000) + 'k' : n >= 1000 ? (n / 1000).toFixed(1).replace(/\.0$/, '') + 'k' : String(n);
    }

    function renderConnection(retrying) {
      var up = S.ready;
      ui.app.classList.toggle('sz-offline', !up);
      ui.refused.hidden = !S.refused;
      ui.banner.hidden = up || S.refused || !(S.everConnected || retrying || S.attempt > 0);
      renderSend();
      renderChips();
      renderTools();
    }

    function renderSend() {
      var t = ui.input.value.trim();
      ui.send.disabled = !S.ready || !t || ui.input.value.length > MAX_LEN || !!S.tooBig;
      ui.send.title = S.ready ? '' : '连接已断开，恢复后即可发送';
    }

    function isNarrow() { return ui.app.classList.contains('sz-narrow'); }

    /** Chat and draft side by side, or as tabs when the app is narrow: the page on a phone, or the widget's panel. */
    function fit() {
      var w = root.getBoundingClientRect().width || global.innerWidth;
      ui.app.classList.toggle('sz-narrow', w < NARROW);
    }

    function showTab(tab) {
      S.tab = tab;
      ui.app.setAttribute('data-tab', tab);
      ui.tabChat.setAttribute('aria-selected', String(tab === 'chat'));
      ui.tabDraft.setAttribute('aria-selected', String(tab === 'draft'));
      ui.tabChat.tabIndex = tab === 'chat' ? 0 : -1;
      ui.tabDraft.tabIndex = tab === 'draft' ? 0 : -1;
      if (tab === 'draft') ui.app.classList.remove('sz-draft-new');
    }

    function onTabKey(e) {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        var t = S.tab === 'chat' ? 'draft' : 'chat';
        showTab(t);
        (t === 'chat' ? ui.tabChat : ui.tabDraft).focus();
      }
    }

    function toast(text) {
      ui.toast.textContent = text;
      ui.toast.hidden = false;
      clearTimeout(S.toastTimer);
      S.toastTimer = setTimeout(function () { ui.toast.hidden = true; }, 5000);
    }

    function renderAll() {
      renderHeader();
      renderMessages();
      renderChips();
      renderFacts();
      renderProgress();
      renderDraft();
      renderConnection();
    }

    function resetSession(keepPending) {
      store.del(KEY_SESSION);
      store.del(KEY_SEQ);
      S.sessionId = null;
      S.lastSeq = 0;
      S.hasState = false;
      S.kindName = ''; S.engine = ''; S.phase = 'interview'; S.profile = null; S.tokens = null;
      S.facts = []; S.draft = null; S.live = null; S.progress = null; S.prevSections = null;
      S.messages = []; S.byId = {};
      if (!keepPending) S.pending = [];
      // Messages waiting to be sent go on in a new session of the same kind; otherwise the writer chooses again.
      S.choosing = !S.pending.length && !options.kind && options.chooseKind !== false;
      if (S.choosing) S.kind = options.kind || null;
      renderAll();
      if (S.choosing && !S.kinds) loadKinds(); else renderIntro();
    }

    function onNewSession() {
      if (!global.confirm('确定新建会话吗？当前的对话和草稿将不再显示。')) return;
      resetSession(false);
      ui.input.value = '';
      onInput();
      reconnectNow();
      ui.input.focus();
    }

    // ----- wiring -----

    ui.form.addEventListener('submit', function (e) { e.preventDefault(); submitInput(); });
    ui.input.addEventListener('keydown', onKeyDown);
    ui.input.addEventListener('input', onInput);
    ui.input.addEventListener('compositionstart', function () { S.composing = true; });
    ui.input.addEventListener('compositionend', function () { setTimeout(function () { S.composing = false; }, 0); });
    ui.newSession.addEventListener('click', onNewSession);
    ui.generate.addEventListener('click', generate);
    ui.copy.addEventListener('click', onCopy);
    ui.tabChat.addEventListener('click', function () { showTab('chat'); });
    ui.tabDraft.addEventListener('click', function () { showTab('draft'); });
    ui.tabs.addEventListener('keydown', onTabKey);
    function openExports(open) {
      ui.exportList.hidden = !open;
      ui.exportBtn.setAttribute('aria-expanded', String(open));
    }
    ui.exports.forEach(function (a) {
      a.addEventListener('click', function (e) {
        if (a.getAttribute('aria-disabled') === 'true') e.preventDefault();
        else openExports(false);
      });
    });
    ui.exportBtn.addEventListener('click', function () {
      openExports(ui.exportList.hidden);
      if (!ui.exportList.hidden && ui.exports[0]) ui.exports[0].focus();
    });
    ui.exportMenu.addEventListener('keydown', function (e) {
      var i = ui.exports.indexOf(e.target && e.target.closest ? e.target.closest('a') : null);
      if (e.key === 'Escape' && !ui.exportList.hidden) { e.stopPropagation(); openExports(false); ui.exportBtn.focus(); }
      else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && i >= 0) {
        e.preventDefault();
        ui.exports[(i + (e.key === 'ArrowDown' ? 1 : ui.exports.length - 1)) % ui.exports.length].focus();
      }
    });
    function onDocClick(e) {
      // Inside a shadow root a document listener sees the host as target; the composed path still names the menu.
      var path = e.composedPath ? e.composedPath() : [e.target];
      if (!ui.exportList.hidden && path.indexOf(ui.exportMenu) < 0) openExports(false);
    }
    document.addEventListener('click', onDocClick, true);
    ui.refusedRetry.addEventListener('click', function () { S.refused = false; renderConnection(); reconnectNow(); });
    if (typeof options.onClose === 'function') {
      ui.close.hidden = false;
      ui.close.addEventListener('click', function () { options.onClose(); });
    }
    function onOnline() { if (!S.ready) reconnectNow(); }
    global.addEventListener('online', onOnline);
    var resizer = global.ResizeObserver ? new global.ResizeObserver(fit) : null;
    if (resizer) resizer.observe(root); else global.addEventListener('resize', fit);

    fit();
    showTab('chat');
    renderAll();
    onInput();
    if (S.choosing) loadKinds();
    connect();

    return {
      state: S,
      say: say,
      generate: generate,
      focus: function () { ui.input.focus(); },
      destroy: function () {
        S.destroyed = true;
        clearTimeout(S.timer);
        global.removeEventListener('online', onOnline);
        document.removeEventListener('click', onDocClick, true);
        if (resizer) resizer.disconnect(); else global.removeEventListener('resize', fit);
        var ws = S.ws;
        S.ws = null;
        if (ws) try { ws.close(); } catch (e) { /* ignore */ }
        ui.app.remove();
      }
    };
  }

  global.Shuzhi = { mount: mount };

  function autoMount() {
    var root = document.getElementById('shuzhi-root');
    if (!root || root.shuzhi) return;
    var q = new URLSearchParams(global.location.search);
    root.shuzhi = mount(root, {
      server: root.getAttribute('data-server') || '',
      kind: q.get('kind') || root.getAttribute('data-kind') || undefined
    });
  }

  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount);
    else autoMount();
  }
})(typeof window !== 'undefined' ? window : this);
