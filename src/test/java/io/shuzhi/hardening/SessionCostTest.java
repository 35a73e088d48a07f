package io.shuzhi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a session costs in Redis, in bytes of what is stored (keys' values, UTF-8), for the scripted conversation of
 * the benchmarks: 14 answers, a draft, 5 refinements. Bytes, not time: the figure is the same on every machine, so
 * it is a test. It also shows that the log, however compact it is stored, replays to a tab exactly the frames the
 * live tab got.
 */
class SessionCostTest extends IntegrationTest {
    static final List<String> ANSWERS = List.of(Benchmarks.SAYS);
    static final List<String> REFINEMENTS = List.of("再具体些", "语气再正式一点", "压缩到900字",
            "把‘大力’都去掉", "换个说法");
    /** The goal of the scale issue for this conversation. */
    static final int GOAL_BYTES = 40 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFinishedSessionIsSmallInRedis_andItsLogReplaysWhatTheLiveTabGot() throws Exception {
        String id;
        List<JsonNode> live = new ArrayList<>();
        try (var tab = connect()) {
            id = newSession(tab);
            for (int i = 0; i < ANSWERS.size(); i++) {
                tab.say("a-" + i, ANSWERS.get(i));
                tab.reply();
            }
            tab.send("{\"type\":\"generate\"}");
            tab.await("draft");
            tab.reply();
            for (int i = 0; i < REFINEMENTS.size(); i++) {
                tab.send("{\"type\":\"refine\",\"instruction\":\"" + REFINEMENTS.get(i) + "\"}");
                tab.reply();
            }
            tab.drain(300);
            for (JsonNode f : tab.all()) if (f.path("seq").asLong() > 0 && !f.path("type").asString().equals("error")) live.add(f);
        }

        var cost = cost(id);
        System.out.println("SessionCostTest: " + cost);
        long total = cost.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("SessionCostTest: total " + total + " bytes");

        // A tab that comes back with lastSeq 0 gets every frame again, as the protocol promises (Replays).
        List<JsonNode> replayed;
        try (var other = connect()) {
            other.hello(id, 0L);
            long last = live.get(live.size() - 1).path("seq").asLong();
            other.await(f -> f.path("seq").asLong() == last);
            other.drain(200);
            replayed = other.all().stream().filter(f -> f.path("seq").asLong() > 0).toList();
        }
        io.shuzhi.support.Replays.assertReplayOf(replayed, live, true);
        assertThat(total).as("bytes stored for the session: %s", cost).isLessThanOrEqualTo(GOAL_BYTES);
    }

    /** Bytes stored per key (and, for the event log, per frame type). */
    Map<String, Long> cost(String id) throws Exception {
        var out = new TreeMap<String, Long>();
        var state = redis.opsForHash().entries(SessionKeys.state(id));
        state.forEach((k, v) -> out.merge("state." + k, bytes(k) + bytes(v), Long::sum));
        var facts = redis.opsForHash().entries(SessionKeys.facts(id));
        facts.forEach((k, v) -> out.merge("facts", bytes(k) + bytes(v), Long::sum));
        var drafts = redis.opsForHash().entries(SessionKeys.drafts(id));
        drafts.forEach((k, v) -> out.merge("drafts", bytes(k) + bytes(v), Long::sum));
        var chat = redis.opsForList().range(SessionKeys.chat(id), 0, -1);
        if (chat != null) chat.forEach(m -> out.merge("chat", bytes(m), Long::sum));
        var events = redis.opsForStream().range(SessionKeys.events(id), org.springframework.data.domain.Range.unbounded());
        if (events != null) {
            for (var e : events) {
                String f = (String) e.getValue().get("f");
                out.merge("events." + json.readTree(f).path("type").asString(), bytes(f) + 16, Long::sum);
            }
        }
        return out;
    }

    private static long bytes(Object o) {
        return o == null ? 0 : o.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
