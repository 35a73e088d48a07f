/*
 * The frame reducer: what a server frame does to the page's record of the session, as pure functions of the state
 * before and the frame (docs/protocol.md). The renderers draw from what these return.
 */

import { refOrder, changedRefs } from './draft-text.js';

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

/** The fields of the page's state that come from frames (the rest is the page's own: editors, focus, tabs …). */
export const DATA = ['sessionId', 'kind', 'kindName', 'engine', 'tokens', 'phase', 'profile', 'facts', 'draft',
  'versions', 'progress', 'changedRefs', 'diff', 'proof'];

/**
 * The session's data after a frame: a new object with the DATA fields of state, changed as frame f says
 * (docs/protocol.md). Chat messages and the draft being written have their own reducers (liveDraft) or stay with the
 * chat pane, whose elements they are.
 */
export function reduce(state, f) {
  const s = {};
  DATA.forEach((k) => { s[k] = state[k] === undefined ? null : state[k]; });
  switch (f.type) {
    case 'session':
      s.sessionId = f.sessionId || s.sessionId;
      s.kind = f.kind || s.kind;
      s.kindName = f.kindName || '';
      s.engine = f.engine || '';
      s.tokens = f.tokensIn || f.tokensOut ? { tokensIn: f.tokensIn || 0, tokensOut: f.tokensOut || 0 } : null;
      s.phase = f.phase || 'interview';
      s.profile = f.profile || null;
      s.facts = f.facts || [];
      s.draft = f.draft && (f.draft.sections || []).length ? f.draft : null;
      s.versions = f.versions || null;
      s.progress = null;
      s.changedRefs = null;
      break;
    case 'kind':
      s.kind = f.kind || s.kind;
      s.kindName = f.kindName || s.kindName;
      break;
    case 'facts':
      if (f.profile) s.profile = f.profile;
      s.facts = f.facts || [];
      break;
    case 'progress':
      s.progress = { step: f.step || 0, total: f.total || 0, label: f.label || '' };
      break;
    case 'usage':
      s.tokens = { tokensIn: f.tokensIn || 0, tokensOut: f.tokensOut || 0 };
      break;
    case 'draft_section':
      if (f.total) s.progress = { step: f.step || 0, total: f.total, label: f.heading || (s.progress && s.progress.label) || '' };
      break;
    case 'draft': {
      // Which sections this version changed, shown until the next version (a refine, a fact edit, an undo …).
      const before = s.draft && s.draft.version !== f.version ? s.draft : null;
      s.changedRefs = before ? changedRefs(before, f) : null;
      s.draft = f;
      s.phase = 'drafted';
      break;
    }
    case 'versions':
      s.versions = f;
      break;
    case 'diff':
      s.diff = f;
      break;
    case 'suggestions':
      // Suggestions the writer chose to ignore stay ignored for the new list.
      s.proof = { version: f.version, items: f.suggestions || [], ignored: s.proof ? s.proof.ignored : {} };
      break;
    default:
      break;
  }
  return s;
}
