import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftHtml, draftPlainText, partsLine, changedRefs, refOrder, esc } from '../../main/resources/static/js/draft-text.js';

const draft = {
  version: 2, title: '某支部2025年度述职报告',
  sections: [
    { ref: 'title', level: 0, heading: '某支部2025年度述职报告', body: '' },
    { ref: 'opening', level: 1, heading: '', body: '2025年，现将有关情况报告如下：' },
    { ref: '1', level: 1, heading: '一、履职情况及成效', body: '' },
    { ref: '1.1', level: 2, heading: '（一）抓理论学习', body: '一是组织学习12次。\n二是讲党课3次。' },
    { ref: '2', level: 1, heading: '二、存在问题和不足', body: '一是<script>学用结合不够</script>。' }
  ]
};

test('plain text: title, run-in heading with 。, one line a paragraph', () => {
  assert.equal(draftPlainText(draft), '某支部2025年度述职报告\n\n2025年，现将有关情况报告如下：\n一、履职情况及成效\n' +
    '（一）抓理论学习。一是组织学习12次。\n二是讲党课3次。\n二、存在问题和不足\n一是<script>学用结合不够</script>。\n');
  assert.equal(draftPlainText({ text: '原样' }), '原样');
});

test('HTML: every part in its Chinese face with the hints Word and WPS read on paste', () => {
  const h = draftHtml(draft);
  assert.match(h, /mso-fareast-font-family:&quot;方正小标宋简体&quot;[^>]*>某支部2025年度述职报告</);
  assert.match(h, /font-family:&quot;黑体&quot;[^"]*mso-fareast-font-family:&quot;黑体&quot;[^>]*>一、履职情况及成效</);
  assert.match(h, /mso-fareast-font-family:&quot;楷体_GB2312&quot;[^>]*>（一）抓理论学习。<\/span>一是组织学习12次。</);
  assert.match(h, />二是讲党课3次。<\/p>/);
  assert.ok(h.includes('mso-line-height-rule:exactly'));
  assert.ok(h.includes('mso-ascii-font-family:&quot;Times New Roman&quot;'));
  // Chinese faces come before any Latin one (narrow quotes otherwise).
  for (const m of h.matchAll(/style="font-family:([^;]*);/g)) assert.ok(!m[1].startsWith('&quot;Times'), m[1]);
});

test('HTML: the writer\'s text is escaped, never markup', () => {
  const h = draftHtml(draft);
  assert.ok(!h.includes('<script>'));
  assert.ok(h.includes('&lt;script&gt;学用结合不够&lt;/script&gt;'));
  assert.equal(esc('"a" & \'b\''), '&quot;a&quot; &amp; &#39;b&#39;');
});

test('the intro counts the kind\'s parts', () => {
  assert.equal(partsLine({ parts: ['甲', '乙', '丙'] }), '生成三部分草稿：一、甲；二、乙；三、丙。');
  assert.match(partsLine({ parts: ['履行主体责任情况', '个人廉洁自律情况', '存在的问题', '今后努力方向'] }), /^生成四部分草稿：一、履行主体责任情况；.*四、今后努力方向。$/);
  assert.equal(partsLine({ parts: [] }), null);
  assert.equal(partsLine(null), null);
});

test('changedRefs names the sections a version changed, added included', () => {
  const next = { sections: draft.sections.map((s) => s.ref === '1.1' ? Object.assign({}, s, { body: '一是组织学习15次。' }) : s)
    .concat([{ ref: '3', level: 1, heading: '三、下步工作举措', body: '' }]) };
  assert.deepEqual(changedRefs(draft, next), { '1.1': true, '3': true });
  assert.equal(changedRefs(draft, draft), null);
});

test('sections in reading order', () => {
  const refs = ['2', '1.10', 'opening', '1.2', 'title', '1'];
  assert.deepEqual(refs.sort(refOrder), ['title', 'opening', '1', '1.2', '1.10', '2']);
});

import { titlePhrases } from '../../main/resources/static/js/draft-text.js';

test('a title is cut only between its phrases', () => {
  assert.deepEqual(titlePhrases('市第一人民医院内科党支部书记2024年度抓基层党建工作述职报告'),
    ['市第一人民医院内科党支部书记', '2024年度', '抓基层党建工作', '述职报告']);
  assert.deepEqual(titlePhrases('市水务局党组书记、局长2025年度述责述廉报告'), ['市水务局党组书记、局长', '2025年度', '述责述廉报告']);
  assert.deepEqual(titlePhrases('述职报告'), ['述职报告']);
  assert.deepEqual(titlePhrases(''), []);
  assert.equal(titlePhrases('某单位关于2025年度工作的总结').join(''), '某单位关于2025年度工作的总结');
});
