package io.shuzhi.llm;

import static io.shuzhi.llm.LlmTestSupport.PARTY;
import static io.shuzhi.llm.LlmTestSupport.PROMPTS;
import static io.shuzhi.llm.LlmTestSupport.props;
import static io.shuzhi.llm.LlmTestSupport.started;
import static io.shuzhi.llm.LlmTestSupport.with;
import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.Refinement.Operation;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.usage.TokenMeter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model's rewrite of one target of a draft, over LangChain4j's real HTTP client against the fake server: only the
 * target changes, the model sees only the target (and its facts), numbers are guarded, faults are the drafter's.
 */
class LlmRewriteTest {
    private static final FakeModelServer fake = new FakeModelServer();
    static final String MORE = "在此基础上注重总结提炼经验做法，推动各项工作常态化长效化。";

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void clean() {
        fake.reset();
    }

    /**
     * A fake rewriter: answers with the text it was given to rewrite (the writer_text block after "这一段现在的文字"), plus {@code extra}
     * — a plain sentence the way a model fills out a section.
     */
    static FakeModelServer.Responder rewriter(String extra) {
        return (req, ex) -> {
            if (!req.streaming()) {
                ex.completion("好的。");
                return;
            }
            ex.stream(targetText(req.lastUser()) + extra, 5);
        };
    }

    static String targetText(String prompt) {
        int from = prompt.indexOf("<writer_text>\n", Math.max(0, prompt.indexOf("这一段现在的文字")));
        int to = prompt.indexOf("\n</writer_text>", from);
        return from < 0 || to < 0 ? "" : prompt.substring(from + "<writer_text>\n".length(), to);
    }

    private static LlmSectionRewriter rewriter(Duration firstToken, int parallel) {
        return new LlmSectionRewriter(new LlmModels(props(fake.baseUrl(), firstToken, Duration.ofSeconds(5), parallel)),
                PROMPTS, DRAFT_LEXICON);
    }

    private static LlmSectionRewriter rewriter() {
        return rewriter(Duration.ofSeconds(5), 2);
    }

    /** Facts in 1.1, 1.2, 1.3 and the issues part (2). */
    private static InterviewState facts() {
        InterviewState s = with(started(), "study", "全年开展研讨交流24次，购买发放学习书籍120册");
        s = with(s, "org-life", "召开支部党员大会6次、支委会14次");
        s = with(s, "recruitment", "发展新党员2名");
        s = with(s, "responsibility", "签订党风廉政建设责任书28份");
        s = with(s, "issue-study", "个别党员理论学习不深");
        return s;
    }

    private static Draft draft(InterviewState s) {
        return new TemplateDrafter(DRAFT_LEXICON).write(PARTY, s, 3, null);
    }

    private static Optional<Draft> rewrite(LlmSectionRewriter w, Draft d, Refinement r, String instruction,
                                           InterviewState s, LlmTestSupport.Recorder rec, TokenMeter meter) {
        return w.rewrite(PARTY, d, r, instruction, s, rec, meter);
    }

    private static void assertOnlyChanged(Draft before, Draft after, String... refs) {
        assertThat(after.sections()).extracting(Section::ref).containsExactlyElementsOf(
                before.sections().stream().map(Section::ref).toList());
        for (int i = 0; i < before.sections().size(); i++) {
            Section b = before.sections().get(i);
            Section a = after.sections().get(i);
            assertThat(a.heading()).isEqualTo(b.heading());
            assertThat(a.level()).isEqualTo(b.level());
            if (List.of(refs).contains(b.ref())) assertThat(a.body()).as(b.ref()).isNotEqualTo(b.body());
            else assertThat(a).as(b.ref()).isEqualTo(b);
        }
    }

    @Test
    void moreConcreteSection_onlyThatSectionChanges_andTheModelSeesOnlyIt() {
        fake.route(rewriter(MORE));
        InterviewState s = facts();
        Draft d = draft(s);
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-r", 0);
        Draft next = rewrite(rewriter(), d, new Refinement(Target.of(Scope.SECTION, "1.2"), Operation.EXPAND, null, null, null),
                "第一部分第二节再具体些", s, rec, meter).orElseThrow();

        assertOnlyChanged(d, next, "1.2");
        assertThat(next.version()).isEqualTo(d.version() + 1);
        String old12 = d.section("1.2").orElseThrow().body();
        String new12 = next.section("1.2").orElseThrow().body();
        assertThat(new12).isEqualTo(old12 + MORE);
        // Streamed to the page, and done once.
        assertThat(rec.deltas("1.2")).isEqualTo(new12);
        assertThat(rec.events.stream().filter(e -> e.startsWith("done")).toList()).containsExactly("done 1/1 1.2");
        assertThat(rec.threads).containsOnly(Thread.currentThread().getName());

        // One call; it carries the target, its facts and the instruction — not the other sections, not their facts.
        var calls = fake.chatRequests();
        assertThat(calls).hasSize(1);
        var call = calls.get(0);
        assertThat(call.streaming()).isTrue();
        assertThat(call.json().path("messages").size()).isEqualTo(2);
        String prompt = call.lastUser();
        assertThat(prompt).contains(old12).contains("召开支部党员大会6次、支委会14次").contains("发展新党员2名")
                .contains("第一部分第二节再具体些").contains("展开").contains("三、下步工作举措").contains("文风");
        for (String other : List.of("1.1", "1.3", "2")) {
            assertThat(prompt).doesNotContain(d.section(other).orElseThrow().body());
        }
        assertThat(prompt).doesNotContain("研讨交流24次").doesNotContain("责任书28份").doesNotContain("理论学习不深");
        assertThat(meter.output()).isEqualTo(new12.length());
        assertThat(meter.input()).isPositive();
    }

    @Test
    void anInventedNumber_isFlagged_neverShownBare() {
        fake.route(rewriter("全年共开展主题活动87次。"));
        InterviewState s = facts();
        Draft d = draft(s);
        var rec = new LlmTestSupport.Recorder();
        Draft next = rewrite(rewriter(), d, new Refinement(Target.of(Scope.SECTION, "1.2"), Operation.REWRITE, null, null, null),
                "换个说法", s, rec, new TokenMeter()).orElseThrow();
        String body = next.section("1.2").orElseThrow().body();
        assertThat(body).contains("【待核实：原文“87次”】").contains("6次").contains("14次").contains("2名");
        assertThat(body.replaceAll("【[^】]*】", "")).doesNotContain("87");
        assertThat(rec.deltas("1.2").replaceAll("【[^】]*】", "")).doesNotContain("87");
        assertOnlyChanged(d, next, "1.2");
    }

    @Test
    void addReorderAndTheOtherRuleEdits_areLeftToTheOfflineRefiner() {
        fake.route(rewriter(MORE));
        InterviewState s = facts();
        Draft d = draft(s);
        List<Refinement> offline = List.of(
                new Refinement(Target.of(Scope.SECTION, "1.2"), Operation.ADD, "发展新党员2名", null, null),
                new Refinement(new Target(Scope.ITEM, "1.2", 1, "1.2", 2), Operation.REORDER, null, null, null),
                new Refinement(Target.item("1.2", 1), Operation.DELETE, null, null, null),
                new Refinement(Target.whole(), Operation.REPLACE, "大力", "", null),
                new Refinement(Target.of(Scope.TITLE, "title"), Operation.SET_YEAR, "2025", null, null),
                new Refinement(Target.of(Scope.TITLE, "title"), Operation.FORMALIZE, null, null, null),
                new Refinement(Target.whole(), Operation.EXPAND, null, null, null));
        for (Refinement r : offline) {
            assertThat(rewrite(rewriter(), d, r, "x", s, new LlmTestSupport.Recorder(), new TokenMeter())).as(r.toString())
                    .isEmpty();
        }
        assertThat(fake.chatRequests()).isEmpty();
    }

    @Test
    void oneItem_isRewritten_itsOrdinalAndTheOtherItemsStay() {
        fake.route(rewriter(MORE));
        InterviewState s = facts();
        Draft d = draft(s);
        String old = d.section("1.2").orElseThrow().body();
        int second = old.indexOf("二是");
        assertThat(second).isPositive();
        var rec = new LlmTestSupport.Recorder();
        Draft next = rewrite(rewriter(), d, new Refinement(Target.item("1.2", 2), Operation.FORMALIZE, null, null, null),
                "二是这条正式一点", s, rec, new TokenMeter()).orElseThrow();
        String body = next.section("1.2").orElseThrow().body();
        assertThat(body).startsWith(old.substring(0, second + 2));
        assertOnlyChanged(d, next, "1.2");
        String prompt = fake.chatRequests().get(0).lastUser();
        // The item is recruitment's: its fact, not the other item's.
        assertThat(prompt).contains("发展新党员2名").doesNotContain("召开支部党员大会6次").contains("“二是”一条");
        assertThat(targetText(prompt)).doesNotStartWith("二是").isEqualTo(old.substring(second + 2, nextItem(old, second)));
        assertThat(rec.deltas("1.2")).isEqualTo(body.substring(0, body.length() - (old.length() - nextItem(old, second))));
    }

    private static int nextItem(String body, int from) {
        int k = body.indexOf("三是", from);
        return k < 0 ? body.length() : k;
    }

    @Test
    void wholeToALength_isRewrittenSectionBySection_twoAtATime() {
        var running = new AtomicInteger();
        var peak = new AtomicInteger();
        FakeModelServer.Responder inner = rewriter("");
        fake.route((req, ex) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
                inner.respond(req, ex);
            } finally {
                running.decrementAndGet();
            }
        });
        InterviewState s = facts();
        Draft d = draft(s);
        var rec = new LlmTestSupport.Recorder();
        Draft next = rewrite(rewriter(), d, new Refinement(Target.whole(), Operation.LENGTH, null, null, 1500),
                "全文控制在1500字", s, rec, new TokenMeter()).orElseThrow();
        List<Section> bodies = d.sections().stream().filter(x -> !x.body().isEmpty() && !x.ref().equals("title")).toList();
        assertThat(fake.chatRequests()).hasSize(bodies.size());
        assertThat(peak.get()).isEqualTo(2);
        List<String> done = rec.events.stream().filter(e -> e.startsWith("done")).toList();
        assertThat(done).hasSize(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            assertThat(done.get(i)).isEqualTo("done " + (i + 1) + "/" + bodies.size() + " " + bodies.get(i).ref());
        }
        assertThat(fake.chatRequests()).allSatisfy(r -> assertThat(r.lastUser()).containsPattern("目标篇幅：[0-9]+字左右"));
        // The fake gives the text back unchanged: the draft is the same, as a new version.
        assertThat(next.sections()).isEqualTo(d.sections());
        assertThat(next.title()).isEqualTo(d.title());
    }

    @Test
    void noFirstToken_isRetriedOnce_thenWritten() {
        fake.script((req, ex) -> ex.stall(Duration.ofSeconds(3)));
        fake.route(rewriter(MORE));
        InterviewState s = facts();
        Draft d = draft(s);
        Draft next = rewrite(rewriter(Duration.ofMillis(400), 2), d,
                new Refinement(Target.of(Scope.OPENING, "opening"), Operation.FORMALIZE, null, null, null),
                "开头正式一点", s, new LlmTestSupport.Recorder(), new TokenMeter()).orElseThrow();
        assertThat(next.section("opening").orElseThrow().body()).endsWith(MORE);
        assertOnlyChanged(d, next, "opening");
        assertThat(fake.chatRequests()).hasSize(2);
    }

    @Test
    void wrongKey_isAModelError_withoutRetry() {
        fake.route(FakeModelServer.status(401));
        InterviewState s = facts();
        assertThatThrownBy(() -> rewrite(rewriter(), draft(s),
                new Refinement(Target.of(Scope.SECTION, "1.2"), Operation.EXPAND, null, null, null), "再具体些", s,
                new LlmTestSupport.Recorder(), new TokenMeter()))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.AUTH);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(fake.chatRequests()).hasSize(1);
    }

    @Test
    void theLengthAskedFor_isInThePrompt_inZi() {
        fake.route(rewriter(""));
        InterviewState s = facts();
        Draft d = draft(s);
        rewrite(rewriter(), d, new Refinement(Target.of(Scope.SECTION, "1.2"), Operation.CONDENSE, null, null, 60),
                "第一部分第二节压缩到60字", s, new LlmTestSupport.Recorder(), new TokenMeter()).orElseThrow();
        String prompt = fake.chatRequests().get(0).lastUser();
        // 60 字 for the section, its heading included: the body gets what the heading leaves.
        int heading = d.section("1.2").orElseThrow().heading().length() + 1;
        assertThat(prompt).contains("目标篇幅：" + Math.max(20, 60 - heading) + "字左右").contains("压缩");
    }
}
