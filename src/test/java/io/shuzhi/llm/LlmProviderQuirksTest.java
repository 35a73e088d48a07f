package io.shuzhi.llm;

import static io.shuzhi.llm.LlmTestSupport.PARTY;
import static io.shuzhi.llm.LlmTestSupport.PROMPTS;
import static io.shuzhi.llm.LlmTestSupport.props;
import static io.shuzhi.llm.LlmTestSupport.started;
import static io.shuzhi.llm.LlmTestSupport.with;
import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewEngine.Reply;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.OfflineInterviewer;
import io.shuzhi.llm.FakeModelServer.Request;
import io.shuzhi.llm.ProviderStreams.Said;
import io.shuzhi.usage.TokenMeter;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The providers people run, each as its recorded stream in the fake server ({@link ProviderStreams}), through
 * LangChain4j's real HTTP client and the app's own model code: the drafter's streamed sections and the interview's
 * extraction and question. Thinking carries a number (87) and a marker (草稿纸) so a leak anywhere shows.
 */
class LlmProviderQuirksTest {
    private static final FakeModelServer fake = new FakeModelServer();
    private static final String THINKING = "草稿纸：用户给了研讨24次，我可以再写全年活动87次，先想想结构。";
    private static final String ANSWER = "一是抓实理论学习，全年开展研讨交流24次，购买发放学习书籍120册，学习氛围更加浓厚。";
    private static final String WRITER = "我们支部今年结合党小组会组织大家研讨交流了24次，还买了学习书籍120册发给党员。";
    /** The model's wording of the writer's fact: the rules would never write it this way. */
    private static final String MODEL_FACT = "结合党小组会开展研讨交流24次，购买发放学习书籍120册";
    private static final String QUESTION = "好的，研讨24次、书籍120册都记下了。接下来说说“第一议题”：支委会全年学了多少次？";

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void clean() {
        fake.reset();
    }

    private static LlmModels models(String extraBody) {
        return new LlmModels(props(fake.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(5), 2).withExtraBody(extraBody));
    }

    private static InterviewState oneSection() {
        return with(started(), "study", "全年开展研讨交流24次，购买发放学习书籍120册");
    }

    private static Draft draft(LlmModels models, LlmTestSupport.Recorder rec, TokenMeter meter) {
        var w = new LlmDraftWriter(new TemplateDrafter(DRAFT_LEXICON), DRAFT_LEXICON, models, PROMPTS);
        return w.write(PARTY, oneSection(), 1, rec, meter);
    }

    /** A section is written (streamed); extraction gets the facts JSON; the question gets the question. */
    private static Function<Request, Said> writer(Function<String, String> jsonWrap) {
        return req -> {
            if (req.streaming()) return new Said(THINKING, ANSWER);
            if (req.lastUser().contains("话题清单")) {
                return new Said(THINKING, jsonWrap.apply(FakeModelServer.facts("study", MODEL_FACT)));
            }
            return new Said(THINKING, QUESTION);
        };
    }

    private static Function<Request, Said> writer() {
        return writer(Function.identity());
    }

    private static void assertClean(LlmTestSupport.Recorder rec, Draft d) {
        assertThat(d.section("1.1").orElseThrow().body()).isEqualTo(ANSWER);
        assertThat(rec.deltas("1.1")).isEqualTo(ANSWER);
        synchronized (rec.events) {
            assertThat(String.join("\n", rec.events)).doesNotContain("草稿纸").doesNotContain("87")
                    .doesNotContain("think").doesNotContain("【待核实");
        }
    }

    private static Request onlyStreamed() {
        List<Request> streamed = fake.chatRequests().stream().filter(Request::streaming).toList();
        assertThat(streamed.size()).isEqualTo(1);
        return streamed.get(0);
    }

    private static Reply answer(LlmInterviewer interviewer, InterviewState state, String id, TokenMeter meter) {
        return interviewer.answer(PARTY, state, id, WRITER, meter);
    }

    // ---- DeepSeek ---------------------------------------------------------------------------------------------------

    @Test
    void deepSeekReasoner_thinkingIsNeverText_andTheUsageOfTheLastChunkIsWhatIsCounted() {
        fake.route(ProviderStreams.deepSeekReasoner(writer()));
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-ds", 0);
        assertClean(rec, draft(models(""), rec, meter));
        Request call = onlyStreamed();
        assertThat(meter.input()).isEqualTo(call.prompt().length());
        assertThat(meter.output()).isEqualTo(THINKING.length() + ANSWER.length());
        assertThat(meter.estimated()).isZero();
    }

    // ---- Qwen on DashScope compatible mode -------------------------------------------------------------------------

    @Test
    void dashScope_streamedUsageComes_becauseStreamOptionsIsSent_andThinkingStaysOut() {
        fake.route(ProviderStreams.dashScopeQwen3(writer()));
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-qw", 0);
        assertClean(rec, draft(models(""), rec, meter));
        Request call = onlyStreamed();
        assertThat(call.json().path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(meter.input()).isEqualTo(call.prompt().length());
        assertThat(meter.output()).isEqualTo(THINKING.length() + ANSWER.length());
        assertThat(meter.estimated()).isZero();
    }

    @Test
    void dashScope_withoutEnableThinkingFalse_refusesTheInterviewsCalls_andTheRulesAnswer() {
        fake.route(ProviderStreams.dashScopeQwen3(writer()));
        LlmModels models = models("");
        var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models, PROMPTS, null);
        Reply r = answer(interviewer, started(), "m-1", new TokenMeter());
        Reply rules = new OfflineInterviewer(LEXICON).answer(PARTY, started(), "m-1", WRITER);
        // Refused with and without response_format: not a JSON-mode problem, so nothing is remembered; the question
        // is refused too, and the kind's own question is asked.
        assertThat(fake.chatRequests()).extracting(Request::wantsJson).containsExactly(true, false, false);
        assertThat(models.jsonModeRefused()).isFalse();
        assertThat(r.text()).isEqualTo(rules.text()).doesNotContain("enable_thinking");
        assertThat(r.changed()).extracting(Fact::text).containsExactlyElementsOf(
                rules.changed().stream().map(Fact::text).toList());
    }

    @Test
    void dashScope_enableThinkingFalseFromExtraBody_isSentWithEveryCall_andTheModelInterviews() {
        fake.route(ProviderStreams.dashScopeQwen3(writer()));
        LlmModels models = models("{\"enable_thinking\": false}");
        var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models, PROMPTS, null);
        var meter = new TokenMeter();
        Reply r = answer(interviewer, started(), "m-1", meter);
        assertThat(r.changed()).extracting(Fact::text).containsExactly(MODEL_FACT);
        assertThat(r.text()).isEqualTo(QUESTION);
        var rec = new LlmTestSupport.Recorder();
        assertClean(rec, draft(models, rec, meter));
        assertThat(fake.chatRequests().size()).isEqualTo(3);
        assertThat(fake.chatRequests()).allSatisfy(req -> {
            assertThat(req.json().path("enable_thinking").isBoolean()).isTrue();
            assertThat(req.json().path("enable_thinking").asBoolean()).isFalse();
        });
        assertThat(meter.estimated()).isZero();
    }

    // ---- Ollama ----------------------------------------------------------------------------------------------------

    @Test
    void ollama_noUsageInTheStream_isEstimated_andSaysSo_neverZero() {
        fake.route(ProviderStreams.ollama(writer()));
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-ol", 0);
        assertClean(rec, draft(models(""), rec, meter));
        Request call = onlyStreamed();
        assertThat(meter.estimated()).isEqualTo(meter.input() + meter.output());
        // The estimate lands near what a Chinese tokenizer counts (about one token per character here).
        int promptChars = call.prompt().length();
        assertThat(meter.input()).isBetween(promptChars / 2L, (long) promptChars);
        String streamed = "<think>\n" + THINKING + "\n</think>\n\n" + ANSWER;
        assertThat(meter.output()).isBetween(streamed.length() * 3L / 4, (long) streamed.length());
    }

    @Test
    void ollama_nonStreamingCallsCarryUsage_soTheInterviewIsNotEstimated() {
        fake.route(ProviderStreams.ollama(writer()));
        var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models(""), PROMPTS, null);
        var meter = new TokenMeter();
        Reply r = answer(interviewer, started(), "m-1", meter);
        assertThat(r.changed()).extracting(Fact::text).containsExactly(MODEL_FACT);
        assertThat(r.text()).isEqualTo(QUESTION);
        assertThat(meter.input()).isPositive();
        assertThat(meter.estimated()).isZero();
    }

    // ---- vLLM and llama.cpp: <think> in the content -----------------------------------------------------------------

    @Test
    void vllm_thinkInContent_neverReachesTheDraft_andItsUsageChunkIsCounted() {
        fake.route(ProviderStreams.vllm(writer()));
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-vl", 0);
        assertClean(rec, draft(models(""), rec, meter));
        Request call = onlyStreamed();
        assertThat(meter.input()).isEqualTo(call.prompt().length());
        assertThat(meter.output()).isEqualTo(("<think>\n" + THINKING + "\n</think>\n\n" + ANSWER).length());
        assertThat(meter.estimated()).isZero();
    }

    @Test
    void llamaCpp_thinkInContent_neverReachesTheDraft_andTheUsageBesideItsTimingsIsCounted() {
        fake.route(ProviderStreams.llamaCpp(writer()));
        var rec = new LlmTestSupport.Recorder();
        var meter = new TokenMeter("sess-lc", 0);
        assertClean(rec, draft(models(""), rec, meter));
        assertThat(meter.output()).isEqualTo(("<think>\n" + THINKING + "\n</think>\n\n" + ANSWER).length());
        assertThat(meter.estimated()).isZero();
    }

    @Test
    void vllmAndLlamaCpp_interview_thinkingNeitherInTheFactsNorInTheQuestion() {
        for (FakeModelServer.Responder shape : List.of(ProviderStreams.vllm(writer()), ProviderStreams.llamaCpp(writer()))) {
            fake.reset().route(shape);
            var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models(""), PROMPTS, null);
            Reply r = answer(interviewer, started(), "m-1", new TokenMeter());
            assertThat(r.changed()).extracting(Fact::text).containsExactly(MODEL_FACT);
            assertThat(r.text()).isEqualTo(QUESTION);
        }
    }

    // ---- response_format refused --------------------------------------------------------------------------------------

    @Test
    void responseFormatRefusedWith400_extractionAsksByInstructions_readsTheFencedAnswer_andRemembers() {
        fake.route(ProviderStreams.refusesJsonObject(writer(ProviderStreams::fenced)));
        LlmModels models = models("");
        var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models, PROMPTS, null);

        Reply first = answer(interviewer, started(), "m-1", new TokenMeter());
        assertThat(first.changed()).extracting(Fact::text).containsExactly(MODEL_FACT);
        assertThat(first.text()).isEqualTo(QUESTION);
        List<Request> calls = fake.chatRequests();
        assertThat(calls).extracting(Request::wantsJson).containsExactly(true, false, false);
        assertThat(calls.get(1).lastUser()).contains("只输出一个 JSON 对象");
        assertThat(models.jsonModeRefused()).isTrue();

        // The next answer does not ask with response_format again: one extraction call, not two.
        fake.reset().route(ProviderStreams.refusesJsonObject(writer(ProviderStreams::fenced)));
        Reply second = answer(interviewer, started(), "m-2", new TokenMeter());
        assertThat(second.changed()).extracting(Fact::text).containsExactly(MODEL_FACT);
        assertThat(fake.chatRequests()).extracting(Request::wantsJson).containsExactly(false, false);
    }

    @Test
    void a400ThatIsNotAboutResponseFormat_isNotRemembered_andTheRulesAnswer() {
        fake.route(FakeModelServer.status(400));
        LlmModels models = models("");
        var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models, PROMPTS, null);
        Reply r = answer(interviewer, started(), "m-1", new TokenMeter());
        assertThat(fake.chatRequests()).extracting(Request::wantsJson).containsExactly(true, false, false);
        assertThat(models.jsonModeRefused()).isFalse();
        assertThat(r.text()).isEqualTo(new OfflineInterviewer(LEXICON).answer(PARTY, started(), "m-1", WRITER).text());
    }

    // ---- JSON in fences ------------------------------------------------------------------------------------------------

    @Test
    void jsonInAFenceWithASentenceAround_isRead_whenTheServerIgnoresResponseFormat() {
        fake.route((req, ex) -> ex.completion(req.lastUser().contains("话题清单")
                ? ProviderStreams.fenced(FakeModelServer.facts("study", MODEL_FACT)) : QUESTION));
        var interviewer = new LlmInterviewer(new OfflineInterviewer(LEXICON), LEXICON, models(""), PROMPTS, null);
        Reply r = answer(interviewer, started(), "m-1", new TokenMeter());
        assertThat(r.changed()).extracting(Fact::text).containsExactly(MODEL_FACT);
        assertThat(fake.chatRequests().get(0).wantsJson()).isTrue();
    }

    @Test
    void extraBodyThatIsNotAJsonObject_isRefusedAtBinding_namingTheSetting() {
        var p = props(fake.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(5), 2);
        for (String bad : List.of("enable_thinking=false", "[1,2]", "{\"enable_thinking\": false")) {
            assertThatThrownBy(() -> p.withExtraBody(bad)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SHUZHI_LLM_EXTRA_BODY");
        }
        assertThat(LlmModels.extraBody("{\"chat_template_kwargs\":{\"enable_thinking\":false}}"))
                .containsOnlyKeys("chat_template_kwargs");
        assertThat(LlmModels.extraBody(" ")).isEmpty();
    }

    // ---- a 200 with nothing in it ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"no event at all", "only [DONE]"})
    void aStreamWithNothingInIt_isRetriedOnce_thenAMessageTheWriterCanRead(String shape) {
        fake.route(shape.startsWith("no") ? ProviderStreams.emptyStream() : ProviderStreams.onlyDone());
        var rec = new LlmTestSupport.Recorder();
        assertThatThrownBy(() -> draft(models(""), rec, new TokenMeter()))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_OUTPUT);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.chineseMessage()).contains("没有返回任何内容").contains("事实和之前的草稿都还在");
                });
        assertThat(fake.chatRequests().size()).isEqualTo(2);
        assertThat(rec.deltas("1.1")).isEmpty();
    }
}
