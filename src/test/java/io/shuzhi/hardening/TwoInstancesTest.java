package io.shuzhi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the app on one Redis (the shared test context, A, and one more, B): a session moves between them
 * by resuming with {@code lastSeq} and gets exactly the frames it missed.
 */
class TwoInstancesTest extends IntegrationTest {
    private static ConfigurableApplicationContext second;
    private static int portB;

    @BeforeAll
    static void startSecondInstance() {
        // The same Redis as the shared context (REDIS_HOST:REDIS_PORT, or the bundled server the first context started there; the tests' database).
        second = Hardening.startApp("--shuzhi.redis.embedded-dir=target/embedded-redis");
        portB = Hardening.port(second);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) second.close();
    }

    @Test
    void sessionMovesBetweenInstances_resumeGivesExactlyTheMissedFrames() {
        String id;
        long seen;
        List<JsonNode> onA = new ArrayList<>();
        try (var a = connect()) {
            id = newSession(a);
            a.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            seen = a.await("assistant_end").path("seq").asLong();
            onA.addAll(a.all());
        }
        // On B: resume where A left off, and go on there.
        long lastOnB;
        List<JsonNode> framesOnB;
        try (var b = WsClient.connect(portB)) {
            b.hello(id, seen);
            assertThat(b.drain(300)).as("nothing missed yet: nothing replayed").isEmpty();
            b.say("m-2", "全年组织集中学习研讨交流24次，购买发放学习书籍120册。");
            JsonNode echo = b.await("user_message");
            assertThat(echo.path("seq").asLong()).isEqualTo(seen + 1);
            lastOnB = b.await("assistant_end").path("seq").asLong();
            b.say("m-3", "举办政治轮训班4期。");
            lastOnB = b.await("assistant_end").path("seq").asLong();
            framesOnB = b.all();
        }
        // Back on A with A's lastSeq: exactly the frames B produced, in order, once, identical (facts: the newest list).
        try (var a = connect()) {
            a.hello(id, seen);
            var replay = new ArrayList<JsonNode>();
            JsonNode f;
            do {
                f = a.await(x -> true);
                replay.add(f);
            } while (f.path("seq").asLong() < lastOnB);
            io.shuzhi.support.Replays.assertReplayOf(replay, framesOnB, true);
            assertThat(replay.stream().map(x -> x.path("seq").asLong()).toList())
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(seen + 1, lastOnB).boxed().toList());
            // …and A goes on from there.
            a.say("m-4", "开展谈心谈话，覆盖党员20余人。");
            JsonNode echo = a.await("user_message");
            assertThat(echo.path("seq").asLong()).isEqualTo(lastOnB + 1);
            a.reply();
        }
        assertThat(storedState(id)).contains("研讨交流24次").contains("轮训班4期").contains("20余人");
        assertThat(onA).isNotEmpty();
    }

    @Test
    void tabOnEachInstance_seesTheOthersEvents() {
        try (var a = connect(); var b = WsClient.connect(portB)) {
            String id = newSession(a);
            long seen = a.all().get(a.all().size() - 1).path("seq").asLong();
            b.hello(id, seen);
            assertThat(b.drain(200)).isEmpty();

            a.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            JsonNode endA = a.await("assistant_end");
            JsonNode endB = b.await("assistant_end");
            assertThat(endB.path("seq").asLong()).isEqualTo(endA.path("seq").asLong());
            assertThat(endB.path("text").asString()).isEqualTo(endA.path("text").asString());

            b.say("m-2", "全年组织集中学习研讨交流24次。");
            JsonNode echoA = a.await(x -> x.path("type").asString().equals("user_message")
                    && x.path("id").asString().equals("m-2"));
            JsonNode echoB = b.await(x -> x.path("type").asString().equals("user_message")
                    && x.path("id").asString().equals("m-2"));
            assertThat(echoA.path("seq").asLong()).isEqualTo(echoB.path("seq").asLong());
            a.reply();
            b.reply();

            // Each tab saw every frame once, in seq order, with no gap.
            for (var tab : List.of(a, b)) {
                var seqs = tab.all().stream().filter(x -> !x.path("type").asString().equals("error"))
                        .map(x -> x.path("seq").asLong()).filter(s -> s > seen).toList();
                assertThat(seqs).doesNotHaveDuplicates().isSorted();
                assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).isEqualTo(seqs.size());
            }
        }
    }

    /**
     * Each instance keeps the state it last committed for its next turn (a turn then reads only the revision): a turn
     * on one instance after the other instance wrote must start from what the other wrote, never from its own copy.
     */
    @Test
    void turnsAlternatingBetweenInstances_eachStartsFromTheOthersLastWrite() {
        try (var a = connect(); var b = WsClient.connect(portB)) {
            String id = newSession(a);
            long seen = a.all().get(a.all().size() - 1).path("seq").asLong();
            b.hello(id, seen);
            String[] says = {"我是机关第一党支部书记，写的是2025年度的述职。", "全年组织集中学习研讨交流24次。",
                    "购买发放学习书籍120册。", "举办政治轮训班4期。", "班子成员讲专题党课12次。"};
            for (int i = 0; i < says.length; i++) {
                var tab = i % 2 == 0 ? a : b;
                String sayId = "m-" + (i + 1);
                tab.say(sayId, says[i]);
                // Both tabs see the turn whole before the next one starts on the other instance.
                for (var t : List.of(a, b)) {
                    t.await(x -> x.path("type").asString().equals("user_message") && x.path("id").asString().equals(sayId));
                    t.await("assistant_end");
                }
            }
            // The last facts frame either tab saw lists every figure, whichever instance took it down.
            JsonNode facts = null;
            for (JsonNode f : a.all()) if (f.path("type").asString().equals("facts")) facts = f;
            assertThat(facts).isNotNull();
            assertThat(facts.toString()).contains("24次").contains("120册").contains("4期").contains("12次");
            assertThat(storedState(id)).contains("24次").contains("120册").contains("4期").contains("12次");
        }
    }
}
