import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sequence, liveDraft } from '../../main/resources/static/js/frames.js';

test('a logged frame moves lastSeq; one already seen is not applied again', () => {
  assert.deepEqual(sequence(4, { type: 'facts', seq: 5 }), { apply: true, lastSeq: 5, logged: true });
  assert.deepEqual(sequence(5, { type: 'facts', seq: 5 }), { apply: false, lastSeq: 5, logged: false });
  assert.deepEqual(sequence(9, { type: 'assistant_end', seq: 3 }), { apply: false, lastSeq: 9, logged: false });
});

test('a snapshot is applied whatever its seq', () => {
  assert.deepEqual(sequence(9, { type: 'session', seq: 0 }), { apply: true, lastSeq: 0, logged: true });
});

test('direct answers and errors repeat the last seq and never move it', () => {
  assert.deepEqual(sequence(7, { type: 'diff', seq: 7 }), { apply: true, lastSeq: 7, logged: false });
  assert.deepEqual(sequence(7, { type: 'suggestions', seq: 6 }), { apply: true, lastSeq: 7, logged: false });
  assert.deepEqual(sequence(7, { type: 'error', seq: 7, code: 'STOPPED' }), { apply: true, lastSeq: 7, logged: false });
  assert.deepEqual(sequence(7, { type: 'deleted', seq: 7 }), { apply: true, lastSeq: 7, logged: false });
});

test('garbage is ignored', () => {
  assert.equal(sequence(1, null).apply, false);
  assert.equal(sequence(1, 'x').apply, false);
});

test('the live draft grows in reading order whatever order sections arrive in', () => {
  let r = liveDraft(null, { type: 'draft_delta', ref: '1.1', text: '一是组织学习' }, null);
  assert.equal(r.added, true);
  r = liveDraft(r.live, { type: 'draft_delta', ref: '1.1', text: '12次。' }, null);
  assert.equal(r.added, false);
  assert.equal(r.section.body, '一是组织学习12次。');
  assert.equal(r.section.done, false);
  r = liveDraft(r.live, { type: 'draft_section', ref: 'title', level: 0, heading: '某支部述职报告', body: '' }, null);
  r = liveDraft(r.live, { type: 'draft_section', ref: 'opening', level: 1, heading: '', body: '现将有关情况报告如下：' }, null);
  r = liveDraft(r.live, { type: 'draft_section', ref: '1', level: 1, heading: '一、履职情况及成效', body: '' }, null);
  assert.deepEqual(r.live.sections.map((s) => s.ref), ['title', 'opening', '1', '1.1']);
  assert.equal(r.live.sections[0].done, true);
});

test('a section rewritten while the others stay: the old text goes at its first new words', () => {
  const current = { sections: [{ ref: 'title', level: 0, heading: '标题', body: '' }, { ref: '1.1', level: 2, heading: '（一）', body: '旧的文字' }] };
  let r = liveDraft(null, { type: 'draft_delta', ref: '1.1', text: '新的' }, current);
  assert.deepEqual(r.live.sections.map((s) => [s.ref, s.body]), [['title', ''], ['1.1', '新的']]);
  assert.equal(r.added, false);
});

test('the state before is not changed', () => {
  const r1 = liveDraft(null, { type: 'draft_delta', ref: '1.1', text: '甲' }, null);
  const r2 = liveDraft(r1.live, { type: 'draft_delta', ref: '1.1', text: '乙' }, null);
  assert.equal(r1.live.sections[0].body, '甲');
  assert.equal(r2.live.sections[0].body, '甲乙');
});

import { reduce } from '../../main/resources/static/js/frames.js';

const snapshot = {
  type: 'session', seq: 0, sessionId: 's1', kind: 'party-branch-secretary', kindName: '党支部书记抓基层党建工作述职',
  phase: 'interview', engine: 'offline', profile: { unit: '机关第一党支部', year: '2025' }, facts: [{ id: 'f-1' }],
  draft: null, messages: [], versions: null
};

test('a snapshot replaces the session\'s data', () => {
  const before = { sessionId: 'old', draft: { version: 3, sections: [{ ref: 'title' }] }, progress: { step: 1, total: 4 }, editor: {} };
  const s = reduce(before, snapshot);
  assert.equal(s.sessionId, 's1');
  assert.equal(s.draft, null);
  assert.equal(s.progress, null);
  assert.equal(s.tokens, null);
  assert.deepEqual(s.facts, [{ id: 'f-1' }]);
  assert.equal('editor' in s, false, 'the page\'s own fields are not the reducer\'s');
  assert.equal(before.sessionId, 'old', 'the state before is not changed');
});

test('a new version marks the sections it changed; the first draft marks none', () => {
  const v1 = { type: 'draft', version: 1, sections: [{ ref: 'title', heading: '甲', body: '' }, { ref: '1.1', heading: '（一）', body: '学习12次' }] };
  let s = reduce({}, v1);
  assert.equal(s.changedRefs, null);
  assert.equal(s.phase, 'drafted');
  const v2 = { type: 'draft', version: 2, sections: [{ ref: 'title', heading: '甲', body: '' }, { ref: '1.1', heading: '（一）', body: '学习15次' }] };
  s = reduce(s, v2);
  assert.deepEqual(s.changedRefs, { '1.1': true });
  assert.equal(s.draft, v2);
  // The same version again (a replay after reconnect) changes nothing to mark.
  assert.equal(reduce(s, v2).changedRefs, null);
});

test('facts, usage, progress, kind, versions', () => {
  let s = reduce({ profile: { unit: 'x' } }, { type: 'facts', facts: [{ id: 'f-2' }] });
  assert.deepEqual(s.profile, { unit: 'x' }, 'a facts frame without profile keeps it');
  s = reduce(s, { type: 'usage', tokensIn: 1234, tokensOut: 567 });
  assert.deepEqual(s.tokens, { tokensIn: 1234, tokensOut: 567 });
  s = reduce(s, { type: 'draft_section', ref: 'title', step: 1, total: 6, heading: '标题' });
  assert.deepEqual(s.progress, { step: 1, total: 6, label: '标题' });
  s = reduce(s, { type: 'kind', kind: 'personal-annual', kindName: '个人年度述职报告' });
  assert.equal(s.kindName, '个人年度述职报告');
  const versions = { type: 'versions', current: 2, latest: 2, canUndo: true, canRedo: false, items: [] };
  assert.equal(reduce(s, versions).versions, versions);
});

test('new suggestions keep the ones the writer ignored', () => {
  const s = reduce({ proof: { version: 1, items: [], ignored: { k: true } } }, { type: 'suggestions', version: 2, suggestions: [{ id: 'a' }] });
  assert.deepEqual(s.proof, { version: 2, items: [{ id: 'a' }], ignored: { k: true } });
});
