/*
 * The draft as text: plain text and 公文-styled HTML for the clipboard, the parts line of the intro, which sections a
 * version changed, the order of section refs. Pure: no DOM, no state.
 */

/** CSS font stacks: the office face first, then what Windows, macOS and a Linux desktop (Noto CJK) have. */
export const FONT = {
  fang: '"仿宋_GB2312","FangSong_GB2312","FangSong","仿宋","STFangsong","Noto Serif CJK SC",serif',
  kai: '"楷体_GB2312","KaiTi_GB2312","KaiTi","楷体","STKaiti","AR PL UKai CN","Noto Serif CJK SC",serif',
  hei: '"黑体","SimHei","Heiti SC","STHeiti","Noto Sans CJK SC",sans-serif',
  song: '"方正小标宋简体","小标宋","华文中宋","STZhongsong","SimSun","宋体","STSong","Noto Serif CJK SC",serif'
};

const NUMERALS = '一二三四五六七八九十';

export function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The non-blank lines of a text. */
export function lines(s) {
  return String(s || '').split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** Run-in heading text ends with exactly one 。 */
export function runIn(h) {
  return /[。．.：:！？]$/.test(h) ? h : h + '。';
}

export function draftPlainText(d) {
  if (d.text) return d.text;
  let out = '';
  (d.sections || []).forEach((s) => {
    if (s.ref === 'title') { out += (s.heading || d.title || '') + '\n\n'; return; }
    if (s.level === 2 && s.heading) { out += runIn(s.heading) + (s.body || '') + '\n'; return; }
    if (s.heading) out += s.heading + '\n';
    if (s.body) out += s.body + '\n';
  });
  return out;
}

/**
 * Word and WPS read the mso-* hints on paste: the Chinese face for Chinese (mso-fareast-font-family), Times New Roman
 * for digits and Latin, and the line height as a fixed value (docs/export.md).
 */
export function msoFonts(face) {
  return 'mso-fareast-font-family:"' + face + '";mso-ascii-font-family:"Times New Roman";mso-hansi-font-family:"Times New Roman";';
}

/** The draft as an HTML fragment with inline 公文 styles, for text/html on the clipboard. */
export function draftHtml(d) {
  const p = 'margin:0;text-indent:2em;font-size:16pt;line-height:28.95pt;mso-line-height-rule:exactly;';
  const body = 'font-family:' + FONT.fang + ';' + msoFonts('仿宋_GB2312');
  let h = '<div style="' + esc(body + 'font-size:16pt;color:#000') + '">';
  (d.sections || []).forEach((s) => {
    if (s.ref === 'title') {
      h += '<p style="' + esc('margin:0 0 28.95pt;text-align:center;font-size:22pt;line-height:32pt;mso-line-height-rule:exactly;font-family:' +
        FONT.song + ';' + msoFonts('方正小标宋简体')) + '">' + esc(s.heading || d.title || '') + '</p>';
      return;
    }
    const ls = lines(s.body);
    if (s.level === 2 && s.heading) {
      h += '<p style="' + esc(p + body) + '"><span style="' + esc('font-family:' + FONT.kai + ';' + msoFonts('楷体_GB2312')) + '">' +
        esc(runIn(s.heading)) + '</span>' + esc(ls.shift() || '') + '</p>';
    } else if (s.heading) {
      const hs = s.level === 1 ? p + 'font-family:' + FONT.hei + ';' + msoFonts('黑体') : p + body;
      h += '<p style="' + esc(hs) + '">' + esc(s.heading) + '</p>';
    }
    ls.forEach((l) => { h += '<p style="' + esc(p + body) + '">' + esc(l) + '</p>'; });
  });
  return h + '</div>';
}

/** The intro's line on the draft's parts, for a kind of /api/kinds ({name, parts: [heading…]}); null: not known. */
export function partsLine(kind) {
  const parts = (kind && kind.parts) || [];
  if (!parts.length) return null;
  return '生成' + (parts.length <= 10 ? NUMERALS[parts.length - 1] : parts.length) + '部分草稿：' +
    parts.map((h, i) => (NUMERALS[i] || i + 1) + '、' + h).join('；') + '。';
}

/** {ref: true} for each section of draft b that is new or differs from draft a; null when none does. */
export function changedRefs(a, b) {
  const was = {}, out = {};
  let any = false;
  (a.sections || []).forEach((s) => { was[s.ref] = (s.heading || '') + '\u0000' + (s.body || ''); });
  (b.sections || []).forEach((s) => {
    if (was[s.ref] !== (s.heading || '') + '\u0000' + (s.body || '')) { out[s.ref] = true; any = true; }
  });
  return any ? out : null;
}

/** Orders section refs as numbers ("1.2" < "1.10" < "2"). */
export function compareRef(a, b) {
  const x = String(a || '').split('.'), y = String(b || '').split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (parseInt(x[i], 10) || 0) - (parseInt(y[i], 10) || 0);
    if (d) return d;
  }
  return 0;
}

/** Reading order of draft sections: title, opening, then the parts and sections by number. */
export function refOrder(a, b) {
  const rank = (r) => (r === 'title' ? '-2' : r === 'opening' ? '-1' : r);
  return compareRef(rank(a), rank(b));
}

/**
 * A report title cut at its phrase boundaries — after the year (2025年度), before the year, 关于, 抓, and the report's
 * name (述职报告, 工作总结 …) — so a title too long for one line breaks between phrases, as GB/T 9704 asks
 * (the .docx does the same, export/TitleLines).
 */
export function titlePhrases(title) {
  const t = String(title || '');
  const cuts = new Set();
  const add = (i) => { if (i > 0 && i < t.length) cuts.add(i); };
  for (const m of t.matchAll(/(?:\d{4}|[〇一二三四五六七八九零]{4})年度?/g)) { add(m.index); add(m.index + m[0].length); }
  for (const m of t.matchAll(/关于|抓|(?:个人)?(?:述职|述责述廉|工作总结|工作报告|总结)/g)) add(m.index);
  const at = [...cuts].sort((a, b) => a - b);
  const out = [];
  let from = 0;
  at.forEach((i) => { out.push(t.slice(from, i)); from = i; });
  out.push(t.slice(from));
  return out.filter((s) => s);
}
