/*
 * The socket's rules that need no socket: the hello to send, the back-off between reconnects, and the chat messages
 * waiting for a connection (sent again, with their ids, when it is back).
 */

/** The first frame on a connection: resume with lastSeq when the page shows the session, else start one. */
export function helloFrame(sessionId, hasState, lastSeq, kind) {
  const hello = { type: 'hello' };
  if (sessionId) { hello.sessionId = sessionId; if (hasState) hello.lastSeq = lastSeq; }
  else if (kind) hello.kind = kind;
  return hello;
}

/** Milliseconds before reconnect attempt n (0, 1, …): 0.5 s doubling to 10 s, with ±25 % jitter. */
export function backoff(attempt, random = Math.random) {
  const base = Math.min(10000, 500 * Math.pow(2, attempt));
  return Math.min(10000, Math.round(base * (0.75 + random() * 0.5)));
}

/** The say frame of a waiting message ({id, text, replaces?}). */
export function sayFrame(p) {
  const f = { type: 'say', id: p.id, text: p.text };
  if (p.replaces) f.replaces = p.replaces;
  return f;
}

/** The messages still waiting once the server has echoed (or a snapshot holds) the ids in seen. */
export function stillPending(pending, seen) {
  return pending.filter((p) => !seen(p.id));
}
