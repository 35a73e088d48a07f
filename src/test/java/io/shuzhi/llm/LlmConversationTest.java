package io.shuzhi.llm;

import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.interview.NumberParser;
import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.WsClient;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A writer talks to Shuzhi in LLM mode over a real WebSocket: the model (a fake OpenAI-compatible server reached
 * through LangChain4j's real HTTP client) extracts facts, asks the questions and streams the draft section by section.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmConversationTest extends LlmIntegrationTest {
    private static final Pattern CURRENT = Pattern.compile("刚才问的是：([a-z0-9-]+)（");
    private static final Pattern NEXT_Q = Pattern.compile("下一步要问的问题：(.+)");

    private static final List<String> ANSWERS = List.of(
            "全年结合党小组会开展研讨交流24次，购买发放学习书籍120册。",
            "支委会会前必学重要讲话精神，全年学习36次48篇。",
            "举办政治轮训班4期，班子成员讲专题党课6次。");

    @BeforeEach
    void script() {
        FAKE.reset();
        FAKE.route(model(""));
    }

    /**
     * The fake model: extraction puts the whole answer under the topic being asked about; the question acknowledges
     * and asks what the prompt says; a section is written from the facts in its prompt, plus {@code extra}.
     */
    static FakeModelServer.Responder model(String extra) {
        FakeModelServer.Responder sections = LlmTestSupport.sectionWriter(extra);
        return (req, ex) -> {
            if (req.streaming()) {
                sections.respond(req, ex);
                return;
            }
            String user = req.lastUser();
            if (req.wantsJson()) {
                Matcher m = CURRENT.matcher(user);
                String text = between(user, "<writer_text>\n", "\n</writer_text>").replaceAll("[。；]+$", "");
                ObjectNode root = FakeModelServer.JSON.createObjectNode();
                ArrayNode facts = root.putArray("facts");
                ObjectNode f = facts.addObject().put("topic", m.find() ? m.group(1) : "study").put("statement", text);
                ArrayNode nums = f.putArray("numbers");
                NUMBERS.findAll(text).forEach(q -> nums.add(q.raw()));
                ex.completion(root.toString());
                return;
            }
            Matcher q = NEXT_Q.matcher(user);
            ex.completion("好的，这些都记下了。" + (q.find() ? "再问一下：" + q.group(1).strip() : ""));
        };
    }

    private static String between(String s, String a, String b) {
        int i = s.lastIndexOf(a);
        int j = s.lastIndexOf(b);
        return i >= 0 && j > i ? s.substring(i + a.length(), j) : "";
    }

    private String interview(WsClient tab) {
        tab.hello();
        JsonNode session = tab.await("session");
        assertThat(session.path("engine").asString()).isEqualTo(FakeModelServer.MODEL);
        String id = session.path("sessionId").asString();
        assertThat(tab.reply()).doesNotContain("离线");
        tab.say("m-0", "市财政局机关第二党支部，2025年度");
        tab.reply();
        for (int i = 0; i < ANSWERS.size(); i++) {
            tab.say("m-" + (i + 1), ANSWERS.get(i));
            assertThat(tab.reply()).startsWith("好的，这些都记下了。再问一下：");
        }
        return id;
    }

    @Test
    void aWholeConversation_toAStreamedDraft_throughTheModel(CapturedOutput output) {
        try (var tab = connect()) {
            String id = interview(tab);
            tab.say("m-gen", "生成草稿");
            JsonNode draft = tab.await("draft");
            String text = draft.path("text").asString();
            String summary = tab.reply();
            JsonNode usage = tab.await("usage");
            System.out.println(text);
            System.out.println("report tokens in/out (whole session): " + usage.path("tokensIn").asLong() + "/"
                    + usage.path("tokensOut").asLong() + " over " + FAKE.chatRequests().size() + " model calls");

            // The page saw the draft grow: deltas, then each section, with progress.
            List<JsonNode> frames = tab.all();
            List<JsonNode> deltas = frames.stream().filter(f -> f.path("type").asString().equals("draft_delta")).toList();
            List<JsonNode> sections = frames.stream().filter(f -> f.path("type").asString().equals("draft_section")).toList();
            List<JsonNode> progress = frames.stream().filter(f -> f.path("type").asString().equals("progress")).toList();
            int total = draft.path("sections").size();
            assertThat(sections).hasSize(total);
            assertThat(progress).hasSize(total);
            assertThat(sections).extracting(f -> f.path("step").asInt())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, total).boxed().toList());
            assertThat(deltas).extracting(f -> f.path("ref").asString()).contains("1.1");
            assertThat(frames.indexOf(deltas.get(0))).isLessThan(frames.indexOf(draft));

            // Every number of the writer, nothing else; sections without facts keep their placeholders.
            for (String n : List.of("24次", "120册", "36次", "48篇", "4期", "6次")) assertThat(text).contains(n);
            assertThat(text).contains("【待补充：").doesNotContain("【待核实");
            assertThat(text).contains("一、履职情况及成效").contains("现将有关情况报告如下：");
            assertThat(summary).contains("草稿已生成");
            assertThat(usage.path("tokensIn").asLong()).isPositive();
            assertThat(usage.path("tokensOut").asLong()).isPositive();

            // What the model was told: the section prompts carry the outline and the facts.
            var sectionCalls = FAKE.chatRequests().stream().filter(FakeModelServer.Request::streaming).toList();
            assertThat(sectionCalls).isNotEmpty();
            assertThat(sectionCalls).anySatisfy(r -> assertThat(r.lastUser())
                    .contains("三、下步工作举措").contains("研讨交流24次").contains("<writer_text>"));
            var extraction = FAKE.chatRequests().stream().filter(FakeModelServer.Request::wantsJson).toList();
            assertThat(extraction).hasSize(ANSWERS.size());

            // Redis: tokens in the session state, the interview's memory under the session's hash tag.
            String state = (String) redis.opsForHash().get(SessionKeys.state(id), "data");
            assertThat(state).contains("\"tokensIn\":" + usage.path("tokensIn").asLong());
            List<String> memory = redis.opsForList().range(SessionKeys.memory(id), 0, -1);
            assertThat(memory).hasSize(2 * ANSWERS.size());
            assertThat(memory.get(0)).contains("<writer_text>").contains("研讨交流24次");
            assertThat(redis.getExpire(SessionKeys.memory(id))).isPositive();
            // The last question call saw the earlier exchanges.
            var questions = FAKE.chatRequests().stream().filter(r -> !r.streaming() && !r.wantsJson()).toList();
            assertThat(questions.get(questions.size() - 1).json().path("messages").size()).isEqualTo(2 + 2 * (ANSWERS.size() - 1));

            // The key went to the model and nowhere else.
            assertThat(FAKE.chatRequests().get(0).headers().get("authorization")).contains(LlmTestSupport.KEY);
            assertThat(frames.toString()).doesNotContain(LlmTestSupport.KEY);
            assertThat(output.getAll()).doesNotContain(LlmTestSupport.KEY);
        }
    }

    @Test
    void aNumberTheModelInvented_isFlaggedInTheDraft_neverShownBare() {
        try (var tab = connect()) {
            interview(tab);
            FAKE.route(model("全年共开展主题活动87次。"));
            tab.say("m-gen", "生成草稿");
            JsonNode draft = tab.await("draft");
            String text = draft.path("text").asString();
            String summary = tab.reply();
            assertThat(text).contains("【待核实：原文“87次”】");
            assertThat(text.replaceAll("【[^】]*】", "")).doesNotContain("87");
            String shown = tab.all().stream().filter(f -> f.path("type").asString().startsWith("draft"))
                    .map(JsonNode::toString).reduce("", String::concat);
            assertThat(shown.replaceAll("【[^】]*】", "")).doesNotContain("87次");
            assertThat(summary).contains("【待核实】");
        }
    }

    @Test
    void wrongKey_whileDrafting_isAnErrorFrameTheWriterCanRead() {
        try (var tab = connect()) {
            interview(tab);
            FAKE.route(FakeModelServer.status(401));
            tab.send("{\"type\":\"generate\"}");
            JsonNode error = tab.await("error");
            assertThat(error.path("code").asString()).isEqualTo("MODEL_AUTH");
            assertThat(error.path("retryable").asBoolean()).isFalse();
            assertThat(error.path("message").asString()).contains("密钥").doesNotContain(LlmTestSupport.KEY);
        }
    }

    @Test
    void modelDownTwice_whileDrafting_isARetryableError() {
        try (var tab = connect()) {
            interview(tab);
            FAKE.route(FakeModelServer.status(500));
            tab.send("{\"type\":\"generate\"}");
            JsonNode error = tab.await("error");
            assertThat(error.path("code").asString()).isEqualTo("MODEL_UNAVAILABLE");
            assertThat(error.path("retryable").asBoolean()).isTrue();
        }
    }

    @Test
    void modelDown_duringTheInterview_theTurnStillWorks() {
        try (var tab = connect()) {
            tab.hello();
            tab.await("session");
            tab.reply();
            tab.say("m-0", "市财政局机关第二党支部，2025年度");
            tab.reply();
            FAKE.route(FakeModelServer.status(500));
            tab.say("m-1", ANSWERS.get(0));
            String reply = tab.reply();
            assertThat(reply).contains("24次");
            JsonNode facts = tab.all().stream().filter(f -> f.path("type").asString().equals("facts"))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(facts.toString()).contains("24次").contains("120册");
        }
    }

    @Test
    void aStallMidSection_keepsTheTextAndSaysSo() {
        try (var tab = connect()) {
            interview(tab);
            FAKE.route((req, ex) -> {
                if (!req.streaming()) {
                    ex.completion("好的。");
                    return;
                }
                ex.chunk("一是抓实工作，全年开展研讨交流24次。");
                ex.stall(java.time.Duration.ofSeconds(3));
            });
            tab.say("m-gen", "生成草稿");
            JsonNode draft = tab.await(f -> "draft".equals(f.path("type").asString()));
            assertThat(draft.path("text").asString()).contains("全年开展研讨交流24次。【生成中断：");
        }
    }
}
