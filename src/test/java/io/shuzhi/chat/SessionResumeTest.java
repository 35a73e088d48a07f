package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.ShuzhiApplication;
import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Sessions survive a dropped connection, a second tab and a second app instance on the same Redis. */
class SessionResumeTest extends IntegrationTest {

    private static long seqOf(JsonNode frame) {
        return frame.path("seq").asLong();
    }

    @Test
    void resumeWithLastSeq_replaysMissedFramesOnceInOrder() {
        String id;
        long seenUpTo;
        try (var tab = connect()) {
            id = newSession(tab);
            seenUpTo = seqOf(tab.all().get(tab.all().size() - 1));
        }
        // The writer goes on in another tab while the first one is away.
        long lastWritten;
        try (var other = connect()) {
            other.hello(id, seenUpTo);
            other.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            other.reply();
            other.say("m-2", "全年组织集中学习研讨交流24次，购买发放学习书籍120册。");
            lastWritten = seqOf(other.await("assistant_end"));
        }
        try (var back = connect()) {
            back.hello(id, seenUpTo);
            var replayed = new ArrayList<JsonNode>();
            JsonNode f;
            do {
                f = back.await(x -> true);
                replayed.add(f);
            } while (seqOf(f) < lastWritten);
            List<Long> seqs = replayed.stream().map(SessionResumeTest::seqOf).toList();
            assertThat(seqs).first().isEqualTo(seenUpTo + 1);
            for (int i = 1; i < seqs.size(); i++) assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
            assertThat(replayed).noneMatch(x -> x.path("type").asString().equals("session"));
            assertThat(replayed).anyMatch(x -> x.path("type").asString().equals("user_message")
                    && x.path("id").asString().equals("m-2"));

            // Nothing is sent twice: the next frame is the echo of a new message, right after the replay.
            back.say("m-3", "跳过");
            JsonNode next = back.await(x -> true);
            assertThat(next.path("type").asString()).isEqualTo("user_message");
            assertThat(next.path("id").asString()).isEqualTo("m-3");
            assertThat(seqOf(next)).isEqualTo(lastWritten + 1);
        }
    }

    @Test
    void resumeAfterTrimmedLog_getsFreshSnapshot() {
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，2025年度。");
            tab.reply();
        }
        redis.opsForStream().trim(SessionKeys.events(id), 1);
        try (var back = connect()) {
            back.hello(id, 1L);
            JsonNode snapshot = back.await(x -> true);
            assertThat(snapshot.path("type").asString()).isEqualTo("session");
            assertThat(snapshot.path("messages").size()).isGreaterThanOrEqualTo(3);
            assertThat(snapshot.path("messages").get(1).path("text").asString()).contains("机关第一党支部");
        }
    }

    @Test
    void resumeWithoutLastSeq_getsSnapshotWithHistory() {
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，2025年度。");
            tab.reply();
        }
        try (var reload = connect()) {
            reload.hello(id, null);
            JsonNode snapshot = reload.await("session");
            assertThat(snapshot.path("sessionId").asString()).isEqualTo(id);
            assertThat(snapshot.path("engine").asString()).isEqualTo("offline");
            assertThat(snapshot.path("messages").get(0).path("role").asString()).isEqualTo("assistant");
            assertThat(snapshot.path("messages").get(1).path("id").asString()).isEqualTo("m-1");
        }
    }

    @Test
    void repeatedSayId_isNotProcessedTwice() {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，2025年度。");
            tab.reply();
            tab.say("m-2", "全年组织集中学习研讨交流24次。");
            tab.reply();
            String before = storedState(id);
            tab.say("m-2", "全年组织集中学习研讨交流24次。");
            tab.say("m-3", "跳过");
            JsonNode next = tab.await(x -> true);
            assertThat(next.path("type").asString()).isEqualTo("user_message");
            assertThat(next.path("id").asString()).isEqualTo("m-3");
            assertThat(before).contains("研讨交流24次");
            long mentions = tab.all().stream().filter(f -> f.path("type").asString().equals("user_message")
                    && f.path("id").asString().equals("m-2")).count();
            assertThat(mentions).isEqualTo(1);
        }
    }

    @Test
    void twoTabsOnOneSession_bothSeeEveryChangeOnce() {
        try (var a = connect(); var b = connect()) {
            String id = newSession(a);
            long seen = seqOf(a.all().get(a.all().size() - 1));
            b.hello(id, seen);
            a.say("m-1", "我是机关第一党支部书记，2025年度。");
            JsonNode endA = a.await("assistant_end");
            JsonNode endB = b.await("assistant_end");
            assertThat(endB.path("seq").asLong()).isEqualTo(endA.path("seq").asLong());
            assertThat(b.all().stream().filter(f -> f.path("type").asString().equals("user_message")).count())
                    .isEqualTo(1);
        }
    }

    @Test
    void secondInstanceOnSameRedis_continuesTheSession() {
        String id;
        long seen;
        try (var tab = connect()) {
            id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，2025年度。");
            seen = seqOf(tab.await("assistant_end"));
        }
        // Arguments, not builder properties: those are defaults that application.yml overrides.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ShuzhiApplication.class)
                .run("--server.port=0", "--shuzhi.redis.embedded-dir=target/embedded-redis")) {
            int port2 = ((WebServerApplicationContext) second).getWebServer().getPort();
            try (var tab = WsClient.connect(port2)) {
                tab.hello(id, seen);
                tab.say("m-2", "全年组织集中学习研讨交流24次。");
                JsonNode echo = tab.await("user_message");
                assertThat(echo.path("seq").asLong()).isEqualTo(seen + 1);
                tab.reply();
            }
        }
        assertThat(storedState(id)).contains("研讨交流24次").contains("机关第一党支部");
    }
}
