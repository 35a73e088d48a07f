import { test } from 'node:test';
import assert from 'node:assert/strict';
import { helloFrame, backoff, sayFrame, stillPending } from '../../main/resources/static/js/transport.js';

test('hello: a new session with its kind, a resume with lastSeq only when the page shows the session', () => {
  assert.deepEqual(helloFrame(null, false, 0, 'personal-annual'), { type: 'hello', kind: 'personal-annual' });
  assert.deepEqual(helloFrame('s1', false, 12, 'x'), { type: 'hello', sessionId: 's1' });
  assert.deepEqual(helloFrame('s1', true, 12, null), { type: 'hello', sessionId: 's1', lastSeq: 12 });
});

test('back-off doubles from 0.5 s to 10 s, within ±25 %', () => {
  assert.equal(backoff(0, () => 0.5), 500);
  assert.equal(backoff(3, () => 0.5), 4000);
  assert.equal(backoff(10, () => 0.5), 10000);
  assert.equal(backoff(0, () => 0), 375);
  assert.equal(backoff(0, () => 1), 625);
  assert.equal(backoff(20, () => 1), 10000);
});

test('a waiting message goes out with its own id, and its correction says what it replaces', () => {
  assert.deepEqual(sayFrame({ id: 'm-1', text: '学习12次' }), { type: 'say', id: 'm-1', text: '学习12次' });
  assert.deepEqual(sayFrame({ id: 'm-2', text: '学习15次', replaces: 'm-1' }), { type: 'say', id: 'm-2', text: '学习15次', replaces: 'm-1' });
});

test('messages the server already has stop waiting', () => {
  const seen = new Set(['m-1']);
  assert.deepEqual(stillPending([{ id: 'm-1' }, { id: 'm-2' }], (id) => seen.has(id)), [{ id: 'm-2' }]);
});
