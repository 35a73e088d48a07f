package io.shuzhi.llm;

import static io.shuzhi.llm.LlmTestSupport.PARTY;
import static io.shuzhi.llm.LlmTestSupport.PROMPTS;
import static io.shuzhi.llm.LlmTestSupport.props;
import static io.shuzhi.llm.LlmTestSupport.started;
import static io.shuzhi.llm.LlmTestSupport.with;
import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.ChatMessage;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.Refinement.Operation;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.InterviewEngine.Reply;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.OfflineInterviewer;
import io.shuzhi.usage.TokenMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reasoning model's thinking never reaches a frame, the draft, the number guard or the chat memory: {@code <think>}
 * in the content (vLLM, llama.cpp, Ollama) and {@code reasoning_content} (DeepSeek), through LangChain4j's real HTTP
 * client against the fake server's recorded shapes. The thinking carries a number (87) and a marker word (草稿纸) so a
 * leak anywhere shows.
 */
class LlmReasoningTest {
    private static final FakeModelServer fake = new FakeModelServer();
    private static final String THINKING = "草稿纸：用户给了研讨24次，我可以再写全年活动87次，先想想结构。";
    private static final String ANSWER = "一是抓实理论学习，全年开展研讨交流24次，购买发放学习书籍120册，学习氛围更加浓厚。";

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void clean() {
        fake.reset();
    }

    private static LlmModels models(Duration firstToken) {
        return new LlmModels(props(fake.baseUrl(), firstToken, Duration.ofSeconds(5), 2));
    }

    private static InterviewState oneSection() {
        return with(started(), "study", "全年开展研讨交流24次，购买发放学习书籍120册");
    }

    private static Draft draft(LlmModels models, LlmTestSupport.Recorder rec, TokenMeter meter) {
        var w = new LlmDraftWriter(new TemplateDrafter(DRAFT_LEXICON), DRAFT_LEXICON, models, PROMPTS);
        return w.write(PARTY, oneSection(), 1, rec, meter);
    }

    private static void assertClean(String text) {
        assertThat(text).doesNotContain("草稿纸").doesNotContain("87").doesNotContain("think").doesNotContain("【待核实");
    }

    /** Every split of the tags: one character a chunk up to whole. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 9, 200})
    void thinkTagsInContent_splitAnywhere_neverReachAFrameOrTheDraft(int chunk) {
        fake.route(FakeModelServer.thinkInContent(THINKING, ANSWER, chunk));
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-t", 0);
        Draft d = draft(models(Duration.ofSeconds(5)), rec, meter);
        String body = d.section("1.1").orElseThrow().body();
        assertThat(body).isEqualTo(ANSWER);
        assertThat(rec.deltas("1.1")).isEqualTo(ANSWER);
        synchronized (rec.events) {
            rec.events.forEach(LlmReasoningTest::assertClean);
        }
        // Billed: the thinking too (the fake bills every character it streamed).
        String billed = "<think>\n" + THINKING + "\n</think>\n\n" + ANSWER;
        assertThat(meter.output()).isEqualTo(billed.length());
    }

    @Test
    void streamEndingInsideAThink_keepsTheTextBeforeIt() {
        fake.route(FakeModelServer.endsInsideThink(ANSWER, THINKING));
        var rec = new LlmTestSupport.Recorder();
        Draft d = draft(models(Duration.ofSeconds(5)), rec, new TokenMeter());
        assertThat(d.section("1.1").orElseThrow().body()).isEqualTo(ANSWER);
        assertThat(rec.deltas("1.1")).isEqualTo(ANSWER);
    }

    @Test
    void aStreamThatIsAllThinking_isNoText_andIsRetried() {
        fake.script(FakeModelServer.endsInsideThink("", THINKING));
        fake.route(FakeModelServer.text(ANSWER));
        var rec = new LlmTestSupport.Recorder();
        Draft d = draft(models(Duration.ofSeconds(5)), rec, new TokenMeter());
        assertThat(d.section("1.1").orElseThrow().body()).isEqualTo(ANSWER);
        assertThat(fake.chatRequests()).hasSize(2);
    }

    /**
     * DeepSeek's reasoner: reasoning_content is never text, but it is a sign of life — thinking for longer than the
     * first-token watchdog does not time the call out. Usage counts the reasoning tokens the provider bills.
     */
    @Test
    void reasoningContent_isNeverText_butKeepsTheWatchdogsQuiet() {
        fake.route(FakeModelServer.reasoningContent(THINKING, ANSWER, Duration.ofMillis(60)));
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-d", 0);
        // THINKING is 8 pieces x 60 ms ≈ 0.5 s of thinking before the first content token: over the 300 ms watchdog.
        Draft d = draft(models(Duration.ofMillis(300)), rec, meter);
        assertThat(d.section("1.1").orElseThrow().body()).isEqualTo(ANSWER);
        synchronized (rec.events) {
            rec.events.forEach(LlmReasoningTest::assertClean);
        }
        assertThat(fake.chatRequests()).hasSize(1);
        assertThat(meter.output()).isEqualTo(THINKING.length() + ANSWER.length());
    }

    @Test
    void rewrite_withThinkingInContent_changesOnlyByTheAnswer() {
        fake.route(FakeModelServer.thinkInContent(THINKING, ANSWER, 3));
        InterviewState s = oneSection();
        Draft d = new TemplateDrafter(DRAFT_LEXICON).write(PARTY, s, 2, null);
        var rec = new LlmTestSupport.Recorder();
        var r = new LlmSectionRewriter(models(Duration.ofSeconds(5)), PROMPTS, DRAFT_LEXICON);
        Draft next = r.rewrite(PARTY, d,
                new Refinement(Target.of(Scope.SECTION, "1.1"), Operation.EXPAND, null, null, null), "再具体些", s, rec, new TokenMeter())
                .orElseThrow();
        assertThat(next.section("1.1").orElseThrow().body()).isEqualTo(ANSWER);
        assertThat(rec.deltas("1.1")).isEqualTo(ANSWER);
    }

    /** A memory store without Redis. */
    private static final class MapMemory extends RedisChatMemoryStore {
        final Map<Object, List<ChatMessage>> lists = new HashMap<>();

        MapMemory() {
            super(null, Duration.ofHours(1));
        }

        @Override
        public List<ChatMessage> getMessages(Object id) {
            return new ArrayList<>(lists.getOrDefault(id, List.of()));
        }

        @Override
        public void updateMessages(Object id, List<ChatMessage> messages) {
            lists.put(id, List.copyOf(messages));
        }
    }

    @Test
    void interview_thinkingInExtractionAndQuestion_neverShown_checked_orRemembered() {
        String question = "好的，研讨24次记下了。接下来说说“第一议题”：支委会全年学了多少次？";
        fake.script(
                FakeModelServer.thinkInContent("先找数字。{\"facts\":[]} 这不是答案，87次也不是。",
                        FakeModelServer.facts("study", "开展研讨交流24次"), 7),
                FakeModelServer.thinkInContent(THINKING, question, 7));
        var memory = new MapMemory();
        var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models(Duration.ofSeconds(2)), PROMPTS, memory);
        var meter = new TokenMeter("sess-i", 0);
        Reply r = interviewer.answer(PARTY, started(), "m-1", "全年开展研讨交流24次。", meter);
        assertThat(r.changed()).hasSize(1);
        assertThat(r.changed().get(0).text()).isEqualTo("开展研讨交流24次");
        // The model's question, not the plain fallback: the thinking's 87 did not make the guard refuse it.
        assertThat(r.text()).isEqualTo(question);
        List<ChatMessage> kept = memory.getMessages("sess-i");
        assertThat(kept).hasSize(2);
        assertThat(kept.toString()).doesNotContain("草稿纸").doesNotContain("<think>").doesNotContain("87").contains("第一议题");
    }

    @Test
    void interview_reasoningContent_isNotTheReply() {
        String question = "好的，记下了。接下来说说“第一议题”：支委会全年学了多少次？";
        fake.script(FakeModelServer.text(FakeModelServer.facts("study", "开展研讨交流24次")),
                FakeModelServer.reasoningContent(THINKING, question, Duration.ZERO));
        var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models(Duration.ofSeconds(2)), PROMPTS, null);
        var meter = new TokenMeter("sess-j", 0);
        Reply r = interviewer.answer(PARTY, started(), "m-1", "全年开展研讨交流24次。", meter);
        assertThat(r.text()).isEqualTo(question);
    }

    /** The stream filter over every way of cutting one content into chunks of two pieces. */
    @Test
    void filter_everySplitPoint() {
        String content = "前言<think>想87</think>正文一<think>再想</think>正文二</th";
        for (int i = 0; i <= content.length(); i++) {
            var f = new Reasoning.Filter();
            String out = f.feed(content.substring(0, i)) + f.feed(content.substring(i)) + f.finish();
            assertThat(out).as("split at " + i).isEqualTo("前言正文一正文二</th");
        }
        var f = new Reasoning.Filter();
        assertThat(f.feed("答案<thi") + f.feed("nk>还没想完") + f.finish()).isEqualTo("答案");
        assertThat(Reasoning.strip("<think>a</think>\n\n答")).isEqualTo("答");
        assertThat(Reasoning.strip("模板开了头的思考</think>答")).isEqualTo("答");
        assertThat(Reasoning.strip("答<think>没完")).isEqualTo("答");
    }
}
