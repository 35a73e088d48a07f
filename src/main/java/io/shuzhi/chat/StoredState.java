package io.shuzhi.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shuzhi.interview.Fact;
import io.shuzhi.session.SessionStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a {@link SessionState} is laid out in Redis: the facts in a hash of their own, one field each (field → fact
 * JSON), and the rest of the state as JSON whose {@code interview.facts} lists the fields in order (a run of
 * consecutive ids, as facts are numbered when gathered, as {@code ["f-", 3, 40]}); the ids of the messages processed
 * last ({@code recentSayIds}) in a field of the state hash that the commit script appends to. A commit then sends the
 * facts its turn changed and the ids it added, not all of them: what a turn writes does not grow with the session.
 *
 * <p>A state stored before the split (its {@code interview.facts} are the facts themselves) still reads; its next
 * commit rewrites the facts hash whole. A fact field that cannot be read is left out of the state it loads into (the
 * other facts and the rest of the state load as before), logged and counted ({@code shuzhi.state.facts.unreadable}).
 */
@Component
class StoredState {
    private static final Logger log = LoggerFactory.getLogger(StoredState.class);

    private final JsonMapper json;
    private final FrameCodec codec;
    private final Counter unreadableFacts;

    StoredState(JsonMapper json, FrameCodec codec, MeterRegistry registry) {
        this.json = json;
        this.codec = codec;
        this.unreadableFacts = Counter.builder("shuzhi.state.facts.unreadable")
                .description("stored facts that could not be read and were left out of their session")
                .register(registry);
    }

    /** A fact as stored: the value and its JSON ({@code fact} null when the JSON cannot be read). */
    record Field(Fact fact, String json) {}

    /**
     * What the facts hash holds at revision {@code rev}: what a commit at that revision compares the next state's
     * facts with. Null where that is not known (a state in the old format, a recovered one): the commit replaces all.
     */
    record Base(long rev, Map<String, Field> fields, List<String> ids) {}

    /** A state read from the store, with what its facts hash holds (null: unknown, rewrite it on the next commit). */
    record Decoded(SessionState state, Base base) {}

    /**
     * A state encoded for a commit.
     *
     * @param data    the state JSON without its facts (their fields, in order, in {@code interview.facts})
     * @param order   the fields of the facts, in order
     * @param fields  every field of the next state → its fact and JSON
     * @param changes what the commit writes to the facts hash
     */
    record Encoded(String data, List<String> order, Map<String, Field> fields, SessionStore.FactChanges changes,
                   List<String> ids, SessionStore.IdChanges idChanges) {
        /** What is stored after the commit, at revision {@code rev}. */
        Base base(long rev) {
            return new Base(rev, fields, ids);
        }
    }

    /** Reads a stored state; throws when the state itself (not one of its facts) cannot be read. */
    Decoded decode(String sessionId, SessionStore.Stored stored) {
        return decode(sessionId, stored.rev(), stored.data(), stored.facts(), stored.ids(), true);
    }

    /**
     * @param report whether a listed fact that is missing or unreadable is logged and counted (not when reading the
     *               previous revision for a recovery: the last commit may have removed some of its facts)
     */
    Decoded decode(String sessionId, long rev, String data, Map<String, String> facts, String idsJson, boolean report) {
        JsonNode root = json.readTree(data);
        JsonNode listed = root.path("interview").path("facts");
        if (!listed.isArray() || !listed.isEmpty() && listed.get(0).isObject()) {
            // Before the split: the facts and ids are in the state. The next commit writes them whole.
            return new Decoded(json.treeToValue(root, SessionState.class), null);
        }
        List<String> order = expand(listed);
        ((ObjectNode) root.get("interview")).putArray("facts");
        SessionState withoutFacts = json.treeToValue(root, SessionState.class);
        List<String> ids = withoutFacts.recentSayIds();
        boolean idsApart = idsJson != null && ids.isEmpty();
        if (idsApart) ids = List.of(json.readValue(idsJson, String[].class));
        withoutFacts = withoutFacts.withRecentSayIds(ids);
        var fields = new HashMap<String, Field>();
        var list = new ArrayList<Fact>(order.size());
        for (String name : order) {
            String factJson = facts.get(name);
            if (factJson == null) {
                if (report) unreadable(sessionId, name, "not in the facts hash");
                continue;
            }
            Fact fact = readFact(sessionId, name, factJson, report);
            if (fact != null) list.add(fact);
            fields.put(name, new Field(fact, factJson));
        }
        // A field the state does not list (left by a recovery) is known, so the next commit removes it.
        facts.forEach((name, factJson) -> fields.putIfAbsent(name, new Field(null, factJson)));
        return new Decoded(withoutFacts.withStoredFacts(list), new Base(rev, fields, idsApart ? ids : null));
    }

    private Fact readFact(String sessionId, String field, String factJson, boolean report) {
        try {
            return codec.fromJson(factJson, Fact.class);
        } catch (RuntimeException e) {
            if (report) unreadable(sessionId, field, e.getMessage());
            return null;
        }
    }

    private void unreadable(String sessionId, String field, String why) {
        unreadableFacts.increment();
        log.error("session {}: stored fact {} cannot be read ({}); the session goes on without it",
                TurnRunner.shortId(sessionId), field, why);
    }

    /**
     * Encodes {@code next} for a commit at {@code base}'s revision: only the facts that differ from {@code base} are
     * written (and those it no longer has removed). With no base, the facts hash is rewritten whole.
     */
    Encoded encode(SessionState next, Base base, long expectedRev) {
        boolean replace = base == null || base.rev() != expectedRev;
        List<Fact> facts = next.interview().facts();
        var order = new ArrayList<String>(facts.size());
        var fields = new LinkedHashMap<String, Field>();
        var set = new LinkedHashMap<String, String>();
        for (Fact f : facts) {
            String name = fieldName(f.id(), fields);
            order.add(name);
            Field before = replace ? null : base.fields().get(name);
            if (before != null && before.fact() != null && before.fact().equals(f)) {
                fields.put(name, before);
            } else {
                String factJson = codec.toJson(f);
                fields.put(name, new Field(f, factJson));
                set.put(name, factJson);
            }
        }
        var removed = new ArrayList<String>();
        if (!replace) {
            for (String name : base.fields().keySet()) if (!fields.containsKey(name)) removed.add(name);
        }
        ObjectNode root = json.valueToTree(next.withStoredFacts(List.of()).withRecentSayIds(List.of()));
        compress(order, ((ObjectNode) root.get("interview")).putArray("facts"));
        List<String> ids = next.recentSayIds();
        return new Encoded(json.writeValueAsString(root), order, fields,
                new SessionStore.FactChanges(replace, set, removed), ids,
                idChanges(replace || base.ids() == null ? null : base.ids(), ids));
    }

    /**
     * The ids to append to {@code before} so that its last {@link SessionState#REMEMBERED_SAY_IDS} are {@code after};
     * the whole of {@code after}, to replace it, when {@code before} is not known or {@code after} is not so made.
     */
    static SessionStore.IdChanges idChanges(List<String> before, List<String> after) {
        int keep = SessionState.REMEMBERED_SAY_IDS;
        if (before != null) {
            for (int kept = Math.min(before.size(), after.size()); kept >= 0; kept--) {
                // after = the last `kept` of before, then what was added; fewer kept than before had only by trimming.
                boolean trimmed = kept == before.size() || after.size() == keep;
                if (trimmed && after.subList(0, kept).equals(before.subList(before.size() - kept, before.size()))) {
                    return new SessionStore.IdChanges(false, List.copyOf(after.subList(kept, after.size())), keep);
                }
            }
        }
        return new SessionStore.IdChanges(true, after, keep);
    }

    /** Field names in order; a run of three or more consecutive numbered ids ("f-3", "f-4", …) as [prefix, first, last]. */
    static void compress(List<String> names, ArrayNode out) {
        int i = 0;
        while (i < names.size()) {
            String name = names.get(i);
            int digits = numberStart(name);
            int j = i + 1;
            if (digits >= 0) {
                String prefix = name.substring(0, digits);
                long first = Long.parseLong(name.substring(digits));
                while (j < names.size() && names.get(j).equals(prefix + (first + (j - i)))) j++;
                if (j - i >= 3) {
                    out.addArray().add(prefix).add(first).add(first + (j - i) - 1);
                    i = j;
                    continue;
                }
            }
            out.add(name);
            i++;
        }
    }

    static List<String> expand(JsonNode listed) {
        var names = new ArrayList<String>(listed.size());
        for (JsonNode n : listed) {
            if (n.isArray()) {
                String prefix = n.get(0).asString();
                for (long k = n.get(1).asLong(), last = n.get(2).asLong(); k <= last; k++) names.add(prefix + k);
            } else {
                names.add(n.asString());
            }
        }
        return names;
    }

    /** Where the number a name ends with starts (as Long.toString writes it: no leading zero), or -1. */
    private static int numberStart(String name) {
        int k = name.length();
        while (k > 0 && Character.isDigit(name.charAt(k - 1)) && name.charAt(k - 1) < 128) k--;
        int len = name.length() - k;
        if (len == 0 || len > 15 || len > 1 && name.charAt(k) == '0') return -1;
        return k;
    }

    /** A fact's field: its id; a second fact with the same id (none is made so, but nothing is lost if one is) gets "#2". */
    private static String fieldName(String id, Map<String, Field> taken) {
        if (!taken.containsKey(id)) return id;
        int n = 2;
        while (taken.containsKey(id + "#" + n)) n++;
        return id + "#" + n;
    }

    /**
     * What the next load of {@code encoded} will return: its state JSON read again, the facts this commit writes read
     * from their JSON, the others as they were read. What {@link StateLimits} compares with the state to store.
     */
    SessionState readBack(Encoded encoded) {
        JsonNode root = json.readTree(encoded.data());
        ((ObjectNode) root.get("interview")).putArray("facts");
        SessionState withoutFacts = json.treeToValue(root, SessionState.class).withRecentSayIds(encoded.ids());
        var list = new ArrayList<Fact>(encoded.order().size());
        for (String name : encoded.order()) {
            Field f = encoded.fields().get(name);
            boolean written = encoded.changes().set().containsKey(name);
            list.add(written ? codec.fromJson(f.json(), Fact.class) : f.fact());
        }
        return withoutFacts.withStoredFacts(list);
    }

    /** Whether what {@code encoded} stores for the state (its JSON and every fact's) is over {@code maxBytes} of UTF-8. */
    static boolean over(Encoded encoded, long maxBytes) {
        long chars = encoded.data().length();
        for (Field f : encoded.fields().values()) chars += f.json().length();
        // UTF-8 takes at least one byte a char and at most three (a surrogate pair: four for two chars).
        if (chars > maxBytes) return true;
        if (chars * 3 <= maxBytes) return false;
        long bytes = utf8(encoded.data());
        for (Field f : encoded.fields().values()) bytes += utf8(f.json());
        return bytes > maxBytes;
    }

    private static long utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
