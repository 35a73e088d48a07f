package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator's purge ({@code shuzhi.session.purge-older-than}) on the real Redis: a session idle longer than the
 * limit goes with every key and its open tab is told; a session in use stays. A session's last activity is the commit
 * time the commit script stores, or, for a session stored before that, what its TTL says.
 */
class RetentionPurgeTest extends IntegrationTest {
    @Autowired
    private SessionPurge purge;

    private String sessionWithFacts(io.shuzhi.support.WsClient tab) {
        String id = newSession(tab);
        tab.say("p-1", "我是机关第一党支部书记，写的是2025年度的述职。");
        tab.reply();
        return id;
    }

    private java.util.Set<String> keysOf(String id) {
        return redis.keys("shuzhi:{" + id + "}:*");
    }

    @Test
    void aSessionIdleLongerThanTheLimit_isDeletedWithItsTabTold_aSessionInUseStays() {
        try (var oldTab = connect(); var newTab = connect()) {
            String old = sessionWithFacts(oldTab);
            String fresh = sessionWithFacts(newTab);
            // The commit script dates each commit by the Redis clock.
            long at = Long.parseLong((String) redis.opsForHash().get(SessionKeys.state(fresh), "at"));
            assertThat(Instant.ofEpochSecond(at)).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
            // Ten days without a commit: what the session would look like had the writer left it then.
            redis.opsForHash().put(SessionKeys.state(old), "at",
                    Long.toString(Instant.now().minus(Duration.ofDays(10)).getEpochSecond()));

            int deleted = purge.purge(Duration.ofDays(7));

            assertThat(deleted).isGreaterThanOrEqualTo(1);
            assertThat(keysOf(old)).isEmpty();
            assertThat(oldTab.await("deleted").path("message").asString()).contains("已删除");
            assertThat(oldTab.awaitClose()).isEqualTo(1000);
            assertThat(keysOf(fresh)).contains(SessionKeys.state(fresh), SessionKeys.events(fresh));
            newTab.say("p-2", "全年组织集中学习研讨交流24次。");
            assertThat(newTab.reply()).isNotNull();
        }
    }

    @Test
    void aSessionStoredWithoutACommitTime_isDatedByItsTtl() {
        try (var legacyTab = connect(); var freshTab = connect()) {
            String legacy = sessionWithFacts(legacyTab);
            String fresh = sessionWithFacts(freshTab);
            // As an older release stored it: no 'at'. Its TTL (2 h in the tests) has 1 h left: idle for about 1 h.
            redis.opsForHash().delete(SessionKeys.state(legacy), "at");
            for (String key : SessionKeys.everyKey(legacy)) redis.expire(key, Duration.ofHours(1));

            purge.purge(Duration.ofMinutes(30));

            assertThat(keysOf(legacy)).isEmpty();
            assertThat(keysOf(fresh)).isNotEmpty();
        }
    }

    @Test
    void withThePropertySet_anAppPurgesAtStartup() throws InterruptedException {
        String old;
        String fresh;
        try (var a = connect(); var b = connect()) {
            old = sessionWithFacts(a);
            fresh = sessionWithFacts(b);
        }
        redis.opsForHash().put(SessionKeys.state(old), "at",
                Long.toString(Instant.now().minus(Duration.ofDays(8)).getEpochSecond()));
        try (var app = new org.springframework.boot.builder.SpringApplicationBuilder(io.shuzhi.ShuzhiApplication.class)
                .run("--server.port=0", "--shuzhi.redis.embedded-dir=target/embedded-redis",
                        "--shuzhi.routing.similarity=none", "--shuzhi.session.purge-older-than=7d")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // The purge runs on its own thread once the app is ready: poll, with a deadline.
            while (!keysOf(old).isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(keysOf(old)).isEmpty();
            assertThat(keysOf(fresh)).isNotEmpty();
        }
    }
}
