import { test } from 'node:test';
import assert from 'node:assert/strict';
import { todoSegments, quantitySegments } from '../../main/resources/static/js/marks.js';

test('placeholders are marked, the rest stays text', () => {
  assert.deepEqual(todoSegments('研讨【去年12次，今年？】，发放【待补充：册数】。'), [
    { text: '研讨', todo: false }, { text: '【去年12次，今年？】', todo: true }, { text: '，发放', todo: false },
    { text: '【待补充：册数】', todo: true }, { text: '。', todo: false }
  ]);
  assert.deepEqual(todoSegments(''), []);
  assert.deepEqual(todoSegments('没有待填项。'), [{ text: '没有待填项。', todo: false }]);
});

test('a fact\'s numbers are highlighted in order, a repeated number at its own place', () => {
  const qs = [{ raw: '12次', display: '12次' }, { raw: '12次', display: '12次' }, { raw: '45册', display: '45册' }];
  const segs = quantitySegments('学习12次，研讨12次，发放45册', qs);
  assert.deepEqual(segs.map((s) => [s.text, !!s.quantity]), [
    ['学习', false], ['12次', true], ['，研讨', false], ['12次', true], ['，发放', false], ['45册', true]
  ]);
});

test('a number not in the text is left out', () => {
  const segs = quantitySegments('讲党课三次', [{ raw: '3次', display: '3次' }]);
  assert.deepEqual(segs, [{ text: '讲党课三次', quantity: null }]);
});
