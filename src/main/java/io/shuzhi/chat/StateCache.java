package io.shuzhi.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last state this instance committed (or read) for its most recently used sessions, so that a turn need not read
 * and decode the whole state and every fact again: the load sends the revision and the SHA-1 of the data it holds,
 * and Redis answers with the revision alone when both still match (see {@code redis/load.lua}). A state another
 * instance or a hand edit changed has another revision or data, and is read whole as before.
 *
 * <p>States are immutable records, so an entry is shared, never copied. Bounded: the least recently used session goes
 * first; with a size of 0 nothing is kept. Thread-safe (a resume reads outside the session's lane).
 */
final class StateCache {
    /** A session's state as stored at {@code rev}, with the SHA-1 of its data and what its facts hash holds. */
    record Entry(long rev, String sha1, SessionState state, StoredState.Base base) {}

    private final int size;
    private final Map<String, Entry> entries;

    StateCache(int size) {
        this.size = Math.max(0, size);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > StateCache.this.size;
            }
        };
    }

    synchronized Entry get(String sessionId) {
        return size == 0 ? null : entries.get(sessionId);
    }

    synchronized void put(String sessionId, Entry entry) {
        if (size > 0) entries.put(sessionId, entry);
    }

    synchronized void remove(String sessionId) {
        entries.remove(sessionId);
    }

    synchronized int count() {
        return entries.size();
    }
}
