/*
 * What the page highlights in a text: 【…】 placeholders still to fill, and the numbers of a fact. Pure: the
 * renderers turn the segments into text nodes and <mark> elements.
 */

/** The text cut into [{text, todo}], todo for each 【…】 placeholder. */
export function todoSegments(text) {
  text = String(text || '');
  const re = /【[^】]*】/g, out = [];
  let last = 0, m;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), todo: false });
    out.push({ text: m[0], todo: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), todo: false });
  return out;
}

/**
 * A fact's text cut into [{text, quantity}], quantity ({raw, display, unit}) for each of the fact's numbers in the
 * order they appear; a number not found after the previous one is left out.
 */
export function quantitySegments(text, quantities) {
  text = String(text || '');
  const out = [];
  let pos = 0;
  (quantities || []).forEach((q) => {
    const raw = q && q.raw;
    const i = raw ? text.indexOf(raw, pos) : -1;
    if (i < 0) return;
    if (i > pos) out.push({ text: text.slice(pos, i), quantity: null });
    out.push({ text: raw, quantity: q });
    pos = i + raw.length;
  });
  if (pos < text.length) out.push({ text: text.slice(pos), quantity: null });
  return out;
}
