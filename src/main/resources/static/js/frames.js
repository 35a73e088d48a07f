/*
 * The frame reducer: what a server frame does to the page's record of the session, as pure functions of the state
 * before and the frame (docs/protocol.md). The renderers draw from what these return.
 */

import { refOrder } from './draft-text.js';

/** Frames the server sends to the asking tab only, outside the session's log: they repeat the last seq. */
export const DIRECT = { versions: true, diff: true, suggestions: true };

/**
 * Whether a frame is to be applied, and the lastSeq after it: {apply, lastSeq, logged}. Frames at or below lastSeq
 * were seen (a replay) — except a session snapshot, which replaces everything, and the direct answers (versions,
 * diff, suggestions) that repeat the last seq. Errors and deleted carry no seq of their own.
 */
export function sequence(lastSeq, f) {
  if (!f || typeof f !== 'object') return { apply: false, lastSeq, logged: false };
  if (f.type === 'error' || f.type === 'deleted') return { apply: true, lastSeq, logged: false };
  if (DIRECT[f.type] && typeof f.seq === 'number' && f.seq <= lastSeq) return { apply: true, lastSeq, logged: false };
  if (typeof f.seq !== 'number') return { apply: true, lastSeq, logged: false };
  if (f.type !== 'session' && f.seq <= lastSeq) return { apply: false, lastSeq, logged: false };
  return { apply: true, lastSeq: f.seq, logged: true };
}

/**
 * The draft being written (draft_section, draft_delta): {sections: [{ref, level, heading, body, done, seeded}]} in
 * reading order. seedFrom: the current draft, kept on screen while one section is rewritten. Returns the new live
 * draft and whether a section was added (the pane is then drawn anew).
 */
export function liveDraft(live, f, seedFrom) {
  const sections = live ? live.sections.map((s) => Object.assign({}, s))
    : (seedFrom && seedFrom.sections || []).map((s) => ({ ref: s.ref, level: s.level, heading: s.heading || '', body: s.body || '', done: true, seeded: true }));
  const ref = String(f.ref || '');
  let sec = sections.find((s) => s.ref === ref), added = false;
  if (!sec) {
    sec = { ref, level: typeof f.level === 'number' ? f.level : ref === 'title' ? 0 : ref.indexOf('.') > 0 ? 2 : 1, heading: '', body: '' };
    let i = 0;
    while (i < sections.length && refOrder(sections[i].ref, ref) <= 0) i++;
    sections.splice(i, 0, sec);
    added = true;
  }
  if (f.type === 'draft_section') {
    if (typeof f.level === 'number') sec.level = f.level;
    sec.heading = f.heading || '';
    sec.body = f.body || '';
    sec.done = true;
  } else if (f.type === 'draft_delta') {
    if (sec.seeded) { sec.body = ''; sec.seeded = false; }
    sec.body += f.text || '';
    sec.done = false;
  }
  return { live: { sections }, section: sec, added };
}
