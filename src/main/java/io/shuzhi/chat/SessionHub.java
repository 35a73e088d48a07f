package io.shuzhi.chat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The open connections of each session on this instance, so every tab sees each change once. */
@Component
public class SessionHub {
    private final Map<String, Set<Client>> clients = new ConcurrentHashMap<>();

    void attach(String sessionId, Client client) {
        clients.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(client);
    }

    public void detach(String sessionId, Client client) {
        clients.computeIfPresent(sessionId, (k, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends frames numbered {@code firstSeq}, {@code firstSeq + 1}, … to every tab of the session. */
    void broadcast(String sessionId, long firstSeq, List<String> frames) {
        Set<Client> set = clients.get(sessionId);
        if (set == null) return;
        for (Client c : set) {
            long seq = firstSeq;
            for (String f : frames) c.send(f, seq++);
        }
    }

    public int sessions() {
        return clients.size();
    }
}
