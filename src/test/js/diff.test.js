import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charDiff } from '../../main/resources/static/js/diff.js';

const join = (ops, keep) => ops.filter((o) => keep.includes(o.op)).map((o) => o.text).join('');

test('the same text is one equal run', () => {
  assert.deepEqual(charDiff('组织学习12次', '组织学习12次'), [{ op: '=', text: '组织学习12次' }]);
});

test('a changed number reads as one replacement between equal ends', () => {
  assert.deepEqual(charDiff('组织学习12次，发放读本', '组织学习15次，发放读本'), [
    { op: '=', text: '组织学习1' }, { op: '-', text: '2' }, { op: '+', text: '5' }, { op: '=', text: '次，发放读本' }
  ]);
});

test('both sides can be rebuilt from the ops', () => {
  const a = '一是落实“第一议题”制度，学习18次；二是组织研讨6次。', b = '一是严格落实“第一议题”制度，专题学习20次；三是开展研讨。';
  const ops = charDiff(a, b);
  assert.equal(join(ops, ['=', '-']), a);
  assert.equal(join(ops, ['=', '+']), b);
});

test('one-character islands between changes are folded into the change', () => {
  const ops = charDiff('甲乙丙丁', '戊乙己庚');
  assert.ok(!ops.some((o) => o.op === '=' && o.text === '乙'), JSON.stringify(ops));
});

test('empty and missing texts', () => {
  assert.deepEqual(charDiff('', '新增一句。'), [{ op: '+', text: '新增一句。' }]);
  assert.deepEqual(charDiff('删去一句。', null), [{ op: '-', text: '删去一句。' }]);
  assert.deepEqual(charDiff(undefined, undefined), []);
});
