/*
 * 述职助手 — the chat page: native ES modules, served as they are (no build step), no external resources, CSP-safe.
 * This entry module builds the skeleton, keeps the session's state and applies the server's frames; the socket is
 * js/connection.js, each pane is drawn by js/panes/*.js, and the pure parts (diff, draft text and HTML, highlighting,
 * the frame reducer, the socket's rules) are js/*.js, unit-tested with node --test (docs/widget.md).
 * All UI is built with createElement/textContent inside the root passed to mount(root, {server, kind}).
 * Nothing from the server or the writer ever goes through innerHTML.
 */
import { runIn, draftPlainText, draftHtml, partsLine } from './js/draft-text.js';
import { todoSegments } from './js/marks.js';
import { sequence, reduce } from './js/frames.js';
import { stillPending } from './js/transport.js';
import { createConnection } from './js/connection.js';
import { createChatPane } from './js/panes/chat.js';
import { createDraftPane } from './js/panes/draft.js';
import { createVersionsPane } from './js/panes/versions.js';
import { createProofreadPane } from './js/panes/proofread.js';
import { createFactsPane } from './js/panes/facts.js';
import { createImportPane } from './js/panes/import.js';

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
    // In a narrow panel (the widget) the header has room for the short label only.
    u.deleteSession = el('button', { type: 'button', class: 'sz-btn sz-btn-ghost', tid: 'delete-session', title: '从服务器上删除本次会话的对话、收集的情况和全部草稿版本',
      'aria-label': '删除本次会话及草稿' }, [el('span', { class: 'sz-label-long', text: '删除本次会话及草稿' }), el('span', { class: 'sz-label-short', text: '删除会话' })]);
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

    // ----- connection: js/connection.js -----
    function connect() { return P.connect.apply(null, arguments); }
    function sendHello() { return P.sendHello.apply(null, arguments); }
    function probeRefused() { return P.probeRefused.apply(null, arguments); }
    function showRefused() { return P.showRefused.apply(null, arguments); }
    function scheduleReconnect() { return P.scheduleReconnect.apply(null, arguments); }
    function reconnectNow() { return P.reconnectNow.apply(null, arguments); }

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
      // Each handler takes the session's data from the reducer (js/frames.js reduce), then does what is the page's
      // own: its editors, focus and messages, and drawing.
      session: function (f) {
        Object.assign(S, reduce(S, f));
        if (S.sessionId) store.set(KEY_SESSION, S.sessionId);
        S.choosing = false;
        S.live = null;
        S.prevSections = null;
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
        Object.assign(S, reduce(S, f));
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
        Object.assign(S, reduce(S, f));
        if (S.factEdit && S.factEdit.saving) S.factEdit = null;
        renderFacts();
      },
      progress: function (f) {
        Object.assign(S, reduce(S, f));
        renderProgress();
      },
      usage: function (f) {
        Object.assign(S, reduce(S, f));
        renderHeader();
      },
      draft_section: function (f) {
        var sec = applyLive(f);
        Object.assign(S, reduce(S, f));
        if (f.total) renderProgress();
        renderLive(sec);
      },
      draft_delta: function (f) {
        renderLive(applyLive(f));
      },
      draft: function (f) {
        S.stopping = false;
        Object.assign(S, reduce(S, f));
        S.live = null;
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
        Object.assign(S, reduce(S, f));
        renderTools();
        renderVersions();
      },
      diff: function (f) {
        Object.assign(S, reduce(S, f));
        S.diffLoading = false;
        renderVersions();
        var d = ui.versionsPanel.querySelector('[data-testid=diff]');
        if (d && d.scrollIntoView) d.scrollIntoView({ block: 'nearest' });
      },
      suggestions: function (f) {
        Object.assign(S, reduce(S, f));
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

    // ----- chat: js/panes/chat.js -----
    function addMessage() { return P.addMessage.apply(null, arguments); }
    function ensureAssistant() { return P.ensureAssistant.apply(null, arguments); }
    function updateMessage() { return P.updateMessage.apply(null, arguments); }
    function addNotice() { return P.addNotice.apply(null, arguments); }
    function renderMessages() { return P.renderMessages.apply(null, arguments); }
    function renderChips() { return P.renderChips.apply(null, arguments); }
    function nearBottom() { return P.nearBottom.apply(null, arguments); }
    function scrollChat() { return P.scrollChat.apply(null, arguments); }
    function onChatScroll() { return P.onChatScroll.apply(null, arguments); }
    function say() { return P.say.apply(null, arguments); }
    function lastUserMessage() { return P.lastUserMessage.apply(null, arguments); }
    function startEditLast() { return P.startEditLast.apply(null, arguments); }
    function cancelEditLast() { return P.cancelEditLast.apply(null, arguments); }
    function renderEditing() { return P.renderEditing.apply(null, arguments); }
    function dropReplaced() { return P.dropReplaced.apply(null, arguments); }
    function submitInput() { return P.submitInput.apply(null, arguments); }
    function onGenerateButton() { return P.onGenerateButton.apply(null, arguments); }
    function stopDraft() { return P.stopDraft.apply(null, arguments); }
    function generate() { return P.generate.apply(null, arguments); }
    function onInput() { return P.onInput.apply(null, arguments); }
    function onKeyDown() { return P.onKeyDown.apply(null, arguments); }

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

    // ----- draft: js/panes/draft.js -----
    function renderDraft() { return P.renderDraft.apply(null, arguments); }
    function applyLive() { return P.applyLive.apply(null, arguments); }
    function renderLive() { return P.renderLive.apply(null, arguments); }
    function liveEl() { return P.liveEl.apply(null, arguments); }
    function sectionEl() { return P.sectionEl.apply(null, arguments); }
    function renderProgress() { return P.renderProgress.apply(null, arguments); }
    function working() { return P.working.apply(null, arguments); }
    function finishProgress() { return P.finishProgress.apply(null, arguments); }
    function renderTools() { return P.renderTools.apply(null, arguments); }
    function renderCardActions() { return P.renderCardActions.apply(null, arguments); }
    function onCopy() { return P.onCopy.apply(null, arguments); }
    function findSection() { return P.findSection.apply(null, arguments); }
    function editableText() { return P.editableText.apply(null, arguments); }
    function sectionLabel() { return P.sectionLabel.apply(null, arguments); }
    function cardEl() { return P.cardEl.apply(null, arguments); }
    function cardNote() { return P.cardNote.apply(null, arguments); }
    function openEditor() { return P.openEditor.apply(null, arguments); }
    function closeEditor() { return P.closeEditor.apply(null, arguments); }
    function onEditorKey() { return P.onEditorKey.apply(null, arguments); }
    function refinePanel() { return P.refinePanel.apply(null, arguments); }
    function sendRefine() { return P.sendRefine.apply(null, arguments); }
    function editPanel() { return P.editPanel.apply(null, arguments); }
    function saveEdit() { return P.saveEdit.apply(null, arguments); }
    function editSaved() { return P.editSaved.apply(null, arguments); }
    function editConflict() { return P.editConflict.apply(null, arguments); }
    function showCard() { return P.showCard.apply(null, arguments); }

    // ----- versions: js/panes/versions.js -----
    function undo() { return P.undo.apply(null, arguments); }
    function redo() { return P.redo.apply(null, arguments); }
    function versionInfo() { return P.versionInfo.apply(null, arguments); }
    function showVersions() { return P.showVersions.apply(null, arguments); }
    function requestDiff() { return P.requestDiff.apply(null, arguments); }
    function describeVersion() { return P.describeVersion.apply(null, arguments); }
    function renderVersions() { return P.renderVersions.apply(null, arguments); }
    function versionEl() { return P.versionEl.apply(null, arguments); }
    function diffEl() { return P.diffEl.apply(null, arguments); }
    function diffSectionEl() { return P.diffSectionEl.apply(null, arguments); }
    function diffCol() { return P.diffCol.apply(null, arguments); }

    // ----- proofread: js/panes/proofread.js -----
    function proofread() { return P.proofread.apply(null, arguments); }
    function suggestionKey() { return P.suggestionKey.apply(null, arguments); }
    function renderProof() { return P.renderProof.apply(null, arguments); }
    function suggestionEl() { return P.suggestionEl.apply(null, arguments); }
    function acceptSuggestion() { return P.acceptSuggestion.apply(null, arguments); }

    // ----- facts: js/panes/facts.js -----
    function renderFacts() { return P.renderFacts.apply(null, arguments); }
    function factEl() { return P.factEl.apply(null, arguments); }
    function factEditor() { return P.factEditor.apply(null, arguments); }
    function openFact() { return P.openFact.apply(null, arguments); }
    function closeFact() { return P.closeFact.apply(null, arguments); }
    function saveFact() { return P.saveFact.apply(null, arguments); }
    function deleteFact() { return P.deleteFact.apply(null, arguments); }
    function appendQuantities() { return P.appendQuantities.apply(null, arguments); }

    // ----- import: js/panes/import.js -----
    function openImport() { return P.openImport.apply(null, arguments); }
    function closeImport() { return P.closeImport.apply(null, arguments); }
    function importBusy() { return P.importBusy.apply(null, arguments); }
    function importFailed() { return P.importFailed.apply(null, arguments); }
    function importDone() { return P.importDone.apply(null, arguments); }
    function submitImportText() { return P.submitImportText.apply(null, arguments); }
    function onImportFile() { return P.onImportFile.apply(null, arguments); }
    function uploadImport() { return P.uploadImport.apply(null, arguments); }
    function uploadStatusText() { return P.uploadStatusText.apply(null, arguments); }
    function onImportKey() { return P.onImportKey.apply(null, arguments); }

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

    // The socket (js/connection.js) and the panes (js/panes/*.js) get the page's state, elements and functions through ctx, and give theirs to P.
    var ctx = {
      global: global, options: options, root: root, CHANGE_NAMES: CHANGE_NAMES, DIFF_NAMES: DIFF_NAMES,
      EXPORTS: EXPORTS, KEY_SEQ: KEY_SEQ, KEY_SESSION: KEY_SESSION, MAX_FRAME_BYTES: MAX_FRAME_BYTES,
      MAX_IMPORT_BYTES: MAX_IMPORT_BYTES, MAX_LEN: MAX_LEN, NARROW: NARROW, QUICK_REFINES: QUICK_REFINES, S: S,
      acceptSuggestion: acceptSuggestion, act: act, actionFailed: actionFailed, activeIn: activeIn,
      addMessage: addMessage, addNotice: addNotice, appendMarked: appendMarked, appendQuantities: appendQuantities,
      applyLive: applyLive, autoMount: autoMount, buildImportDialog: buildImportDialog, buildUi: buildUi,
      cancelEditLast: cancelEditLast, cardEl: cardEl, cardNote: cardNote, clock: clock, closeEditor: closeEditor,
      closeFact: closeFact, closeImport: closeImport, connect: connect, copyDraft: copyDraft,
      copyViaEvent: copyViaEvent, crossOrigin: crossOrigin, deleteFact: deleteFact, describeVersion: describeVersion,
      diffCol: diffCol, diffEl: diffEl, diffSectionEl: diffSectionEl, dropReplaced: dropReplaced,
      editConflict: editConflict, editPanel: editPanel, editSaved: editSaved, editableText: editableText, el: el,
      engineName: engineName, ensureAssistant: ensureAssistant, factEditor: factEditor, factEl: factEl, fill: fill,
      findFocus: findFocus, findSection: findSection, finishProgress: finishProgress, fit: fit, focusKey: focusKey,
      formatTokens: formatTokens, frameBytes: frameBytes, generate: generate, handlers: handlers, here: here,
      importBusy: importBusy, importDone: importDone, importFailed: importFailed, isNarrow: isNarrow,
      jsonBytes: jsonBytes, kindInfo: kindInfo, lastUserMessage: lastUserMessage, liveEl: liveEl,
      loadKinds: loadKinds, mark: mark, mount: mount, nearBottom: nearBottom, newId: newId,
      onChatScroll: onChatScroll, onCopy: onCopy, onDeleteSession: onDeleteSession, onDeleted: onDeleted,
      onDocClick: onDocClick, onEditorKey: onEditorKey, onError: onError, onFrame: onFrame,
      onGenerateButton: onGenerateButton, onImportFile: onImportFile, onImportKey: onImportKey, onInput: onInput,
      onKeyDown: onKeyDown, onNewSession: onNewSession, onOnline: onOnline, onTabKey: onTabKey,
      openEditor: openEditor, openExports: openExports, openFact: openFact, openImport: openImport,
      probeRefused: probeRefused, proofread: proofread, reconnectNow: reconnectNow, redo: redo,
      refinePanel: refinePanel, renderAll: renderAll, renderCardActions: renderCardActions, renderChips: renderChips,
      renderConnection: renderConnection, renderDraft: renderDraft, renderEditing: renderEditing,
      renderFacts: renderFacts, renderHeader: renderHeader, renderIntro: renderIntro,
      renderIntroLine: renderIntroLine, renderLive: renderLive, renderMessages: renderMessages,
      renderProgress: renderProgress, renderProof: renderProof, renderSend: renderSend, renderTools: renderTools,
      renderVersions: renderVersions, requestDiff: requestDiff, resetSession: resetSession,
      restoreFocus: restoreFocus, retry: retry, runAfterSession: runAfterSession, runIn: runIn, saveEdit: saveEdit,
      saveFact: saveFact, say: say, scheduleReconnect: scheduleReconnect, scrollChat: scrollChat,
      sectionEl: sectionEl, sectionLabel: sectionLabel, sendHello: sendHello, sendRefine: sendRefine, server: server,
      showCard: showCard, showRefused: showRefused, showTab: showTab, showVersions: showVersions,
      startEditLast: startEditLast, startSession: startSession, stopDraft: stopDraft, store: store, stored: stored,
      submitImportText: submitImportText, submitInput: submitInput, suffix: suffix, suggestionEl: suggestionEl,
      suggestionKey: suggestionKey, toast: toast, transmit: transmit, ui: ui, undo: undo,
      updateMessage: updateMessage, uploadImport: uploadImport, uploadStatusText: uploadStatusText,
      versionEl: versionEl, versionInfo: versionInfo, whenSession: whenSession, working: working, wsUrl: wsUrl
    };
    var P = {};
    [createConnection, createChatPane, createDraftPane, createVersionsPane, createProofreadPane, createFactsPane, createImportPane]
      .forEach(function (create) { Object.assign(P, create(ctx)); });

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
    // The session id goes in a POST body, never in a URL; the answer is a sealed link that works for a few minutes
    // (on the Shuzhi server: the widget runs inside other sites' pages), opened as a download at once.
    function downloadExport(format) {
      if (!global.fetch || !S.sessionId) { toast('暂时无法导出，请稍后再试。'); return; }
      global.fetch(server + '/api/exports', { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sessionId: S.sessionId, format: format }) })
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (b) { if (!r.ok || !b.url) throw { said: b.message }; return b; });
        })
        .then(function (b) {
          var link = document.createElement('a');
          link.href = server + b.url;
          link.setAttribute('download', '');
          link.hidden = true;
          root.appendChild(link);
          link.click();
          link.remove();
        }).catch(function (err) { toast((err && err.said) || '导出没有成功，请检查网络后再试。'); });
    }
    ui.exports.forEach(function (a, i) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        if (a.getAttribute('aria-disabled') === 'true') return;
        openExports(false);
        downloadExport(EXPORTS[i][0]);
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
