package io.shuzhi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.WsClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;

/**
 * Redis goes away under a running app and comes back on the same port with its append-only file: the writer is told
 * to retry, health says DOWN meanwhile, Lettuce reconnects by itself, and nothing acknowledged is lost.
 *
 * <p>Durability: Redis runs with {@code appendonly yes, appendfsync everysec}, as the app's fallback does. It is
 * stopped with {@link RedisServer#stop()}, i.e. SIGTERM: Redis's shutdown path writes and fsyncs the AOF before it
 * exits, so no sleep is needed to cover the everysec window. The test does not take that on trust: after the stop it
 * reads the AOF file itself and checks that the last acknowledged message is in it, before starting Redis again.
 * (A crash, SIGKILL, would also keep it: Redis write()s the AOF before it replies, and everysec only decides when
 * the OS is asked to fsync — which matters for a power cut, not for a process restart.)
 */
class RedisRestartTest {
    private static final String M1 = "我是机关第一党支部书记，写的是2025年度的述职。";
    private static final String M2 = "全年组织集中学习研讨交流24次，购买发放学习书籍120册。";
    private static final String M3 = "举办政治轮训班4期，班子成员讲专题党课12次。";

    @TempDir
    Path dir;

    @Test
    void redisRestart_writerRetriesSameSay_processedOnce_andNothingAcknowledgedIsLost() throws Exception {
        int redisPort = Hardening.freePort();
        RedisServer redisServer = Hardening.startRedis(redisPort, dir, true);
        ConfigurableApplicationContext app = null;
        try {
            app = Hardening.startApp("--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                    "--shuzhi.redis.embedded=never");
            int port = Hardening.port(app);
            StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
            assertThat(Hardening.health(port).statusCode()).isEqualTo(200);

            try (var tab = WsClient.connect(port)) {
                tab.hello();
                String id = tab.await("session").path("sessionId").asString();
                tab.reply();
                tab.say("m-1", M1);
                tab.reply();
                tab.say("m-2", M2);
                long acked = tab.await("assistant_end").path("seq").asLong();
                List<JsonNode> seenBefore = nonErrors(tab.all());
                String stateBefore = stored(redis, id);
                assertThat(stateBefore).contains("研讨交流24次").contains("机关第一党支部");

                redisServer.stop();
                assertThat(aofText(dir)).as("the AOF on disk holds the last acknowledged message")
                        .contains("研讨交流24次").contains("m-2");

                // Redis is away: the writer is told, quickly, that the message was not processed and may be resent.
                long t0 = System.nanoTime();
                tab.say("m-3", M3);
                JsonNode refused = tab.await("error");
                long waitedMs = (System.nanoTime() - t0) / 1_000_000;
                assertThat(refused.path("code").asString()).isEqualTo("STORE_UNAVAILABLE");
                assertThat(refused.path("retryable").asBoolean()).isTrue();
                assertThat(refused.path("replyTo").asString()).isEqualTo("m-3");
                assertThat(refused.path("seq").asLong()).isEqualTo(acked);
                assertThat(waitedMs).as("answered within a few seconds (2 s command timeout)").isLessThan(6_000);
                assertThat(tab.isOpen()).isTrue();

                var down = Hardening.health(port);
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.body()).contains("DOWN");

                // Redis comes back on the same port and directory, reloading its AOF.
                redisServer = Hardening.startRedis(redisPort, dir, true);

                // The writer resends the SAME say id until it goes through (a page retries on a retryable error).
                JsonNode echo = null;
                long deadline = System.nanoTime() + 60_000_000_000L;
                int attempts = 0;
                while (echo == null) {
                    assertThat(System.nanoTime()).as("Lettuce reconnected within 60 s").isLessThan(deadline);
                    attempts++;
                    tab.say("m-3", M3);
                    JsonNode f = tab.await(x -> x.path("type").asString().equals("error")
                            || (x.path("type").asString().equals("user_message")
                                && x.path("id").asString().equals("m-3")));
                    if (f.path("type").asString().equals("error")) {
                        assertThat(f.path("code").asString()).isEqualTo("STORE_UNAVAILABLE");
                    } else {
                        echo = f;
                    }
                }
                assertThat(echo.path("seq").asLong()).isEqualTo(acked + 1);
                tab.reply();
                System.out.println("RedisRestartTest: STORE_UNAVAILABLE after " + waitedMs + " ms; m-3 went through"
                        + " on attempt " + attempts + " after the restart");

                // Once more with the same id: remembered, not processed again.
                tab.say("m-3", M3);
                tab.say("m-4", "跳过");
                JsonNode next = tab.await(x -> !x.path("type").asString().equals("error"));
                assertThat(next.path("type").asString()).isEqualTo("user_message");
                assertThat(next.path("id").asString()).isEqualTo("m-4");
                tab.reply();

                assertThat(redis.opsForList().range(SessionKeys.chat(id), 0, -1))
                        .filteredOn(m -> m.contains("\"role\":\"user\"") && m.contains("\"id\":\"m-3\"")).hasSize(1);
                String state = (String) redis.opsForHash().get(SessionKeys.state(id), "data");
                assertThat(state).contains("机关第一党支部");
                // The facts live in their own hash, one field per fact (the state JSON lists their ids).
                assertThat(redis.opsForHash().entries(SessionKeys.facts(id)).values().toString())
                        .contains("研讨交流24次").contains("轮训班4期");

                // A resuming tab gets every frame acknowledged before the restart, unchanged, and m-3 once.
                try (var resumed = WsClient.connect(port)) {
                    resumed.hello(id, 0L);
                    long last = next.path("seq").asLong();
                    var replay = new ArrayList<JsonNode>();
                    JsonNode f;
                    do {
                        f = resumed.await(x -> true);
                        replay.add(f);
                    } while (f.path("seq").asLong() < last);
                    // the client's own record before the stop starts at the snapshot (seq 0); the replay at seq 1
                    io.shuzhi.support.Replays.assertReplayOf(replay.subList(0, seenBefore.size() - 1),
                            seenBefore.subList(1, seenBefore.size()), false);
                    assertThat(replay).filteredOn(x -> x.path("type").asString().equals("user_message")
                            && x.path("id").asString().equals("m-3")).hasSize(1);
                }
            }

            var up = Hardening.health(port);
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"UP\"");
        } finally {
            if (app != null) app.close();
            Hardening.stopQuietly(redisServer);
        }
    }

    @Test
    void redisRestart_storedSessionIsIdenticalAfterReload() throws Exception {
        int redisPort = Hardening.freePort();
        RedisServer redisServer = Hardening.startRedis(redisPort, dir, true);
        ConfigurableApplicationContext app = null;
        try {
            app = Hardening.startApp("--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                    "--shuzhi.redis.embedded=never");
            int port = Hardening.port(app);
            StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
            String id;
            String before;
            List<String> chatBefore;
            try (var tab = WsClient.connect(port)) {
                tab.hello();
                id = tab.await("session").path("sessionId").asString();
                tab.reply();
                tab.say("m-1", M1);
                tab.reply();
                tab.say("m-2", M2);
                tab.reply();
                before = stored(redis, id);
                chatBefore = redis.opsForList().range(SessionKeys.chat(id), 0, -1);
            }
            redisServer.stop();
            redisServer = Hardening.startRedis(redisPort, dir, true);
            // Lettuce reconnects by itself; health turns UP again once it has.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (Hardening.health(port).statusCode() != 200) {
                assertThat(System.nanoTime()).as("health UP within 60 s of the restart").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(stored(redis, id)).isEqualTo(before);
            assertThat(redis.opsForList().range(SessionKeys.chat(id), 0, -1)).isEqualTo(chatBefore);
        } finally {
            if (app != null) app.close();
            Hardening.stopQuietly(redisServer);
        }
    }

    private static List<JsonNode> nonErrors(List<JsonNode> frames) {
        return frames.stream().filter(f -> !f.path("type").asString().equals("error")).toList();
    }

    /** State hash, event count, chat length and the events themselves. */
    private static String stored(StringRedisTemplate redis, String id) {
        // sorted: a hash's field order after an AOF reload need not be the order before
        var state = new java.util.TreeMap<>(redis.opsForHash().entries(SessionKeys.state(id)));
        var facts = new java.util.TreeMap<>(redis.opsForHash().entries(SessionKeys.facts(id)));
        var events = redis.opsForStream().range(SessionKeys.events(id), org.springframework.data.domain.Range.unbounded());
        return state + "|facts=" + facts + "|events=" + events.stream().map(r -> r.getId() + "=" + r.getValue()).toList()
                + "|chat=" + redis.opsForList().size(SessionKeys.chat(id));
    }

    private static String aofText(Path dir) throws IOException {
        var out = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains("aof"))
                    .toList()) {
                out.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}
