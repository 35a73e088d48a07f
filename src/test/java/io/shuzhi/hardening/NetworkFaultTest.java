package io.shuzhi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.ShuzhiApplication;
import io.shuzhi.llm.FakeModelServer;
import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.WsClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Slow and broken networks (issue #8): the app reaches Redis and the model only through {@link TcpProxy}s, which
 * delay, throttle, stall and cut the traffic while writers chat. Every case ends in a clear message to the writer
 * (an answer, a retryable error, or a draft section marked 【生成中断…】) and nothing acknowledged is lost or doubled.
 * Figures are printed as {@code NetworkFaultTest: …} lines.
 *
 * <p>Timeouts are the app's: the Redis command timeout (2 s, application.yml) and short model watchdogs set below.
 */
class NetworkFaultTest {
    private static final String INTRO = "机关第一党支部，2025年度";
    private static final String STUDY = "全年组织集中学习研讨交流24次，购买发放学习书籍120册。";
    private static final String MEETINGS = "召开支部党员大会6次、支委会12次。";
    private static final String CLASSES = "举办政治轮训班4期，班子成员讲专题党课12次。";
    /** What the fake model writes for a section: no numbers (nothing for the number guard), three sentences. */
    private static final String SECTION = "一是坚持集中学习与个人自学相结合，学习氛围日益浓厚。二是深化研讨交流，党员理论素养不断提升。"
            + "三是加强阵地建设，学习条件持续改善。";

    private static TcpProxy redisProxy;
    private static TcpProxy modelProxy;
    private static FakeModelServer model;
    private static ConfigurableApplicationContext app;
    private static int port;
    private static StringRedisTemplate direct;
    private static LettuceConnectionFactory directFactory;
    /** Pause of the fake model between two streamed chunks. */
    private static final AtomicLong chunkPauseMs = new AtomicLong();

    @BeforeAll
    static void start() {
        redisProxy = new TcpProxy(io.shuzhi.support.TestRedis.HOST, io.shuzhi.support.TestRedis.PORT);
        model = new FakeModelServer();
        modelProxy = new TcpProxy("127.0.0.1", URI.create(model.baseUrl()).getPort());
        app = new SpringApplicationBuilder(ShuzhiApplication.class).run(
                "--server.port=0", "--logging.level.io.shuzhi=WARN",
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisProxy.port(),
                "--shuzhi.redis.embedded=never",
                "--shuzhi.engine=llm", "--shuzhi.llm.base-url=http://127.0.0.1:" + modelProxy.port() + "/v1",
                "--shuzhi.llm.model=" + FakeModelServer.MODEL,
                "--shuzhi.llm.timeout=2s", "--shuzhi.llm.first-token-timeout=2s", "--shuzhi.llm.idle-timeout=2s",
                "--shuzhi.llm.total-timeout=10s", "--shuzhi.llm.retry-backoff=200ms",
                "--shuzhi.llm.max-parallel-sections=1");
        port = Hardening.port(app);
        // Checks read Redis directly, never through the proxy under test.
        directFactory = io.shuzhi.support.TestRedis.factory();
        direct = new StringRedisTemplate(directFactory);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (directFactory != null) directFactory.destroy();
        if (redisProxy != null) redisProxy.close();
        if (modelProxy != null) modelProxy.close();
        if (model != null) model.close();
    }

    @BeforeEach
    void normal() {
        redisProxy.restore();
        modelProxy.restore();
        chunkPauseMs.set(0);
        model.reset();
        model.route((req, ex) -> {
            if (!req.streaming()) {
                // Extraction finds nothing (the rules take over); the question is a plain one.
                ex.completion(req.wantsJson() ? "{\"facts\":[]}" : "好的，记下了。还有哪些方面的工作想补充？");
                return;
            }
            for (int i = 0; i < SECTION.length(); i += 6) {
                ex.chunk(SECTION.substring(i, Math.min(SECTION.length(), i + 6)));
                if (chunkPauseMs.get() > 0) ex.stall(java.time.Duration.ofMillis(chunkPauseMs.get()));
            }
            ex.finish(SECTION);
        });
    }

    // ---- Redis ---------------------------------------------------------------------------------------------------

    @Test
    void redisSlow_turnsStillComplete() {
        try (var tab = WsClient.connect(port)) {
            open(tab);
            tab.say("s-0", INTRO);
            tab.reply();
            long normal = timed(() -> {
                tab.say("s-1", STUDY);
                tab.reply();
            });
            redisProxy.delay(300);
            int connections = redisProxy.accepted();
            long chunks = redisProxy.requestChunks();
            long slow = timed(() -> {
                tab.say("s-2", MEETINGS);
                tab.reply();
            });
            connections = redisProxy.accepted() - connections;
            chunks = redisProxy.requestChunks() - chunks;
            long start;
            try (var other = WsClient.connect(port)) {
                start = timed(() -> open(other));
            }
            redisProxy.restore();
            report("Redis +300 ms per chunk: a chat turn " + normal + " ms -> " + slow + " ms ("
                    + chunks + " request chunks to Redis, " + connections + " new connections); a new session "
                    + start + " ms");
            // Two round trips at least, each 300 ms each way.
            assertThat(slow).as("the delay is really in the path").isGreaterThanOrEqualTo(1_000);
            // The facts live in their own hash, one field per fact (the state JSON lists their ids).
            String facts = direct.opsForHash().entries(SessionKeys.facts(idOf(tab))).values().toString();
            assertThat(facts).contains("研讨交流24次").contains("支委会12次");
            assertThat(userMessages(idOf(tab), "s-2")).isEqualTo(1);
        }
    }

    @Test
    void redisStalled_sayGetsStoreUnavailable_resendAfterRestoreIsProcessedOnce() {
        try (var tab = WsClient.connect(port)) {
            open(tab);
            tab.say("t-0", INTRO);
            tab.reply();

            redisProxy.stall();
            long t0 = System.nanoTime();
            tab.say("t-1", STUDY);
            JsonNode refused = tab.await("error");
            long waited = ms(t0);
            assertRetryable(refused, "t-1", tab);
            assertThat(waited).as("told within a few seconds (2 s command timeout)").isLessThan(5_000);

            redisProxy.restore();
            ResendResult r = resendUntilEchoed(tab, "t-1", STUDY);
            assertThat(r.echo.path("seq").asLong()).isEqualTo(refused.path("seq").asLong() + 1);
            tab.reply();
            report("Redis stalled: STORE_UNAVAILABLE after " + waited + " ms; after restore the resend went through"
                    + " on attempt " + r.attempts + " (" + r.ms + " ms)");
            assertProcessedOnce(tab, "t-1");
        }
    }

    @Test
    void redisCut_sayGetsStoreUnavailable_andLettuceReconnectsByItself() throws Exception {
        try (var tab = WsClient.connect(port)) {
            open(tab);
            tab.say("c-0", INTRO);
            tab.reply();

            // A reset alone: Lettuce reconnects at once (the port still accepts); the turn goes through or is
            // refused as retryable, never lost.
            int before = redisProxy.accepted();
            redisProxy.cut();
            long t0 = System.nanoTime();
            tab.say("c-1", STUDY);
            JsonNode first = tab.await(f -> isError(f) || isEcho(f, "c-1"));
            long resetOnly = ms(t0);
            String resetOutcome = first.path("type").asString().equals("error") ? first.path("code").asString() : "answered";
            if (isError(first)) {
                assertRetryable(first, "c-1", tab);
                resendUntilEchoed(tab, "c-1", STUDY);
            }
            tab.reply();
            assertThat(redisProxy.accepted()).as("Lettuce opened a new connection by itself").isGreaterThan(before);

            // A reset and the port refusing: the writer is told to retry; after the restore Lettuce is back.
            before = redisProxy.accepted();
            redisProxy.refuse().cut();
            t0 = System.nanoTime();
            tab.say("c-2", MEETINGS);
            JsonNode refused = tab.await("error");
            long waited = ms(t0);
            assertRetryable(refused, "c-2", tab);
            assertThat(waited).as("told within a few seconds").isLessThan(5_000);
            Thread.sleep(500);
            redisProxy.restore();
            ResendResult r = resendUntilEchoed(tab, "c-2", MEETINGS);
            assertThat(r.echo.path("seq").asLong()).isEqualTo(refused.path("seq").asLong() + 1);
            tab.reply();
            assertThat(redisProxy.accepted()).isGreaterThan(before);
            report("Redis cut (RST only): " + resetOutcome + " after " + resetOnly + " ms; cut + refused: "
                    + "STORE_UNAVAILABLE after " + waited + " ms; after restore back on attempt " + r.attempts + " ("
                    + r.ms + " ms after the restore)");
            assertProcessedOnce(tab, "c-1");
            assertProcessedOnce(tab, "c-2");
        }
    }

    @Test
    void redisStalled_twelveSessionsOnEightTurnThreads_everyTabIsAnswered_andAllWorkAfterwards() throws Exception {
        int n = 12;
        var tabs = new ArrayList<WsClient>();
        try {
            for (int i = 0; i < n; i++) {
                var tab = WsClient.connect(port);
                tabs.add(tab);
                open(tab);
                tab.say("m-" + i + "-0", INTRO);
                tab.reply();
            }
            redisProxy.stall();
            // One waiter per tab, so each outcome is timed when it arrives.
            var waiters = java.util.concurrent.Executors.newFixedThreadPool(n);
            var outcomes = new ArrayList<java.util.concurrent.Future<long[]>>();
            for (int i = 0; i < n; i++) {
                var tab = tabs.get(i);
                String id = "m-" + i + "-1";
                long sent = System.nanoTime();
                tab.say(id, STUDY);
                outcomes.add(waiters.submit(() -> {
                    JsonNode f = tab.await(x -> isError(x) || isEcho(x, id));
                    long waited = ms(sent);
                    if (isError(f)) {
                        assertThat(f.path("code").asString()).isEqualTo("STORE_UNAVAILABLE");
                        assertThat(f.path("retryable").asBoolean()).isTrue();
                        assertThat(f.path("replyTo").asString()).isEqualTo(id);
                        return new long[] {waited, 1};
                    }
                    tab.reply();
                    return new long[] {waited, 0};
                }));
            }
            Thread.sleep(3_000);
            long restoredAt = System.nanoTime();
            redisProxy.restore();

            List<Long> outcomeMs = new ArrayList<>();
            var failed = new ArrayList<Integer>();
            for (int i = 0; i < n; i++) {
                long[] o = outcomes.get(i).get(15, java.util.concurrent.TimeUnit.SECONDS);
                outcomeMs.add(o[0]);
                if (o[1] == 1) failed.add(i);
            }
            waiters.shutdown();
            int errors = failed.size();
            for (int i : failed) resendUntilEchoed(tabs.get(i), "m-" + i + "-1", STUDY);
            for (int i : failed) tabs.get(i).reply();
            long afterRestore = ms(restoredAt);
            // After the restore every session works.
            for (int i = 0; i < n; i++) {
                tabs.get(i).say("m-" + i + "-2", MEETINGS);
                assertThat(tabs.get(i).reply()).isNotBlank();
            }
            for (int i = 0; i < n; i++) {
                String id = idOf(tabs.get(i));
                assertThat(userMessages(id, "m-" + i + "-1")).as("tab " + i).isEqualTo(1);
                assertThat(userMessages(id, "m-" + i + "-2")).as("tab " + i).isEqualTo(1);
            }
            var sorted = outcomeMs.stream().sorted().toList();
            report("Redis stalled 3 s under " + n + " sessions (8 turn threads): " + errors + " STORE_UNAVAILABLE, "
                    + (n - errors) + " answered after the restore; time to the outcome min " + sorted.get(0)
                    + " / median " + sorted.get(n / 2) + " / max " + sorted.get(n - 1) + " ms; all caught up "
                    + afterRestore + " ms after the restore");
            assertThat(sorted.get(n - 1)).as("no tab waits longer than two command timeouts plus the stall")
                    .isLessThan(8_000);
        } finally {
            tabs.forEach(WsClient::close);
        }
    }

    /**
     * The commit reaches Redis and is applied, but its reply is lost: the app cannot know, tells the writer
     * STORE_UNAVAILABLE, and the page resends the same say id. The writer must end up seeing the message and its
     * answer once.
     */
    @Test
    void redisCommitReplyLost_resendShowsTheAnswerOnce() {
        try (var tab = WsClient.connect(port)) {
            open(tab);
            tab.say("l-0", INTRO);
            tab.reply();
            String id = idOf(tab);

            redisProxy.stallRepliesAfter("EVALSHA");
            tab.say("l-1", STUDY);
            JsonNode refused = tab.await(f -> isError(f) || isEcho(f, "l-1"));
            boolean applied = userMessages(id, "l-1") == 1;
            redisProxy.restore();
            report("Redis commit reply lost: the writer got " + (isError(refused) ? refused.path("code").asString()
                    : "the answer") + "; the commit was " + (applied ? "applied" : "not applied") + " in Redis");
            if (isError(refused)) {
                assertRetryable(refused, "l-1", tab);
                // The page resends: it must get the message and the answer (from the log), not silence.
                tab.say("l-1", STUDY);
                JsonNode echo;
                try {
                    echo = tab.await(f -> isEcho(f, "l-1"));
                } catch (AssertionError silence) {
                    throw new AssertionError("the commit of say l-1 was applied in Redis (applied=" + applied
                            + ") although the writer was told STORE_UNAVAILABLE (“您的消息未被处理”); the resend of the"
                            + " same id is dropped as a duplicate and the tab never sees its message or the answer."
                            + " " + silence.getMessage(), silence);
                }
                assertThat(echo.path("seq").asLong()).isEqualTo(refused.path("seq").asLong() + 1);
                tab.reply();
            }
            assertProcessedOnce(tab, "l-1");
        }
    }

    // ---- the model -----------------------------------------------------------------------------------------------

    @Test
    void modelThrottled_draftCompletesSlowly_otherSessionsKeepChatting() {
        try (var a = WsClient.connect(port); var b = WsClient.connect(port)) {
            interviewed(a);
            open(b);
            b.say("b-0", INTRO);
            b.reply();
            long normalDraft = timed(() -> {
                a.send("{\"type\":\"generate\"}");
                a.await("draft");
                a.reply();
            });
            modelProxy.throttle(TcpProxy.Direction.DOWN, 1_000);
            long t0 = System.nanoTime();
            a.send("{\"type\":\"generate\"}");
            a.await("draft_delta");
            long chat = timed(() -> {
                b.say("b-1", STUDY);
                b.reply();
            });
            JsonNode draft = a.await(f -> "draft".equals(f.path("type").asString()) || isError(f));
            long slowDraft = ms(t0);
            modelProxy.restore();
            report("model throttled to 1000 B/s: a draft " + normalDraft + " ms -> " + slowDraft + " ms; meanwhile"
                    + " a chat turn on another session " + chat + " ms");
            assertThat(draft.path("type").asString()).as(draft.toString()).isEqualTo("draft");
            assertThat(draft.path("text").asString()).contains("学习氛围日益浓厚").doesNotContain("生成中断");
            assertThat(slowDraft).as("the throttle is really in the path").isGreaterThan(normalDraft + 1_000);
            assertThat(b.all().toString()).contains("研讨交流24次");
        }
    }

    @Test
    void modelStalledMidStream_draftEndsReadably_otherSessionsKeepChatting() {
        try (var a = WsClient.connect(port); var b = WsClient.connect(port)) {
            interviewed(a);
            open(b);
            b.say("b-0", INTRO);
            b.reply();
            chunkPauseMs.set(150);
            long t0 = System.nanoTime();
            a.send("{\"type\":\"generate\"}");
            a.await("draft_delta");
            modelProxy.stall();
            long stalledAt = System.nanoTime();
            // The other session's answer: extraction and question calls hit the stalled model and time out (2 s);
            // the rules answer instead.
            long chat = timed(() -> {
                b.say("b-1", STUDY);
                b.reply();
            });
            JsonNode end = a.await(f -> "draft".equals(f.path("type").asString()) || isError(f));
            long ended = ms(stalledAt);
            modelProxy.restore();
            String outcome = outcome(end);
            report("model stalled mid-stream: the draft ended " + ended + " ms after the stall (" + ms(t0)
                    + " ms in all) with " + outcome + "; a chat turn on another session meanwhile " + chat + " ms");
            assertReadable(end);
            assertThat(b.all().toString()).as("the rules answered B").contains("研讨交流24次");
            assertThat(chat).as("B waits one model timeout at most, not the stall").isLessThan(5_000);
            // The text already shown is kept.
            if (end.path("type").asString().equals("draft")) {
                assertThat(end.path("text").asString()).contains("学习氛围日益浓厚");
            }
            afterFaultGenerateWorks(a);
        }
    }

    @Test
    void modelCutMidStream_draftEndsReadably_otherSessionsKeepChatting() {
        try (var a = WsClient.connect(port); var b = WsClient.connect(port)) {
            interviewed(a);
            open(b);
            b.say("b-0", INTRO);
            b.reply();
            chunkPauseMs.set(150);
            a.send("{\"type\":\"generate\"}");
            a.await("draft_delta");
            modelProxy.cut();
            long cutAt = System.nanoTime();
            long chat = timed(() -> {
                b.say("b-1", STUDY);
                b.reply();
            });
            JsonNode end = a.await(f -> "draft".equals(f.path("type").asString()) || isError(f));
            long ended = ms(cutAt);
            report("model cut mid-stream (RST): the draft ended " + ended + " ms after the cut with " + outcome(end)
                    + "; a chat turn on another session meanwhile " + chat + " ms");
            assertReadable(end);
            assertThat(b.all().toString()).contains("研讨交流24次");
            if (end.path("type").asString().equals("draft")) {
                assertThat(end.path("text").asString()).contains("学习氛围日益浓厚");
            }
            afterFaultGenerateWorks(a);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** After the fault, generating again gives a whole draft. */
    private static void afterFaultGenerateWorks(WsClient a) {
        chunkPauseMs.set(0);
        a.send("{\"type\":\"generate\"}");
        JsonNode again = a.await(f -> "draft".equals(f.path("type").asString()) || isError(f));
        assertThat(again.path("type").asString()).as(again.toString()).isEqualTo("draft");
        assertThat(again.path("text").asString()).contains("学习条件持续改善").doesNotContain("生成中断");
    }

    private static void assertReadable(JsonNode end) {
        if (isError(end)) {
            assertThat(end.path("code").asString()).startsWith("MODEL_");
            assertThat(end.path("message").asString()).isNotBlank();
        } else {
            assertThat(end.path("text").asString()).contains("【生成中断");
        }
    }

    private static String outcome(JsonNode end) {
        if (isError(end)) return end.path("code").asString() + " (" + end.path("message").asString() + ")";
        String text = end.path("text").asString();
        int i = text.indexOf("【生成中断");
        return i < 0 ? "a whole draft" : "a draft whose section ends " + text.substring(i, text.indexOf('】', i) + 1);
    }

    private static void interviewed(WsClient tab) {
        open(tab);
        tab.say("a-0", INTRO);
        tab.reply();
        tab.say("a-1", STUDY);
        tab.reply();
    }

    private static String open(WsClient tab) {
        tab.hello();
        String id = tab.await("session").path("sessionId").asString();
        tab.reply();
        return id;
    }

    private static String idOf(WsClient tab) {
        return tab.all().stream().filter(f -> f.path("type").asString().equals("session")).findFirst().orElseThrow()
                .path("sessionId").asString();
    }

    private record ResendResult(JsonNode echo, int attempts, long ms) {}

    /** The page's behaviour on a retryable error: resend the same say id until it is echoed (at most 20 s). */
    private static ResendResult resendUntilEchoed(WsClient tab, String id, String text) {
        long t0 = System.nanoTime();
        int attempts = 0;
        while (true) {
            assertThat(ms(t0)).as("the say " + id + " went through within 20 s").isLessThan(20_000);
            attempts++;
            tab.say(id, text);
            JsonNode f = tab.await(x -> isError(x) || isEcho(x, id));
            if (isEcho(f, id)) return new ResendResult(f, attempts, ms(t0));
            assertThat(f.path("code").asString()).isEqualTo("STORE_UNAVAILABLE");
            sleep(200);
        }
    }

    /**
     * A STORE_UNAVAILABLE the page can act on: retryable, naming the say, carrying the last seq the tab was sent
     * (nothing of the refused say was logged).
     */
    private static void assertRetryable(JsonNode error, String replyTo, WsClient tab) {
        List<JsonNode> frames = tab.all();
        long seq = 0;
        for (JsonNode f : frames) {
            if (f == error) break;
            if (!isError(f)) seq = Math.max(seq, f.path("seq").asLong());
        }
        assertThat(error.path("type").asString()).as(error.toString()).isEqualTo("error");
        assertThat(error.path("code").asString()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(error.path("retryable").asBoolean()).isTrue();
        assertThat(error.path("replyTo").asString()).isEqualTo(replyTo);
        assertThat(error.path("seq").asLong()).isEqualTo(seq);
        assertThat(error.path("message").asString()).contains("请稍后重试");
    }

    /** The tab saw the message once and Redis holds it once. */
    private static void assertProcessedOnce(WsClient tab, String sayId) {
        assertThat(tab.all()).filteredOn(f -> isEcho(f, sayId)).hasSize(1);
        assertThat(userMessages(idOf(tab), sayId)).isEqualTo(1);
    }

    /** User messages with this say id in the session's chat list in Redis. */
    private static long userMessages(String sessionId, String sayId) {
        List<String> chat = direct.opsForList().range(SessionKeys.chat(sessionId), 0, -1);
        return chat == null ? 0 : chat.stream()
                .filter(m -> m.contains("\"role\":\"user\"") && m.contains("\"id\":\"" + sayId + "\"")).count();
    }

    private static boolean isError(JsonNode f) {
        return f.path("type").asString().equals("error");
    }

    private static boolean isEcho(JsonNode f, String id) {
        return f.path("type").asString().equals("user_message") && f.path("id").asString().equals(id);
    }

    private static long timed(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return ms(t0);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(String line) {
        System.out.println("NetworkFaultTest: " + line);
    }

}
