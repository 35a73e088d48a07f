package io.shuzhi.llm;

import static io.shuzhi.llm.LlmTestSupport.PARTY;
import static io.shuzhi.llm.LlmTestSupport.PROMPTS;
import static io.shuzhi.llm.LlmTestSupport.props;
import static io.shuzhi.llm.LlmTestSupport.sectionWriter;
import static io.shuzhi.llm.LlmTestSupport.started;
import static io.shuzhi.llm.LlmTestSupport.with;
import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.usage.TokenMeter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model drafter over LangChain4j's real HTTP client against the fake server: streaming, guard, faults. */
class LlmDraftWriterTest {
    private static final FakeModelServer fake = new FakeModelServer();
    private static final String STUDY = "全年开展研讨交流24次，购买发放学习书籍120册";

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void clean() {
        fake.reset();
    }

    private static LlmDraftWriter writer(Duration firstToken, Duration idle, int parallel) {
        return new LlmDraftWriter(new TemplateDrafter(DRAFT_LEXICON), DRAFT_LEXICON, new LlmModels(props(fake.baseUrl(), firstToken, idle, parallel)),
                PROMPTS);
    }

    private static LlmDraftWriter writer() {
        return writer(Duration.ofSeconds(5), Duration.ofSeconds(5), 2);
    }

    /** Facts in one topic only: one model-written section (1.1). */
    private static InterviewState oneSection() {
        return with(started(), "study", STUDY);
    }

    private static InterviewState fourSections() {
        InterviewState s = with(started(), "study", STUDY);
        s = with(s, "org-life", "召开支部党员大会6次、支委会14次");
        s = with(s, "training", "举办政治轮训班4期，班子成员讲专题党课6次");
        s = with(s, "plan-study", "明年每季度开展一次专题研讨");
        s = with(s, "issue-study", "个别党员理论学习不深");
        return s;
    }

    private static Draft draft(LlmDraftWriter w, InterviewState s, LlmTestSupport.Recorder rec, TokenMeter meter) {
        return w.write(PARTY, s, 1, rec, meter);
    }

    @Test
    void wholeDraft_isStreamedSectionBySection_inDraftOrder() {
        fake.route(sectionWriter(""));
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-1", 0);
        InterviewState state = fourSections();
        Draft d = draft(writer(), state, rec, meter);

        int total = new TemplateDrafter(DRAFT_LEXICON).write(PARTY, state, 1, null).sections().size();
        assertThat(d.sections()).hasSize(total);
        // sectionDone in draft order, steps 1..total.
        List<String> done = rec.events.stream().filter(e -> e.startsWith("done")).toList();
        for (int i = 0; i < total; i++) {
            assertThat(done.get(i)).startsWith("done " + (i + 1) + "/" + total + " " + d.sections().get(i).ref());
        }
        // Each model-written section streamed its text before it was done, and its body is exactly what streamed.
        Section s11 = d.section("1.1").orElseThrow();
        assertThat(s11.body()).contains("24次").contains("120册").startsWith("一是");
        assertThat(rec.deltas("1.1")).isEqualTo(s11.body());
        assertThat(rec.events.indexOf(rec.events.stream().filter(e -> e.startsWith("delta 1.1")).findFirst().orElseThrow()))
                .isLessThan(rec.events.indexOf(done.get(d.sections().indexOf(s11))));
        // Sections without facts keep the template's placeholders; no model call for them.
        assertThat(d.section("1.4").orElseThrow().body()).contains("【待补充：");
        var calls = fake.chatRequests();
        assertThat(calls).allMatch(FakeModelServer.Request::streaming);
        assertThat(calls).hasSize(4);
        // The prompt carries the outline and the section's facts, writer text delimited.
        var study = calls.stream().filter(r -> r.lastUser().contains("抓实理论学习")).findFirst().orElseThrow();
        assertThat(study.lastUser()).contains("一、履职情况及成效").contains("三、下步工作举措").contains("24次")
                .contains("<writer_text>").contains("文风");
        assertThat(study.json().path("messages").get(0).path("role").asString()).isEqualTo("system");
        // Usage from the final chunk reaches the turn's meter.
        assertThat(meter.input()).isGreaterThan(500);
        assertThat(meter.output()).isGreaterThan(50);
        // progress was only ever called on the writing thread, never on an HTTP client thread.
        assertThat(rec.threads).containsOnly(Thread.currentThread().getName());
        System.out.println("tokens in/out: " + meter.input() + "/" + meter.output() + " over " + calls.size() + " calls");
    }

    /** Not a timed test: prints what one streamed chunk costs between the HTTP client and the page. */
    @Test
    void manySmallChunks_allArrive_inOrder() {
        String sentence = "一是抓实理论学习，全年开展研讨交流24次，购买发放学习书籍120册。";
        String all = sentence.repeat(40);
        fake.route((req, ex) -> ex.stream(all, 1));
        var rec = new LlmTestSupport.Recorder();
        draft(writer(), oneSection(), rec, new TokenMeter());
        fake.route((req, ex) -> ex.stream(all, all.length()));
        long t0 = System.nanoTime();
        draft(writer(), oneSection(), new LlmTestSupport.Recorder(), new TokenMeter());
        long oneChunk = System.nanoTime() - t0;
        fake.route((req, ex) -> ex.stream(all, 1));
        long t1 = System.nanoTime();
        Draft d = draft(writer(), oneSection(), rec, new TokenMeter());
        long perChar = System.nanoTime() - t1;
        assertThat(d.section("1.1").orElseThrow().body()).isEqualTo(all);
        System.out.printf("streamed %d one-character chunks: %.1f ms vs one chunk %.1f ms -> %.1f us per chunk%n",
                all.length(), perChar / 1e6, oneChunk / 1e6, (perChar - oneChunk) / 1e3 / all.length());
    }

    @Test
    void atMostMaxParallelSections_runAtOnce() {
        var running = new AtomicInteger();
        var peak = new AtomicInteger();
        FakeModelServer.Responder inner = sectionWriter("");
        fake.route((req, ex) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
                inner.respond(req, ex);
            } finally {
                running.decrementAndGet();
            }
        });
        draft(writer(Duration.ofSeconds(5), Duration.ofSeconds(5), 2), fourSections(), new LlmTestSupport.Recorder(),
                new TokenMeter());
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void inventedNumber_neverReachesThePage_andIsFlagged() {
        fake.route(sectionWriter("全年共开展主题活动87次。"));
        var rec = new LlmTestSupport.Recorder();
        Draft d = draft(writer(), oneSection(), rec, new TokenMeter());
        String body = d.section("1.1").orElseThrow().body();
        assertThat(body).contains("【待核实：原文“87次”】").contains("24次").contains("120册");
        assertThat(body.replaceAll("【[^】]*】", "")).doesNotContain("87");
        assertThat(rec.deltas("1.1").replaceAll("【[^】]*】", "")).doesNotContain("87");
    }

    @Test
    void noFirstToken_isRetriedOnce_thenWritten() {
        fake.script((req, ex) -> ex.stall(Duration.ofSeconds(3)));
        fake.route(sectionWriter(""));
        var rec = new LlmTestSupport.Recorder();
        Draft d = draft(writer(Duration.ofMillis(400), Duration.ofSeconds(5), 2), oneSection(), rec, new TokenMeter());
        assertThat(d.section("1.1").orElseThrow().body()).contains("24次").doesNotContain("【生成中断");
        assertThat(fake.chatRequests()).hasSize(2);
    }

    @Test
    void noFirstTokenTwice_stopsTheDraft_withARetryableTimeout() {
        fake.route((req, ex) -> ex.stall(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> draft(writer(Duration.ofMillis(300), Duration.ofSeconds(5), 2), oneSection(),
                new LlmTestSupport.Recorder(), new TokenMeter()))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.TIMEOUT);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.chineseMessage()).contains("没有开始输出");
                });
        assertThat(fake.chatRequests()).hasSize(2);
    }

    @Test
    void stallMidStream_keepsTheText_marksTheSectionInterrupted() {
        fake.route((req, ex) -> {
            ex.chunk("一是抓实理论学习，全年开展研讨交流24次。");
            ex.chunk("二是");
            ex.stall(Duration.ofSeconds(3));
        });
        var rec = new LlmTestSupport.Recorder();
        Draft d = draft(writer(Duration.ofSeconds(5), Duration.ofMillis(400), 2), oneSection(), rec, new TokenMeter());
        String body = d.section("1.1").orElseThrow().body();
        assertThat(body).startsWith("一是抓实理论学习，全年开展研讨交流24次。").contains("【生成中断：").contains("停顿");
        // Text already shown is not written again: no retry.
        assertThat(fake.chatRequests()).hasSize(1);
        assertThat(d.sections()).hasSize(new TemplateDrafter(DRAFT_LEXICON).write(PARTY, oneSection(), 1, null).sections().size());
    }

    @Test
    void malformedChunkBeforeAnyText_isRetried() {
        fake.script((req, ex) -> {
            ex.startSse();
            ex.raw("data: {\"choices\":[{\"delta\":{\"content\":\n\n");
            ex.raw("data: [DONE]\n\n");
        });
        fake.route(sectionWriter(""));
        Draft d = draft(writer(), oneSection(), new LlmTestSupport.Recorder(), new TokenMeter());
        assertThat(d.section("1.1").orElseThrow().body()).contains("24次").doesNotContain("【生成中断");
        assertThat(fake.chatRequests()).hasSize(2);
    }

    @Test
    void malformedChunkMidStream_keepsTheText_marksTheSection() {
        fake.route((req, ex) -> {
            ex.chunk("一是抓实理论学习，全年开展研讨交流24次。");
            ex.raw("data: {\"choices\":[{\"delta\":{\"content\":\n\n");
            ex.raw("data: [DONE]\n\n");
        });
        Draft d = draft(writer(Duration.ofSeconds(5), Duration.ofMillis(800), 2), oneSection(),
                new LlmTestSupport.Recorder(), new TokenMeter());
        String body = d.section("1.1").orElseThrow().body();
        assertThat(body).startsWith("一是抓实理论学习，全年开展研讨交流24次。").contains("【生成中断：");
    }

    @Test
    void connectionResetMidStream_keepsTheText_marksTheSection() {
        fake.route((req, ex) -> {
            ex.chunk("一是抓实理论学习，全年开展研讨交流24次。");
            ex.chunk("二是发放书籍");
            Thread.sleep(100);
            ex.reset();
        });
        Draft d = draft(writer(), oneSection(), new LlmTestSupport.Recorder(), new TokenMeter());
        String body = d.section("1.1").orElseThrow().body();
        assertThat(body).startsWith("一是抓实理论学习，全年开展研讨交流24次。").contains("【生成中断：");
        assertThat(fake.chatRequests()).hasSize(1);
    }

    @Test
    void rateLimitedOnce_thenWritten() {
        fake.script(FakeModelServer.status(429));
        fake.route(sectionWriter(""));
        Draft d = draft(writer(), oneSection(), new LlmTestSupport.Recorder(), new TokenMeter());
        assertThat(d.section("1.1").orElseThrow().body()).contains("24次");
        assertThat(fake.chatRequests()).hasSize(2);
    }

    @Test
    void serverErrorTwice_stopsTheDraft_retryable() {
        fake.route(FakeModelServer.status(500));
        assertThatThrownBy(() -> draft(writer(), oneSection(), new LlmTestSupport.Recorder(), new TokenMeter()))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.chineseMessage()).contains("500");
                });
        assertThat(fake.chatRequests()).hasSize(2);
    }

    @Test
    void wrongKey_stopsAtOnce_withoutRetry() {
        fake.route(FakeModelServer.status(401));
        assertThatThrownBy(() -> draft(writer(), oneSection(), new LlmTestSupport.Recorder(), new TokenMeter()))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.AUTH);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.chineseMessage()).contains("密钥").doesNotContain(LlmTestSupport.KEY);
                });
        assertThat(fake.chatRequests()).hasSize(1);
        assertThat(fake.chatRequests().get(0).headers().get("authorization")).isEqualTo("Bearer " + LlmTestSupport.KEY);
    }

    @Test
    void unknownModel_isNotFound() {
        fake.route(FakeModelServer.status(404));
        assertThatThrownBy(() -> draft(writer(), oneSection(), new LlmTestSupport.Recorder(), new TokenMeter()))
                .isInstanceOfSatisfying(ModelException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.NOT_FOUND));
    }

    @Test
    void sessionOverItsTokenBudget_getsNoModelDraft() {
        var p = props(fake.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(5), 2);
        var budgeted = new LlmProperties(p.baseUrl(), p.model(), p.apiKey(), p.timeout(), p.connectTimeout(),
                p.firstTokenTimeout(), p.idleTimeout(), p.totalTimeout(), p.temperature(), 2, 1000L, 1500,
                p.retryBackoff(), false, null);
        var w = new LlmDraftWriter(new TemplateDrafter(DRAFT_LEXICON), DRAFT_LEXICON, new LlmModels(budgeted), PROMPTS);
        assertThatThrownBy(() -> w.write(PARTY, oneSection(), 1, null, new TokenMeter("s", 1000)))
                .isInstanceOfSatisfying(ModelException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.TOKEN_BUDGET));
        assertThat(fake.chatRequests()).isEmpty();
    }
}
