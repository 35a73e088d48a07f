/*
 * The character-level diff the version history shows (pure: no DOM).
 */

/**
 * A character-level diff of two texts: [{op: '=' | '-' | '+', text}]. Common ends are cut first; the middle is an
 * LCS when small enough (else one replaced block); one-character equal islands between changes are folded into
 * them, so Chinese phrases read as whole replacements rather than confetti.
 */
export function charDiff(a, b) {
  a = String(a || ''); b = String(b || '');
  let p = 0;
  const n = Math.min(a.length, b.length);
  while (p < n && a[p] === b[p]) p++;
  let q = 0;
  while (q < n - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  const x = a.slice(p, a.length - q), y = b.slice(p, b.length - q);
  const mid = x.length * y.length > 4000000 ? [['-', x], ['+', y]] : lcsOps(x, y);
  let ops = [];
  if (p) ops.push(['=', a.slice(0, p)]);
  ops = ops.concat(foldIslands(mid));
  if (q) ops.push(['=', a.slice(a.length - q)]);
  return coalesce(ops).map((o) => ({ op: o[0], text: o[1] }));
}

function lcsOps(x, y) {
  const n = x.length, m = y.length, w = m + 1, L = new Uint16Array((n + 1) * w), ops = [];
  let i, j;
  for (i = n - 1; i >= 0; i--) {
    for (j = m - 1; j >= 0; j--) {
      L[i * w + j] = x[i] === y[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
    }
  }
  i = 0; j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { ops.push(['=', x[i]]); i++; j++; }
    else if (j < m && (i === n || L[i * w + j + 1] >= L[(i + 1) * w + j])) { ops.push(['+', y[j]]); j++; }
    else { ops.push(['-', x[i]]); i++; }
  }
  return coalesce(ops);
}

function foldIslands(ops) {
  const out = [];
  ops.forEach((o, k) => {
    const inner = k > 0 && k < ops.length - 1;
    if (o[0] === '=' && o[1].length <= 1 && inner) { out.push(['-', o[1]]); out.push(['+', o[1]]); }
    else out.push(o);
  });
  // Within each run of changes, all deletions first, then all insertions.
  const res = [];
  let del = '', ins = '';
  const flush = () => { if (del) res.push(['-', del]); if (ins) res.push(['+', ins]); del = ins = ''; };
  out.forEach((o) => {
    if (o[0] === '-') del += o[1]; else if (o[0] === '+') ins += o[1]; else { flush(); res.push(o); }
  });
  flush();
  return res;
}

function coalesce(ops) {
  const out = [];
  ops.forEach((o) => {
    if (!o[1]) return;
    const last = out[out.length - 1];
    if (last && last[0] === o[0]) last[1] += o[1]; else out.push([o[0], o[1]]);
  });
  return out;
}
