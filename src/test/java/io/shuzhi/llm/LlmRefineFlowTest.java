package io.shuzhi.llm;

import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.interview.NumberParser;
import io.shuzhi.support.WsClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A writer in LLM mode asks for one section to be more concrete after the draft is written: the model rewrites only
 * that section (streamed), from that section's text and facts, and the draft gets a new version where nothing else
 * moved. Also measures what a one-section refinement costs against regenerating the whole draft.
 */
class LlmRefineFlowTest extends LlmIntegrationTest {
    /** Answer → the topic the fake's extraction files it under: facts across the report, as a writer gives them. */
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("全年结合党小组会开展研讨交流24次，购买发放学习书籍120册。", "study");
        ANSWERS.put("支委会会前必学重要讲话精神，全年学习36次48篇。", "first-agenda");
        ANSWERS.put("举办政治轮训班4期，班子成员讲专题党课6次。", "training");
        ANSWERS.put("全年召开支部党员大会6次、支委会14次，组织主题党日12次。", "org-life");
        ANSWERS.put("发展新党员2名，确定入党积极分子3名。", "recruitment");
        ANSWERS.put("签订党风廉政建设责任书28份，开展廉政谈话35人次。", "responsibility");
        ANSWERS.put("组织观看警示教育片5场，参观廉政教育基地1次。", "warning-education");
        ANSWERS.put("围绕预算绩效管理设立党员先锋岗5个，攻坚项目8个。", "integration");
        ANSWERS.put("个别党员理论学习不深，学用结合不够紧密。", "issue-study");
        ANSWERS.put("组织生活有时流于形式，主题党日内容不够丰富。", "issue-org");
        ANSWERS.put("明年将读书班与业务培训结合起来，推动学习往深里走。", "plan-study");
    }

    private static final String REFINE = "第一部分第二节再具体些";

    @BeforeEach
    void script() {
        FAKE.reset();
        FAKE.route(model());
    }

    /**
     * The fake model: extraction files the answer under its topic; the question acknowledges; a section is written from
     * its facts; a rewrite gives the target's text back with one more sentence, as a model fills out a section.
     */
    static FakeModelServer.Responder model() {
        FakeModelServer.Responder sections = LlmTestSupport.sectionWriter("");
        FakeModelServer.Responder rewrites = LlmRewriteTest.rewriter(LlmRewriteTest.MORE);
        return (req, ex) -> {
            String user = req.lastUser();
            if (req.streaming()) {
                (user.contains("改动方式：") ? rewrites : sections).respond(req, ex);
                return;
            }
            if (req.wantsJson()) {
                String text = user.substring(user.lastIndexOf("<writer_text>\n") + 14, user.lastIndexOf("\n</writer_text>"));
                ObjectNode root = FakeModelServer.JSON.createObjectNode();
                ArrayNode facts = root.putArray("facts");
                String statement = text.replaceAll("[。；]+$", "");
                ObjectNode f = facts.addObject().put("topic", ANSWERS.getOrDefault(text, "study")).put("statement", statement);
                ArrayNode nums = f.putArray("numbers");
                NUMBERS.findAll(statement).forEach(q -> nums.add(q.raw()));
                ex.completion(root.toString());
                return;
            }
            ex.completion("好的，这些都记下了。请继续。");
        };
    }

    private static List<JsonNode> framesAfter(WsClient tab, String sayId) {
        List<JsonNode> all = tab.all();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            JsonNode f = all.get(i);
            if (f.path("type").asString().equals("user_message") && sayId.equals(f.path("id").asString())) from = i;
        }
        return new ArrayList<>(all.subList(from, all.size()));
    }

    private static Map<String, JsonNode> sections(JsonNode draft) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : draft.path("sections")) out.put(s.path("ref").asString(), s);
        return out;
    }

    @Test
    void moreConcreteSection_isRewrittenByTheModel_onlyThatSectionChanges() {
        try (var tab = connect()) {
            tab.hello();
            tab.await("session");
            tab.reply();
            tab.say("m-0", "市财政局机关第二党支部，2025年度");
            tab.reply();
            int n = 0;
            for (String answer : ANSWERS.keySet()) {
                tab.say("m-" + (++n), answer);
                tab.reply();
            }
            long outBeforeDraft = tab.await("usage").path("tokensOut").asLong();

            tab.say("m-gen", "生成草稿");
            JsonNode v1 = tab.await("draft");
            tab.reply();
            JsonNode draftUsage = tab.await("usage");
            long outAfterDraft = draftUsage.path("tokensOut").asLong();
            Map<String, JsonNode> before = sections(v1);
            int modelSections = (int) FAKE.chatRequests().stream().filter(FakeModelServer.Request::streaming).count();

            int callsBefore = FAKE.chatRequests().size();
            tab.say("m-refine", REFINE);
            JsonNode v2 = tab.await("draft");
            String summary = tab.reply();
            JsonNode refineUsage = tab.await("usage");
            long outAfterRefine = refineUsage.path("tokensOut").asLong();

            // A new version in which only 1.2 changed, headings and every other section as they were.
            assertThat(v2.path("version").asInt()).isEqualTo(v1.path("version").asInt() + 1);
            Map<String, JsonNode> after = sections(v2);
            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            for (String ref : before.keySet()) {
                assertThat(after.get(ref).path("heading")).isEqualTo(before.get(ref).path("heading"));
                if (ref.equals("1.2")) {
                    assertThat(after.get(ref).path("body").asString()).isNotEqualTo(before.get(ref).path("body").asString())
                            .startsWith(before.get(ref).path("body").asString()).endsWith(LlmRewriteTest.MORE);
                } else {
                    assertThat(after.get(ref)).as(ref).isEqualTo(before.get(ref));
                }
            }
            assertThat(summary).contains("已按要求改写").contains("第" + v2.path("version").asInt() + "版");

            // The page saw 1.2 being rewritten: deltas for 1.2 only, then the finished section, before the draft.
            List<JsonNode> turn = framesAfter(tab, "m-refine");
            List<JsonNode> deltas = turn.stream().filter(f -> f.path("type").asString().equals("draft_delta")).toList();
            assertThat(deltas).isNotEmpty().allSatisfy(f -> assertThat(f.path("ref").asString()).isEqualTo("1.2"));
            assertThat(deltas.stream().map(f -> f.path("text").asString()).reduce("", String::concat))
                    .isEqualTo(after.get("1.2").path("body").asString());
            List<JsonNode> done = turn.stream().filter(f -> f.path("type").asString().equals("draft_section")).toList();
            assertThat(done).hasSize(1);
            assertThat(done.get(0).path("ref").asString()).isEqualTo("1.2");
            int draftAt = turn.indexOf(turn.stream().filter(f -> f.path("type").asString().equals("draft")).findFirst().orElseThrow());
            assertThat(turn.indexOf(deltas.get(0))).isLessThan(draftAt);

            // One model call, with the section's text, its facts and the instruction; not the chat, not other sections.
            var calls = FAKE.chatRequests().subList(callsBefore, FAKE.chatRequests().size());
            assertThat(calls).hasSize(1);
            var call = calls.get(0);
            assertThat(call.json().path("messages").size()).isEqualTo(2);
            String prompt = call.lastUser();
            assertThat(prompt).contains(before.get("1.2").path("body").asString()).contains("支委会14次")
                    .contains("发展新党员2名").contains(REFINE);
            for (String ref : List.of("1.1", "1.3", "1.4", "2")) {
                assertThat(prompt).doesNotContain(before.get(ref).path("body").asString());
            }
            assertThat(prompt).doesNotContain("研讨交流24次").doesNotContain("责任书28份").doesNotContain("好的，这些都记下了")
                    .doesNotContain("市财政局机关第二党支部，2025年度").doesNotContain("生成草稿");

            // Cost: one section refined vs the whole draft regenerated, in the fake's output tokens.
            tab.say("m-regen", "生成草稿");
            tab.await("draft");
            tab.reply();
            long outAfterRegen = tab.await("usage").path("tokensOut").asLong();
            long refineOut = outAfterRefine - outAfterDraft;
            long regenOut = outAfterRegen - outAfterRefine;
            double ratio = (double) refineOut / regenOut;
            System.out.printf("refine 1.2: %d output tokens; whole draft (%d model-written sections): %d first, %d "
                            + "regenerated; ratio %.3f%n", refineOut, modelSections, outAfterDraft - outBeforeDraft,
                    regenOut, ratio);
            System.out.printf("refine 1.2 input: %d tokens (prompt of %d characters)%n",
                    refineUsage.path("tokensIn").asLong() - draftUsage.path("tokensIn").asLong(), prompt.length());
            assertThat(refineOut).isPositive();
            assertThat(ratio).isLessThanOrEqualTo(0.3);
        }
    }
}
