/*
 * 述职助手 — the chat page: a native ES module, served as it is (no build step), no external resources, CSP-safe.
 * The pure parts live in js/ (diff, draft text and HTML, highlighting, the frame reducer, the socket's rules) and are
 * unit-tested with node --test; this module draws the panes and wires them to the socket.
 * all UI is built with createElement/textContent inside the root passed to mount(root, {server, kind}).
 * Nothing from the server or the writer ever goes through innerHTML.
 */
import { charDiff } from './js/diff.js';
import { FONT, esc, lines, runIn, draftPlainText, draftHtml, partsLine, changedRefs, compareRef } from './js/draft-text.js';
import { todoSegments, quantitySegments } from './js/marks.js';
import { sequence, liveDraft } from './js/frames.js';
import { helloFrame, backoff, sayFrame, stillPending } from './js/transport.js';

(function (global) {
  'use strict';

  var NARROW = 900; // below this width (of the app, not the window: the widget's panel is narrow) chat and draft are tabs
  var EXPORTS = [ // format, label, what it is
    ['docx', 'Word 文档', '公文格式（GB/T 9704），可用 Word / WPS 打开'],
    ['html', '网页', '带公文样式的网页文件'],
    ['md', 'Markdown', 'Markdown 文本'],
    ['txt', '纯文本', '纯文本，无格式']
  ];
  // A frame carries at most 8 KB (UTF-8): about 2,700 Chinese characters.
  var MAX_LEN = 2700;
  var MAX_IMPORT_BYTES = 2 * 1024 * 1024; // the import endpoint's limit
  var QUICK_REFINES = ['再具体些', '精简一些', '语气再正式一点', '换个说法'];
  var CHANGE_NAMES = { generate: '生成', refine: '修改', edit: '手动编辑', import: '导入', proofread: '校对' };
  var DIFF_NAMES = { changed: '修改', added: '新增', removed: '删除', same: '未变' };
  var MAX_FRAME_BYTES = 8192; // the server rejects a frame over this many UTF-8 bytes (TOO_LARGE)

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

  /** Replaces a node's children with the given ones, skipping null (replaceChildren would write "null"). */
  function fill(node, kids) {
    node.replaceChildren.apply(node, kids.filter(function (k) { return k != null; }));
    return node;
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
    return jsonBytes({ type: 'say', id: 'm-xxxxxxxxxxxxxxxxxxxxxx', text: text });
  }

  function jsonBytes(frame) {
    var json = JSON.stringify(frame);
    return global.TextEncoder ? new global.TextEncoder().encode(json).length : unescape(encodeURIComponent(json)).length;
  }



  function runIn(h) { return /[。．.：:！？]$/.test(h) ? h : h + '。'; }

  /** Appends text to a node, marking 【…】 placeholders so the writer sees what is still missing. */
  function appendMarked(node, text) {
    todoSegments(text).forEach(function (seg) {
      node.append(seg.todo ? el('mark', { class: 'sz-d-todo', text: seg.text }) : seg.text);
    });
  }




  /** The element that has focus, also inside a shadow root (where document.activeElement is the host). */
  function activeIn(node) {
    var r = node.getRootNode ? node.getRootNode() : document;
    return (r && r.activeElement) || document.activeElement;
  }

  function clock(ms) {
    if (!ms) return '';
    var d = new Date(ms), now = new Date(), pad = function (n) { return (n < 10 ? '0' : '') + n; };
    var t = pad(d.getHours()) + ':' + pad(d.getMinutes());
    return d.toDateString() === now.toDateString() ? t : (d.getMonth() + 1) + '月' + d.getDate() + '日 ' + t;
  }

  function engineName(e) {
    return { offline: '离线', manual: '手动', proofreader: '校对规则' }[e] || e || '';
  }

  // ---------- draft → clipboard ----------

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
    u.deleteSession = el('button', { type: 'button', class: 'sz-btn sz-btn-ghost', tid: 'delete-session', title: '从服务器上删除本次会话的对话、收集的情况和全部草稿版本', text: '删除本次会话及草稿' });
    u.close = el('button', { type: 'button', class: 'sz-btn sz-btn-ghost sz-close', tid: 'close', title: '收起', 'aria-label': '收起述职助手', text: '×', hidden: true });
    u.header = el('header', { class: 'sz-header' }, [
      el('div', { class: 'sz-brand' }, [
        el('span', { class: 'sz-logo', 'aria-hidden': 'true', text: '述' }),
        el('h1', { class: 'sz-title', text: '述职助手' }),
        u.kind
      ]),
      el('div', { class: 'sz-header-right' }, [u.engine, u.usage, u.newSession, u.deleteSession, u.close])
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
        u.introParts = el('li', { tid: 'intro-parts', text: '按所选报告类型的结构生成草稿。' }),
        el('li', { text: '文中每一个数字都来自你自己的回答，不会编造。' }),
        el('li', { text: '不想答的问题可以说“跳过”；随时说“生成草稿”即可出稿。' })
      ])
    ]);
    u.kinds = el('div', { class: 'sz-kinds', tid: 'kinds', role: 'group', 'aria-label': '选择报告类型', hidden: true });
    u.introImport = el('button', { type: 'button', class: 'sz-btn sz-btn-small', tid: 'intro-import', 'aria-haspopup': 'dialog', text: '从去年的报告开始' });
    u.introStart = el('p', { class: 'sz-intro-import' }, ['已有去年的述职报告？', u.introImport]);
    u.intro.append(u.introStart, u.kinds);
    u.messages = el('div', { class: 'sz-messages', role: 'log', 'aria-live': 'polite', 'aria-label': '对话记录', tid: 'messages' });
    u.scroll = el('div', { class: 'sz-scroll', id: 'sz-chat-scroll' }, [u.intro, u.messages]);
    u.chips = el('div', { class: 'sz-chips', tid: 'chips', role: 'group', 'aria-label': '快捷回复', hidden: true });
    u.input = el('textarea', {
      id: 'sz-input', class: 'sz-input', 'data-testid': 'chat-input', rows: 1, maxlength: MAX_LEN,
      placeholder: '输入你的回答…', 'aria-describedby': 'sz-hint', autocomplete: 'off'
    });
    u.counter = el('span', { class: 'sz-counter', 'data-testid': 'char-count', id: 'sz-counter', 'aria-live': 'off' });
    u.send = el('button', { type: 'submit', class: 'sz-btn sz-btn-primary', tid: 'send', text: '发送', disabled: true });
    u.editingCancel = el('button', { type: 'button', class: 'sz-link', tid: 'edit-cancel', text: '取消修改' });
    u.editing = el('div', { class: 'sz-editing', tid: 'editing', role: 'status', hidden: true },
      [el('span', { text: '正在修改上一条消息，发送后将替换原消息和它的回复。' }), u.editingCancel]);
    u.form = el('form', { class: 'sz-composer', id: 'sz-composer', 'aria-label': '发送消息' }, [
      u.editing,
      el('label', { for: 'sz-input', class: 'sz-sr', text: '输入你的回答' }),
      u.input,
      el('div', { class: 'sz-composer-foot' }, [
        el('span', { class: 'sz-hint', id: 'sz-hint', text: 'Enter 发送，Shift+Enter 换行，每条最多约 ' + MAX_LEN + ' 字' }),
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
    u.undo = el('button', { type: 'button', class: 'sz-btn', tid: 'undo', text: '撤销', title: '撤销上一次修改', disabled: true });
    u.redo = el('button', { type: 'button', class: 'sz-btn', tid: 'redo', text: '重做', title: '重做刚撤销的修改', disabled: true });
    u.versionsBtn = el('button', { type: 'button', class: 'sz-btn', tid: 'versions', text: '版本', 'aria-expanded': 'false', 'aria-controls': 'sz-versions', disabled: true });
    u.proofBtn = el('button', { type: 'button', class: 'sz-btn', tid: 'proofread', text: '校对', title: '检查错别字、提法、标点和序号', disabled: true });
    u.importBtn = el('button', { type: 'button', class: 'sz-btn sz-btn-small sz-btn-soft', tid: 'import-open', 'aria-haspopup': 'dialog', text: '从去年的报告开始' });
    u.toolbar = el('div', { class: 'sz-toolbar', role: 'toolbar', 'aria-label': '草稿操作' }, [
      el('div', { class: 'sz-toolbar-start' }, [el('h2', { class: 'sz-h2' }, ['草稿', u.version]), u.importBtn]),
      el('div', { class: 'sz-tools' }, [u.copyStatus, u.undo, u.redo, u.versionsBtn, u.proofBtn, u.copy, u.exportMenu, u.generate])
    ]);
    u.progressLabel = el('span', { class: 'sz-progress-label', 'data-testid': 'progress-label' });
    u.progressFill = el('div', { class: 'sz-progress-fill' });
    u.progress = el('div', { class: 'sz-progress', tid: 'progress', role: 'progressbar', 'aria-label': '草稿生成进度', hidden: true },
      [u.progressLabel, el('div', { class: 'sz-progress-track' }, [u.progressFill])]);
    u.factsCount = el('span', { class: 'sz-badge', 'data-testid': 'facts-count', text: '0' });
    u.factsBody = el('div', { class: 'sz-facts-body', id: 'sz-facts-body' });
    u.facts = el('details', { class: 'sz-facts', tid: 'facts' },
      [el('summary', { class: 'sz-facts-summary' }, ['已收集的事实', u.factsCount]), u.factsBody]);
    u.proof = el('section', { class: 'sz-proof', tid: 'proofread-panel', 'aria-label': '校对建议', hidden: true });
    u.draft = el('article', { class: 'sz-draft', tid: 'draft', 'aria-label': '述职报告草稿' });
    u.draftScroll = el('div', { class: 'sz-draft-scroll' }, [u.draft]);
    u.versionsPanel = el('section', { class: 'sz-versions', id: 'sz-versions', 'data-testid': 'versions-panel', 'aria-label': '版本记录', hidden: true });
    u.draftPane = el('section', { class: 'sz-pane sz-draftpane', id: 'sz-pane-draft', role: 'tabpanel', 'aria-labelledby': 'sz-tab-draft', 'data-testid': 'draft-pane' },
      [u.toolbar, u.progress, u.facts, u.proof, u.draftScroll, u.versionsPanel]);

    u.toast = el('div', { class: 'sz-toast', role: 'status', tid: 'toast', hidden: true });
    u.importDialog = buildImportDialog(u);
    u.app = el('div', { class: 'sz-app sz-offline', 'data-tab': 'chat', 'data-testid': 'app' },
      [u.header, u.banner, u.refused, u.tabs, el('main', { class: 'sz-main' }, [u.chatPane, u.draftPane]), u.toast, u.importDialog]);
    root.append(u.app);
    return u;
  }

  /** The 「从去年的报告开始」 dialog: paste the text or upload a .txt/.docx file. */
  function buildImportDialog(u) {
    u.importText = el('textarea', { id: 'sz-import-text', class: 'sz-import-text', 'data-testid': 'import-text', rows: 9,
      placeholder: '在这里粘贴去年的述职报告全文…', 'aria-describedby': 'sz-import-desc' });
    u.importFile = el('input', { type: 'file', class: 'sz-sr', tid: 'import-file', tabindex: '-1', 'aria-hidden': 'true',
      accept: '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    u.importFileBtn = el('button', { type: 'button', class: 'sz-btn', tid: 'import-file-button', text: '上传文件（.txt / .docx）…' });
    u.importError = el('p', { class: 'sz-import-error', role: 'alert', tid: 'import-error' });
    u.importStatus = el('span', { class: 'sz-import-status', role: 'status', tid: 'import-status' });
    u.importCancel = el('button', { type: 'button', class: 'sz-btn', tid: 'import-cancel', text: '取消' });
    u.importSubmit = el('button', { type: 'submit', class: 'sz-btn sz-btn-primary', tid: 'import-submit', text: '导入粘贴的文字' });
    u.importForm = el('form', { class: 'sz-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'sz-import-title', tid: 'import-dialog' }, [
      el('h3', { id: 'sz-import-title', class: 'sz-dialog-title', text: '从去年的报告开始' }),
      el('p', { id: 'sz-import-desc', class: 'sz-dialog-desc', text: '粘贴去年的述职报告，或上传 .txt / .docx 文件（不超过 2 MB）。' +
        '我会沿用它的结构，把年份改成今年；去年的数字标成【去年…，今年？】，不会直接写进今年的报告，接着逐项问你今年的变化。' }),
      el('label', { for: 'sz-import-text', class: 'sz-sr', text: '去年的报告全文' }),
      u.importText, u.importError,
      el('div', { class: 'sz-dialog-foot' }, [u.importFileBtn, u.importFile, u.importStatus, el('span', { class: 'sz-grow' }), u.importCancel, u.importSubmit])
    ]);
    return el('div', { class: 'sz-modal', hidden: true }, [u.importForm]);
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
      composing: false, destroyed: false, prevSections: null, notice: null,
      versions: null,         // the versions frame: {current, latest, canUndo, canRedo, items}
      editor: null,           // an open card editor: {ref, mode: 'refine'|'edit', text, base, saving, conflict}
      busyRef: null,          // the card whose refine is being answered
      cardNote: null,         // {ref, text}: the answer to a refine that changed nothing
      view: 'draft',          // the draft pane shows the draft or the version history
      diff: null, diffLoading: false, diffPick: [],
      proof: null,            // {version, items, ignored: {key: true}, loading, accepting}
      factEdit: null,         // {id, text, saving} or {id, confirmDelete: true}
      importing: null,        // {via: 'ws'|'http'} while an import is on its way
      afterSession: [],       // actions waiting for the session to exist (an import from the first screen)
      importReturn: null, importTimer: null,
      lastAction: null,       // the last non-chat frame sent, resent by 重试
      lastEdit: null,         // {ref, text} of the last edit sent: reopened if a VERSION_CONFLICT finds no editor
      focusNext: null,        // data-focus key to focus after the next re-render that draws it
      drawnReady: null,       // the connection state the cards were last drawn for
      following: true, lastScrollTop: 0 // the chat keeps its newest line in view (see scrollChat)
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

    // ----- choosing the kind of a new session -----

    /** The installed kinds: offered as cards to a new session, and their parts named in the intro. */
    function loadKinds() {
      if (!global.fetch) { startSession(null); return; }
      global.fetch(server + '/api/kinds', { credentials: 'omit' }).then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      }).then(function (list) {
        S.kinds = Array.isArray(list) ? list : [];
        if (S.choosing && S.kinds.length < 2) startSession(null); else renderIntro();
      }, function () {
        if (S.choosing) startSession(null); // the server's default kind; the chooser is a convenience
      });
    }

    function kindInfo(id) {
      return (S.kinds || []).filter(function (k) { return k.id === id; })[0] || null;
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
      // The parts of the kind chosen (or being pointed at in the chooser), as many as that kind has.
      var line = partsLine(kindInfo(S.hoverKind || (!S.choosing && S.kind)));
      ui.introParts.textContent = line || (S.choosing ? '按所选报告类型的结构生成草稿，每类报告的部分各不相同。' : '按报告类型的结构生成草稿。');
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
          on: {
            click: function () { S.hoverKind = null; startSession(k.id); ui.input.focus(); },
            mouseenter: function () { S.hoverKind = k.id; renderIntroLine(); },
            focus: function () { S.hoverKind = k.id; renderIntroLine(); },
            mouseleave: function () { S.hoverKind = null; renderIntroLine(); }
          }
        }, [
          el('span', { class: 'sz-kind-name', text: k.name || k.id }),
          k.description ? el('span', { class: 'sz-kind-desc', text: k.description }) : null
        ]));
      });
      ui.kinds.append(el('p', { class: 'sz-kinds-hint', text: '也可以直接在下方输入，按默认类型开始。' }));
    }

    function renderIntroLine() {
      var line = partsLine(kindInfo(S.hoverKind || (!S.choosing && S.kind)));
      ui.introParts.textContent = line || '按所选报告类型的结构生成草稿，每类报告的部分各不相同。';
    }

    function transmit(frame) {
      if (!S.ws || !S.ready || S.ws.readyState !== 1) return false;
      S.ws.send(JSON.stringify(frame));
      return true;
    }

    /** Sends an action of the draft pane (kept for 重试); says so when there is no connection. */
    function act(frame) {
      if (!transmit(frame)) { toast('尚未连接，请稍候再试。'); return false; }
      S.lastAction = frame;
      return true;
    }

    /** Runs fn once the session exists (an import chosen on the first screen starts the session first). */
    function whenSession(fn) {
      if (S.choosing) startSession(null);
      if (S.sessionId && S.hasState && S.ready) fn(); else S.afterSession.push(fn);
    }

    function runAfterSession() {
      var list = S.afterSession;
      S.afterSession = [];
      list.forEach(function (fn) { fn(); });
    }

    // ----- frames -----

    function onFrame(f) {
      if (!f || typeof f !== 'object') return;
      var seq = sequence(S.lastSeq, f);
      if (!seq.apply) return; // already seen (a replay)
      if (f.type === 'error') { onError(f); return; }
      // Not in the session's log (the log is gone): its seq repeats the last one.
      if (f.type === 'deleted') { onDeleted(f); return; }
      if (seq.logged) {
        S.lastSeq = seq.lastSeq;
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
        S.versions = f.versions || null;
        S.editor = S.editor && S.editor.mode === 'edit' ? S.editor : null; // the writer's unsaved text stays
        if (S.editor && S.draft) editSaved(S.draft); // a save that went through before the connection dropped
        if (S.editor) S.editor.saving = false;
        S.busyRef = null; S.cardNote = null; S.factEdit = null;
        S.messages = [];
        S.byId = {};
        (f.messages || []).forEach(function (m) {
          if (!m || S.byId[m.id]) return;
          addMessage({ role: m.role === 'user' ? 'user' : 'assistant', id: m.id, text: m.text || '', choices: m.choices || [] }, true);
        });
        S.pending = stillPending(S.pending, function (id) { return !!S.byId[id]; });
        S.pending.forEach(function (p) { addMessage({ role: 'user', id: p.id, text: p.text, pending: true }, true); });
        renderEditing();
        renderAll();
        renderIntro();
        if (S.messages.some(function (m) { return m.role === 'assistant'; })) mark('shuzhi-first-reply');
        if (S.notice) { addNotice(S.notice, 'notice'); S.notice = null; }
        scrollChat(true);
        runAfterSession();
      },
      kind: function (f) {
        S.kind = f.kind || S.kind;
        S.kindName = f.kindName || S.kindName;
        renderHeader();
        renderIntro();
      },
      user_message: function (f) {
        S.pending = S.pending.filter(function (p) { return p.id !== f.id; });
        if (f.replaces) dropReplaced(f.replaces);
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
          renderEditing();
          return;
        }
        addMessage({ role: 'user', id: f.id, text: f.text || '' });
        renderChips();
        renderEditing();
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
        renderEditing();
        if (S.progress && !S.progress.total) { S.progress = null; renderProgress(); }
        renderChips();
        if (S.busyRef) {
          // A refine that changed nothing (offline cannot rewrite, or it asks back): its answer goes on the card too.
          S.cardNote = { ref: S.busyRef, text: m.text };
          S.busyRef = null;
          renderDraft();
        }
      },
      facts: function (f) {
        if (f.profile) S.profile = f.profile;
        S.facts = f.facts || [];
        if (S.factEdit && S.factEdit.saving) S.factEdit = null;
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
        var sec = applyLive(f);
        if (f.total) { S.progress = { step: f.step || 0, total: f.total, label: f.heading || S.progress && S.progress.label || '' }; renderProgress(); }
        renderLive(sec);
      },
      draft_delta: function (f) {
        renderLive(applyLive(f));
      },
      draft: function (f) {
        S.stopping = false;
        // Which sections this version changed, shown until the next version (a refine, a fact edit, an undo …).
        var before = S.draft && S.draft.version !== f.version ? S.draft : null;
        S.changedRefs = before ? changedRefs(before, f) : null;
        S.draft = f;
        S.live = null;
        S.phase = 'drafted';
        if (S.progress && S.progress.total && S.progress.step >= S.progress.total) finishProgress();
        S.busyRef = null;
        S.cardNote = null;
        editSaved(f);
        if (S.importing) importDone();
        renderDraft();
        renderProof();
        if (S.tab !== 'draft') ui.app.classList.add('sz-draft-new');
      },
      versions: function (f) {
        S.versions = f;
        renderTools();
        renderVersions();
      },
      diff: function (f) {
        S.diff = f;
        S.diffLoading = false;
        renderVersions();
        var d = ui.versionsPanel.querySelector('[data-testid=diff]');
        if (d && d.scrollIntoView) d.scrollIntoView({ block: 'nearest' });
      },
      suggestions: function (f) {
        var ignored = S.proof ? S.proof.ignored : {};
        S.proof = { version: f.version, items: f.suggestions || [], ignored: ignored };
        renderProof();
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
      var message = f.message || '出现错误，请稍后再试。';
      if (f.code === 'STOPPED') {
        // What the writer asked for: a plain note, no retry.
        S.stopping = false;
        renderTools();
        addNotice(message, 'notice');
        return;
      }
      if (f.code === 'VERSION_CONFLICT' && typeof f.currentVersion === 'number') { editConflict(f); toast(message); return; }
      var action = f.replyTo ? null : S.lastAction;
      actionFailed(message);
      addNotice(message, 'error', f.retryable ? function () { retry(f.replyTo, action); } : null);
      // Errors of the draft's own actions are also shown where the writer is looking (the draft tab, a card).
      if (!f.replyTo) toast(message);
    }

    /** An action of the draft pane was refused: its busy marks go, what the writer typed stays. */
    function actionFailed(message) {
      if (S.busyRef) { S.cardNote = { ref: S.busyRef, text: message, error: true }; S.busyRef = null; renderDraft(); }
      if (S.editor && S.editor.saving) { S.editor.saving = false; S.editor.error = message; renderDraft(); }
      if (S.proof && (S.proof.accepting || S.proof.loading)) { S.proof.accepting = null; S.proof.loading = false; S.proof.error = message; renderProof(); }
      if (S.factEdit && S.factEdit.saving) { S.factEdit.saving = false; S.factEdit.error = message; renderFacts(); }
      if (S.diffLoading) { S.diffLoading = false; renderVersions(); }
      if (S.importing && S.importing.via === 'ws') importFailed(message);
    }

    function retry(replyTo, action) {
      var m = replyTo && S.byId[replyTo];
      if (!m || m.role !== 'user') { if (action) act(action); else generate(); return; }
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

    // ----- keeping focus while a part of the page is rebuilt -----

    /** What has focus inside container: its data-focus key and the caret, to find it again after a re-render. */
    function focusKey(container) {
      var a = activeIn(container);
      if (!a || !container.contains(a) || !a.getAttribute('data-focus')) return null;
      return { key: a.getAttribute('data-focus'), start: a.selectionStart, end: a.selectionEnd };
    }

    /**
     * Puts focus back after a re-render: on S.focusNext when this container has it (an action moved focus on purpose;
     * a disabled target keeps it pending for the next render), else where it was, caret included.
     */
    function restoreFocus(container, f) {
      var node = S.focusNext && findFocus(container, S.focusNext);
      if (node) {
        if (node.disabled) return;
        S.focusNext = null;
        f = null;
      } else {
        node = f && findFocus(container, f.key);
      }
      if (!node || node.disabled) return;
      node.focus();
      if (f && typeof f.start === 'number' && node.setSelectionRange) try { node.setSelectionRange(f.start, f.end); } catch (e) { /* not text */ }
    }

    function findFocus(container, key) {
      var all = container.querySelectorAll('[data-focus]');
      for (var i = 0; i < all.length; i++) if (all[i].getAttribute('data-focus') === key) return all[i];
      return null;
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
      var manual = !x.right && x.category === '序号';
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
      if (S.drawnReady !== up) { S.drawnReady = up; if (S.draft && !S.live) renderDraft(); renderFacts(); renderProof(); }
      ui.app.classList.toggle('sz-offline', !up);
      ui.refused.hidden = !S.refused;
      ui.banner.hidden = up || S.refused || !(S.everConnected || retrying || S.attempt > 0);
      renderSend();
      renderChips();
      renderTools();
    }

    function renderSend() {
      var t = ui.input.value.trim();
      // Offline the message waits (待发送) and goes out when the connection is back.
      ui.send.disabled = S.refused || !t || ui.input.value.length > MAX_LEN || !!S.tooBig;
      ui.send.title = S.ready ? '' : '连接已断开：现在发送的消息会在连接恢复后自动发出';
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
      renderProof();
      renderVersions();
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
      S.versions = null; S.editor = null; S.busyRef = null; S.cardNote = null; S.proof = null; S.factEdit = null;
      S.diff = null; S.diffPick = []; S.diffLoading = false;
      if (S.view !== 'draft') showVersions(false);
      if (!keepPending) S.pending = [];
      // Messages waiting to be sent go on in a new session of the same kind; otherwise the writer chooses again.
      S.choosing = !S.pending.length && !options.kind && options.chooseKind !== false;
      if (S.choosing) S.kind = options.kind || null;
      renderAll();
      if (S.choosing && !S.kinds) loadKinds(); else renderIntro();
    }

    /** 删除本次会话及草稿: after a confirmation, the server removes everything of the session; every tab starts fresh. */
    function onDeleteSession() {
      if (!S.sessionId) { toast('还没有会话可删除。'); return; }
      if (!global.confirm('确定删除本次会话及草稿吗？服务器上的对话、收集的情况和全部草稿版本都将删除，无法恢复。')) return;
      if (S.ws && S.ready && S.ws.readyState === 1) {
        S.ws.send(JSON.stringify({ type: 'delete' }));
        return;
      }
      if (!global.fetch) { toast('连接已断开，暂时无法删除，请稍后再试。'); return; }
      global.fetch(server + '/api/sessions/' + encodeURIComponent(S.sessionId), { method: 'DELETE', credentials: 'omit' })
        .then(function (r) {
          if (r.status !== 204 && r.status !== 404) throw new Error(String(r.status));
          onDeleted({ message: '本次会话及草稿已删除，服务器上不再保留。' });
        }).catch(function () { toast('删除没有成功，请稍后再试。'); });
    }

    function onDeleted(f) {
      resetSession(false);
      ui.input.value = '';
      onInput();
      S.notice = f.message || '本次会话及草稿已删除。';
      toast(S.notice);
      reconnectNow();
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
    ui.editingCancel.addEventListener('click', cancelEditLast);
    ui.input.addEventListener('keydown', onKeyDown);
    ui.input.addEventListener('input', onInput);
    ui.input.addEventListener('compositionstart', function () { S.composing = true; });
    ui.input.addEventListener('compositionend', function () { setTimeout(function () { S.composing = false; }, 0); });
    ui.newSession.addEventListener('click', onNewSession);
    ui.deleteSession.addEventListener('click', onDeleteSession);
    ui.generate.addEventListener('click', onGenerateButton);
    ui.copy.addEventListener('click', onCopy);
    ui.tabChat.addEventListener('click', function () { showTab('chat'); });
    ui.tabDraft.addEventListener('click', function () { showTab('draft'); });
    ui.tabs.addEventListener('keydown', onTabKey);
    ui.undo.addEventListener('click', undo);
    ui.redo.addEventListener('click', redo);
    ui.versionsBtn.addEventListener('click', function () { showVersions(S.view !== 'versions', true); });
    ui.proofBtn.addEventListener('click', proofread);
    ui.importBtn.addEventListener('click', openImport);
    ui.introImport.addEventListener('click', openImport);
    ui.importForm.addEventListener('submit', function (e) { e.preventDefault(); submitImportText(); });
    ui.importForm.addEventListener('keydown', onImportKey);
    ui.importCancel.addEventListener('click', closeImport);
    ui.importFileBtn.addEventListener('click', function () { ui.importFile.click(); });
    ui.importFile.addEventListener('change', onImportFile);
    ui.importDialog.addEventListener('click', function (e) { if (e.target === ui.importDialog) closeImport(); });
    ui.draftPane.addEventListener('keydown', function (e) {
      // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo the draft, outside any text field.
      var t = e.target, k = (e.key || '').toLowerCase();
      if (!(e.ctrlKey || e.metaKey) || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t && t.tagName)) return;
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); undo(); } else if (k === 'y' || (k === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
    });
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
    ui.scroll.addEventListener('scroll', onChatScroll, { passive: true });
    var follower = global.ResizeObserver ? new global.ResizeObserver(function () { scrollChat(false); }) : null;
    if (follower) { follower.observe(ui.scroll); follower.observe(ui.messages); follower.observe(ui.intro); }

    fit();
    showTab('chat');
    renderAll();
    onInput();
    loadKinds();
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
        if (follower) follower.disconnect();
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
