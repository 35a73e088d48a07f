package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.interview.YearOnYear;
import io.shuzhi.session.SessionStore;
import io.shuzhi.session.SessionStore.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session's event log keeps what it must and refers to the rest: a frame whose content another key already holds
 * is logged as a small reference and made whole again when it is read back, so a tab that replays gets the frame as
 * it was sent. What is referred to:
 * <ul>
 *   <li>{@code draft}: the version, whose text is in the drafts hash;</li>
 *   <li>{@code user_message}, {@code assistant_end}: the message id, whose text is in the chat list (logged so only
 *       when the same commit pushed that very message);</li>
 *   <li>{@code assistant_delta} whose text is the whole reply (the offline engine sends it in one piece): the
 *       {@code assistant_end} of the same message;</li>
 *   <li>{@code facts}: the session's fact list. A replayed {@code facts} frame carries the facts as they are when it
 *       is read, not as they were: a tab that replays ends with exactly the live tab's list.</li>
 * </ul>
 * A reference that can no longer be made whole (a key removed by hand) makes the read fail as incomplete; the caller
 * then sends a snapshot instead, as it does for frames trimmed from the log.
 */
@Component
class EventLog {
    static final String REF = "ref";
    private static final int CHAT_SLACK = 64;

    private final SessionStore store;
    private final FrameCodec codec;
    private final JsonMapper json;
    private final ReportKinds kinds;

    private final StoredState layout;
    private final YearOnYear yearOnYear;

    EventLog(SessionStore store, FrameCodec codec, JsonMapper json, ReportKinds kinds, StoredState layout,
             Lexicon lexicon) {
        this.yearOnYear = lexicon.yearOnYear();
        this.layout = layout;
        this.store = store;
        this.codec = codec;
        this.json = json;
        this.kinds = kinds;
    }

    /** The log cannot give these frames back whole. */
    static final class Incomplete extends RuntimeException {
        Incomplete(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the log keeps for {@code frame}, sent as {@code sent} with {@code seq}, in a commit that also holds
     * {@code frames} and pushes {@code chat}.
     */
    String stored(ServerFrame frame, long seq, String sent, List<ServerFrame> frames, List<ServerFrame.ChatMessage> chat) {
        if (frame instanceof ServerFrame.Draft d) {
            return ref(frame, seq, "version", Integer.toString(d.version()), "drafts");
        }
        if (frame instanceof ServerFrame.Facts) return ref(frame, seq, null, null, "state");
        if (frame instanceof ServerFrame.UserMessage u
                && chat.contains(new ServerFrame.ChatMessage("user", u.id(), u.text(), List.of()))) {
            return ref(frame, seq, "id", quote(u.id()), "chat");
        }
        if (frame instanceof ServerFrame.AssistantEnd e
                && chat.contains(new ServerFrame.ChatMessage("assistant", e.messageId(), e.text(), e.choices()))) {
            return ref(frame, seq, "messageId", quote(e.messageId()), "chat");
        }
        if (frame instanceof ServerFrame.AssistantDelta d && wholeReply(d, frames)) {
            return ref(frame, seq, "messageId", quote(d.messageId()), "end");
        }
        return sent;
    }

    private static boolean wholeReply(ServerFrame.AssistantDelta d, List<ServerFrame> frames) {
        int deltas = 0;
        boolean end = false;
        for (ServerFrame f : frames) {
            if (f instanceof ServerFrame.AssistantDelta o && o.messageId().equals(d.messageId())) deltas++;
            if (f instanceof ServerFrame.AssistantEnd e && e.messageId().equals(d.messageId())
                    && e.text().equals(d.text())) end = true;
        }
        return end && deltas == 1;
    }

    private String ref(ServerFrame frame, long seq, String field, String value, String ref) {
        var sb = new StringBuilder(64).append("{\"type\":\"").append(frame.type()).append("\",\"seq\":").append(seq);
        if (field != null) sb.append(",\"").append(field).append("\":").append(value);
        return sb.append(",\"").append(REF).append("\":\"").append(ref).append("\"}").toString();
    }

    private String quote(String s) {
        return json.writeValueAsString(s);
    }

    /**
     * The frames after {@code lastSeq}, whole, oldest first; empty when none or trimmed. {@code state} is the
     * session's state when the caller has it (null: read when a {@code facts} frame needs it).
     *
     * @throws Incomplete when a reference can no longer be made whole
     */
    List<StoredEvent> after(String sessionId, long lastSeq, int max, SessionState state) {
        return whole(sessionId, store.eventsAfter(sessionId, lastSeq, max), state);
    }

    List<StoredEvent> whole(String sessionId, List<StoredEvent> events, SessionState state) {
        List<Integer> refs = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) if (isRef(events.get(i).frame())) refs.add(i);
        if (refs.isEmpty()) return events;
        var parsed = new HashMap<Integer, JsonNode>();
        var versions = new TreeSet<Integer>();
        int chatRefs = 0;
        for (int i : refs) {
            JsonNode n = json.readTree(events.get(i).frame());
            parsed.put(i, n);
            switch (n.path(REF).asString()) {
                case "drafts" -> versions.add(n.path("version").asInt());
                case "chat" -> chatRefs++;
                default -> { }
            }
        }
        Map<Integer, String> drafts = versions.isEmpty() ? Map.of() : store.drafts(sessionId, versions);
        Map<String, ServerFrame.ChatMessage> chat = chatRefs == 0 ? Map.of() : chat(sessionId, chatRefs, parsed);
        String[] out = new String[events.size()];
        SessionState current = state;
        ServerFrame.Facts facts = null;
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            JsonNode n = parsed.get(i);
            if (n == null) {
                out[i] = e.frame();
                continue;
            }
            ServerFrame frame = switch (n.path(REF).asString()) {
                case "drafts" -> {
                    String d = drafts.get(n.path("version").asInt());
                    if (d == null) throw new Incomplete("draft version " + n.path("version").asInt() + " is gone");
                    yield Views.draftFrame(codec.fromJson(d, Draft.class));
                }
                case "chat" -> {
                    boolean user = "user_message".equals(n.path("type").asString());
                    String id = n.path(user ? "id" : "messageId").asString();
                    ServerFrame.ChatMessage m = chat.get((user ? "user:" : "assistant:") + id);
                    if (m == null) throw new Incomplete("chat message " + id + " is gone");
                    if (user) yield new ServerFrame.UserMessage(m.id(), m.text());
                    yield new ServerFrame.AssistantEnd(m.id(), m.text(), m.choices());
                }
                case "state" -> {
                    if (facts == null) {
                        if (current == null) current = state(sessionId);
                        facts = Views.factsFrame(kinds.get(current.kind()), current, yearOnYear);
                    }
                    yield facts;
                }
                case "end" -> null;
                default -> throw new Incomplete("unknown reference " + n.path(REF).asString());
            };
            if (frame != null) out[i] = codec.write(frame, e.seq());
        }
        // A delta refers to the end of its message, logged just after it in the same commit.
        for (int i : refs) {
            if (out[i] != null) continue;
            String id = parsed.get(i).path("messageId").asString();
            ServerFrame.AssistantEnd end = null;
            for (int j = i + 1; j < out.length && end == null; j++) {
                if (out[j] == null || !out[j].startsWith("{\"type\":\"assistant_end\"")) continue;
                ServerFrame.AssistantEnd e = readEnd(out[j]);
                if (e != null && e.messageId().equals(id)) end = e;
            }
            if (end == null) end = endAfter(sessionId, events.get(i).seq(), id, state);
            out[i] = codec.write(new ServerFrame.AssistantDelta(id, end.text()), events.get(i).seq());
        }
        var result = new ArrayList<StoredEvent>(events.size());
        for (int i = 0; i < events.size(); i++) result.add(new StoredEvent(events.get(i).seq(), out[i]));
        return result;
    }

    /** The end of a message whose delta came last in a batch (the end is logged in the same commit, just after). */
    private ServerFrame.AssistantEnd endAfter(String sessionId, long seq, String messageId, SessionState state) {
        List<StoredEvent> next = store.eventsAfter(sessionId, seq, 4);
        for (StoredEvent e : whole(sessionId, next.stream().filter(x -> !isDeltaRef(x.frame())).toList(), state)) {
            ServerFrame.AssistantEnd end = readEnd(e.frame());
            if (end != null && end.messageId().equals(messageId)) return end;
        }
        throw new Incomplete("no end for message " + messageId);
    }

    private ServerFrame.AssistantEnd readEnd(String frame) {
        JsonNode n = json.readTree(frame);
        if (!"assistant_end".equals(n.path("type").asString())) return null;
        var choices = new ArrayList<String>();
        n.path("choices").forEach(c -> choices.add(c.asString()));
        return new ServerFrame.AssistantEnd(n.path("messageId").asString(), n.path("text").asString(), choices);
    }

    private Map<String, ServerFrame.ChatMessage> chat(String sessionId, int refs, Map<Integer, JsonNode> parsed) {
        var wanted = new java.util.HashSet<String>();
        parsed.values().forEach(n -> {
            if (!"chat".equals(n.path(REF).asString())) return;
            boolean user = "user_message".equals(n.path("type").asString());
            wanted.add((user ? "user:" : "assistant:") + n.path(user ? "id" : "messageId").asString());
        });
        // The messages referred to are among the last ones pushed; all of them only when the log is far behind.
        Map<String, ServerFrame.ChatMessage> found = index(store.chat(sessionId, refs + CHAT_SLACK));
        if (!found.keySet().containsAll(wanted)) found = index(store.chat(sessionId, Integer.MAX_VALUE));
        return found;
    }

    private Map<String, ServerFrame.ChatMessage> index(List<String> messages) {
        var out = new HashMap<String, ServerFrame.ChatMessage>();
        for (String m : messages) {
            var msg = codec.fromJson(m, ServerFrame.ChatMessage.class);
            // A repeated id keeps its last message, as the log refers to the message pushed with it.
            out.put(msg.role() + ":" + msg.id(), msg);
        }
        return out;
    }

    private SessionState state(String sessionId) {
        Optional<SessionStore.Stored> stored = store.load(sessionId);
        if (stored.isEmpty()) throw new Incomplete("session is gone");
        try {
            return layout.decode(sessionId, stored.get()).state();
        } catch (RuntimeException e) {
            throw new Incomplete("state cannot be read");
        }
    }

    private static boolean isRef(String frame) {
        // A reference is short and ends with its ref field (a JSON string cannot hold an unescaped quote).
        return frame.length() < 256 && (frame.endsWith("\"" + REF + "\":\"drafts\"}") || frame.endsWith("\"" + REF + "\":\"chat\"}")
                || frame.endsWith("\"" + REF + "\":\"state\"}") || isDeltaRef(frame));
    }

    private static boolean isDeltaRef(String frame) {
        return frame.endsWith("\"" + REF + "\":\"end\"}");
    }
}
