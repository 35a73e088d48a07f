package io.shuzhi.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * Session storage in Redis. Values are opaque strings (JSON made by the caller); this class knows keys, atomicity and
 * expiry, not what a session means.
 *
 * <p>One chat turn costs two round trips: {@link #load} (one EVALSHA that reads the state and its facts) and
 * {@link #commit} (one EVALSHA that checks the revision and writes state, changed facts, frames, drafts and chat
 * together).
 *
 * <p>A session's facts are kept apart from its state, one hash field each ({@link SessionKeys#facts}), so a turn writes
 * the facts it changed and not every fact the session has: what a commit sends does not grow with the session.
 */
@Component
public class SessionStore {
    private final StringRedisTemplate redis;
    private final SessionProperties props;
    private final DefaultRedisScript<List> commitScript;
    private final DefaultRedisScript<List> loadScript;
    private final DefaultRedisScript<Long> refreshScript = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0",
            Long.class);
    private final DefaultRedisScript<Long> addTokensScript = new DefaultRedisScript<>(
            "local n = redis.call('INCRBY', KEYS[1], ARGV[1]) redis.call('EXPIRE', KEYS[1], ARGV[2]) return n",
            Long.class);
    private final DefaultRedisScript<Long> unlockScript = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
            Long.class);

    private final DefaultRedisScript<Long> deleteScript = new DefaultRedisScript<>(
            "local existed = redis.call('EXISTS', KEYS[1]) local n = redis.call('DEL', unpack(KEYS)) "
                    + "redis.call('PUBLISH', ARGV[1], ARGV[2]) return existed",
            Long.class);

    SessionStore(StringRedisTemplate redis, SessionProperties props) {
        this.redis = redis;
        this.props = props;
        this.commitScript = new DefaultRedisScript<>(read("redis/commit.lua"), List.class);
        this.loadScript = new DefaultRedisScript<>(read("redis/load.lua"), List.class);
    }

    /**
     * A session's state as stored: its revision (for compare-and-set), its JSON, its facts hash (field → fact JSON;
     * empty for a state stored before the facts were kept apart, which holds its facts itself) and the JSON array of
     * the ids it keeps apart (null when none are: a state stored before, which holds them itself).
     */
    public record Stored(long rev, String data, Map<String, String> facts, String ids) {
        public Stored {
            facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(facts);
        }

        /** From {@link #load(String, long, String)}: the state is the one the caller holds (no data was sent). */
        public boolean unchanged() {
            return data == null;
        }
    }

    /** A server frame from the event log. */
    public record StoredEvent(long seq, String frame) {}

    /**
     * What one turn writes.
     *
     * @param events  (seq, frame JSON) in increasing seq order
     * @param drafts  draft version → draft JSON
     * @param chat    chat messages to append
     * @param facts   what changes in the facts hash
     * @param ids     the ids added to the state's list of recent ids
     */
    public record Commit(long expectedRev, String data, SortedMap<Long, String> events, Map<Integer, String> drafts,
                         List<String> chat, FactChanges facts, IdChanges ids) {
        public Commit {
            facts = facts == null ? FactChanges.NONE : facts;
            ids = ids == null ? IdChanges.NONE : ids;
        }
    }

    /**
     * Ids appended to the list of recent ids kept in the state hash (field {@code says}), which keeps the last
     * {@code kept}; with {@code replace}, {@code added} is the whole list.
     */
    public record IdChanges(boolean replace, List<String> added, int kept) {
        static final IdChanges NONE = new IdChanges(false, List.of(), Integer.MAX_VALUE);

        public IdChanges {
            added = added == null ? List.of() : added;
        }
    }

    /**
     * The fields a commit sets and removes in the facts hash; with {@code replace} the hash is emptied first (the
     * writer does not know what it holds), so {@code set} is then every fact.
     */
    public record FactChanges(boolean replace, Map<String, String> set, java.util.Collection<String> removed) {
        static final FactChanges NONE = new FactChanges(false, Map.of(), List.of());

        public FactChanges {
            set = set == null ? Map.of() : set;
            removed = removed == null ? List.of() : removed;
        }
    }

    /** The state and every fact of a session, read together (one script: one round trip, one moment). */
    public Optional<Stored> load(String id) {
        List<?> values = call(() -> redis.execute(loadScript, List.of(SessionKeys.state(id), SessionKeys.facts(id))));
        return stored(values);
    }

    /**
     * As {@link #load(String)}, for a caller that holds the state of revision {@code knownRev} whose data has the SHA-1
     * {@code knownSha1} (see {@link #sha1}): when the session is still there, the one round trip then sends only the
     * revision, and the result is {@link Stored#unchanged()}.
     */
    public Optional<Stored> load(String id, long knownRev, String knownSha1) {
        List<?> values = call(() -> redis.execute(loadScript, List.of(SessionKeys.state(id), SessionKeys.facts(id)),
                Long.toString(knownRev), knownSha1));
        if (values != null && values.size() == 1) {
            return Optional.of(new Stored(Long.parseLong((String) values.get(0)), null, Map.of(), null));
        }
        return stored(values);
    }

    /** The SHA-1 (lowercase hex, as Redis's {@code redis.sha1hex} writes it) of a state's data as stored (UTF-8). */
    public static String sha1(String data) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(data.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }

    private static Optional<Stored> stored(List<?> values) {
        if (values == null || values.size() < 3 || values.get(1) == null) return Optional.empty();
        var facts = new java.util.LinkedHashMap<String, String>();
        if (values.get(2) instanceof List<?> pairs) {
            for (int i = 0; i + 1 < pairs.size(); i += 2) facts.put((String) pairs.get(i), (String) pairs.get(i + 1));
        }
        String ids = values.size() > 3 ? (String) values.get(3) : null;
        return Optional.of(new Stored(Long.parseLong((String) values.get(0)), (String) values.get(1), facts, ids));
    }

    /**
     * Writes a turn if nobody else wrote since {@code expectedRev}; returns the new revision, or -1 when another
     * writer won (nothing was written).
     */
    public long commit(String id, Commit c) {
        var args = new ArrayList<String>();
        args.add(Long.toString(c.expectedRev()));
        args.add(c.data());
        args.add(Long.toString(props.ttl().toSeconds()));
        args.add(Integer.toString(props.maxEvents()));
        args.add(Integer.toString(c.events().size()));
        c.events().forEach((seq, frame) -> {
            args.add(Long.toString(seq));
            args.add(frame);
        });
        args.add(Integer.toString(c.drafts().size()));
        c.drafts().forEach((v, json) -> {
            args.add(Integer.toString(v));
            args.add(json);
        });
        args.add(Integer.toString(c.chat().size()));
        args.addAll(c.chat());
        args.add(c.facts().replace() ? "1" : "0");
        args.add(Integer.toString(c.facts().set().size()));
        c.facts().set().forEach((field, json) -> {
            args.add(field);
            args.add(json);
        });
        args.add(Integer.toString(c.facts().removed().size()));
        args.addAll(c.facts().removed());
        args.add(c.ids().replace() ? "1" : "0");
        args.add(Integer.toString(c.ids().kept()));
        args.add(Integer.toString(c.ids().added().size()));
        args.addAll(c.ids().added());
        args.add(c.events().isEmpty() ? "0" : Long.toString(c.events().lastKey()));
        List<?> result = call(() -> redis.execute(commitScript, SessionKeys.all(id), args.toArray()));
        if (result == null || ((Number) result.get(0)).longValue() != 1L) return -1;
        return ((Number) result.get(1)).longValue();
    }

    /**
     * The state a session had before its last commit (the commit script keeps it as {@code prev}): what a state that
     * cannot be read is recovered from. Empty for a session committed once, or before the field existed.
     */
    public Optional<String> previous(String id) {
        return Optional.ofNullable((String) call(() -> redis.opsForHash().get(SessionKeys.state(id), "prev")));
    }

    /** The seq of the last frame in the session's event log (0 when the log is empty). */
    public long lastEventSeq(String id) {
        List<MapRecord<String, Object, Object>> last = call(() -> redis.opsForStream().reverseRange(
                SessionKeys.events(id), Range.unbounded(), Limit.limit().count(1)));
        return last == null || last.isEmpty() ? 0 : last.get(0).getId().getSequence();
    }

    /**
     * Removes every key of the session and tells every instance ({@code deleted} on its notify channel), in one
     * script: no commit can slip in between. Returns whether the session existed.
     */
    public boolean delete(String id) {
        Long removed = call(() -> redis.execute(deleteScript, SessionKeys.everyKey(id), SessionKeys.notify(id),
                SessionKeys.DELETED));
        return removed != null && removed > 0;
    }

    /**
     * The ids of the sessions whose last commit is older than {@code cutoff}, found by SCAN (never KEYS: it does not
     * block Redis). The last commit is the state's {@code at}; a session stored before that field existed is dated by
     * its remaining TTL (last activity = now − (ttl − remaining)).
     */
    public List<String> idleSince(java.time.Instant cutoff, java.time.Instant now) {
        var ids = new ArrayList<String>();
        var options = org.springframework.data.redis.core.ScanOptions.scanOptions()
                .match(SessionKeys.PREFIX + "{*}:state").count(500).build();
        call(() -> {
            try (var keys = redis.scan(options)) {
                while (keys.hasNext()) {
                    String key = keys.next();
                    String id = SessionKeys.idOfState(key);
                    if (id == null) continue;
                    java.time.Instant last = lastActivity(key, now);
                    if (last != null && last.isBefore(cutoff)) ids.add(id);
                }
            }
            return null;
        });
        return ids;
    }

    private java.time.Instant lastActivity(String stateKey, java.time.Instant now) {
        Object at = redis.opsForHash().get(stateKey, "at");
        if (at != null) {
            try {
                return java.time.Instant.ofEpochSecond(Long.parseLong((String) at));
            } catch (NumberFormatException e) {
                // not a time: date it by its TTL below
            }
        }
        Long remaining = redis.getExpire(stateKey, java.util.concurrent.TimeUnit.SECONDS);
        if (remaining == null || remaining < 0) return null; // gone meanwhile, or no TTL: not ours to judge
        return now.minusSeconds(Math.max(0, props.ttl().toSeconds() - remaining));
    }

    /** The frames after {@code lastSeq}, oldest first (empty when none, or when they were trimmed). */
    public List<StoredEvent> eventsAfter(String id, long lastSeq, int max) {
        List<MapRecord<String, Object, Object>> records = call(() -> redis.opsForStream().range(
                SessionKeys.events(id), Range.rightUnbounded(Range.Bound.inclusive("0-" + (lastSeq + 1))),
                Limit.limit().count(max)));
        if (records == null) return List.of();
        return records.stream()
                .map(r -> new StoredEvent(r.getId().getSequence(), (String) r.getValue().get("f")))
                .toList();
    }

    /**
     * Takes the session's generation lock for {@code ttl} (SET NX PX): one instance writes a streamed draft at a time,
     * and a crashed instance holds the lock no longer than the ttl.
     */
    public boolean tryLockGeneration(String id, String token, java.time.Duration ttl) {
        return Boolean.TRUE.equals(call(() -> redis.opsForValue().setIfAbsent(SessionKeys.generationLock(id), token, ttl)));
    }

    /** Extends the lock while the draft is still being written (only by its holder). */
    public void refreshGeneration(String id, String token, java.time.Duration ttl) {
        call(() -> redis.execute(refreshScript, List.of(SessionKeys.generationLock(id)), token,
                Long.toString(ttl.toMillis())));
    }

    /** Releases the lock if {@code token} still holds it. */
    public void unlockGeneration(String id, String token) {
        call(() -> redis.execute(unlockScript, List.of(SessionKeys.generationLock(id)), token));
    }

    /** Model tokens all sessions used today (UTC). */
    public long tokensToday() {
        String v = call(() -> redis.opsForValue().get(SessionKeys.tokensOfDay(today())));
        return v == null ? 0 : Long.parseLong(v);
    }

    public void addTokensToday(long tokens) {
        // One round trip: count and keep the day's counter for two days.
        call(() -> redis.execute(addTokensScript, List.of(SessionKeys.tokensOfDay(today())), Long.toString(tokens),
                Long.toString(java.time.Duration.ofDays(2).toSeconds())));
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }

    public boolean generationLocked(String id) {
        return Boolean.TRUE.equals(call(() -> redis.hasKey(SessionKeys.generationLock(id))));
    }

    public Optional<String> draft(String id, int version) {
        Object v = call(() -> redis.opsForHash().get(SessionKeys.drafts(id), Integer.toString(version)));
        return Optional.ofNullable((String) v);
    }

    /** The stored JSON of the given draft versions (one HMGET); a version that is not there is left out. */
    public Map<Integer, String> drafts(String id, java.util.Collection<Integer> versions) {
        List<Object> keys = versions.stream().map(v -> (Object) Integer.toString(v)).toList();
        List<Object> values = call(() -> redis.opsForHash().multiGet(SessionKeys.drafts(id), keys));
        var out = new java.util.HashMap<Integer, String>();
        int i = 0;
        for (Integer v : versions) {
            Object json = values == null ? null : values.get(i);
            if (json != null) out.put(v, (String) json);
            i++;
        }
        return out;
    }

    /** The chat messages, oldest first (at most the last {@code max}). */
    public List<String> chat(String id, int max) {
        List<String> list = call(() -> redis.opsForList().range(SessionKeys.chat(id), -max, -1));
        return list == null ? List.of() : list;
    }

    private static <T> T call(Supplier<T> op) {
        try {
            return op.get();
        } catch (DataAccessException e) {
            throw new StoreUnavailableException("Redis unavailable: " + e.getMessage(), e);
        }
    }

    private static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("missing " + path, e);
        }
    }
}
