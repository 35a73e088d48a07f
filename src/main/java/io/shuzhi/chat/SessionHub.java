package io.shuzhi.chat;

import io.shuzhi.session.SessionEvents;
import io.shuzhi.session.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The open connections of each session on this instance, so every tab sees each change once: frames committed here
 * are sent directly; frames committed by another instance arrive as a notification and are read from the stream.
 */
@Component
class SessionHub {
    private static final int FETCH_LIMIT = 5000;
    private final Map<String, Set<Client>> clients = new ConcurrentHashMap<>();
    /** The last seq this instance is committing per session: its own notifications need no fetch. */
    private final Map<String, Long> committingHere = new ConcurrentHashMap<>();
    private final EventLog log;

    SessionHub(SessionEvents events, EventLog log) {
        this.log = log;
        events.onCommit(this::committedElsewhere);
    }

    void attach(String sessionId, Client client) {
        clients.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(client);
    }

    public void detach(String sessionId, Client client) {
        clients.computeIfPresent(sessionId, (k, set) -> {
            set.remove(client);
            if (!set.isEmpty()) return set;
            committingHere.remove(k);
            return null;
        });
    }

    /** A commit of this session (possibly by this instance): send each tab what it does not have yet. */
    private void committedElsewhere(String sessionId, long lastSeq) {
        if (lastSeq < 0) {
            deleted(sessionId);
            return;
        }
        Set<Client> set = clients.get(sessionId);
        if (set == null) return;
        // This instance's own commit: its tabs get the frames directly (the notice can overtake that send). Should
        // that commit have lost a race, the next notice finds the tabs behind and fills the gap from the stream.
        if (lastSeq <= committingHere.getOrDefault(sessionId, 0L)) return;
        long behind = set.stream().mapToLong(Client::lastSeq).min().orElse(lastSeq);
        if (behind >= lastSeq) return;
        try {
            var missed = log.after(sessionId, behind, FETCH_LIMIT, null);
            for (Client c : set) {
                for (var e : missed) c.deliver(e.frame(), e.seq());
            }
        } catch (StoreUnavailableException | EventLog.Incomplete e) {
            // The tabs catch up when they next resume; nothing is lost in the stream.
        }
    }

    /** Frame sent to a tab of a deleted session, before its connection closes (made by the runner). */
    private volatile java.util.function.LongFunction<String> deletedFrame;

    void onDeleted(java.util.function.LongFunction<String> frame) {
        this.deletedFrame = frame;
    }

    /**
     * The session was deleted (here or on another instance): each of its tabs here gets a last frame and is closed,
     * once — the set is taken out of the map, so the local call and the pub/sub notice do not both send.
     */
    void deleted(String sessionId) {
        Set<Client> set = clients.remove(sessionId);
        committingHere.remove(sessionId);
        if (set == null) return;
        for (Client c : set) c.sendAndClose(deletedFrame.apply(c.lastSeq()));
    }

    /** Called before a commit of frames up to {@code lastSeq} on this instance. */
    void committing(String sessionId, long lastSeq) {
        if (clients.containsKey(sessionId)) committingHere.merge(sessionId, lastSeq, Math::max);
    }

    /** A commit here failed without an answer (Redis away): nothing is known to be sent by this instance. */
    void committingAborted(String sessionId) {
        committingHere.remove(sessionId);
    }

    /** A commit here lost its race: another instance's frames may have been skipped meanwhile; catch the tabs up. */
    void commitFailed(String sessionId) {
        committingHere.remove(sessionId);
        committedElsewhere(sessionId, Long.MAX_VALUE);
    }

    /** Sends frames numbered {@code firstSeq}, {@code firstSeq + 1}, … to every tab of the session. */
    void broadcast(String sessionId, long firstSeq, List<String> frames) {
        Set<Client> set = clients.get(sessionId);
        if (set == null) return;
        for (Client c : set) {
            long seq = firstSeq;
            for (String f : frames) c.deliver(f, seq++);
        }
    }

    public int sessions() {
        return clients.size();
    }
}
