package io.shuzhi.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.llm.ProviderStreams.Said;
import io.shuzhi.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Provider quirks as a writer meets them in the whole app (real WebSocket, real Redis, LangChain4j's real HTTP client
 * against the fake server's recorded shapes): a stream without usage, a 200 with an empty stream.
 */
class LlmProviderAppTest extends LlmIntegrationTest {
    private static final String SECTION = "一是抓实理论学习，全年开展研讨交流24次，购买发放学习书籍120册，学习氛围更加浓厚。";
    private static final List<String> ANSWERS = List.of(
            "全年结合党小组会开展研讨交流24次，购买发放学习书籍120册。",
            "支委会会前必学重要讲话精神，全年学习36次48篇。");

    @BeforeEach
    void script() {
        FAKE.reset();
        FAKE.route(LlmConversationTest.model(""));
    }

    /** The interview's calls answered by the conversation test's fake model, sections by {@code sections}. */
    private static FakeModelServer.Responder streamingBy(FakeModelServer.Responder sections) {
        FakeModelServer.Responder plain = LlmConversationTest.model("");
        return (req, ex) -> (req.streaming() ? sections : plain).respond(req, ex);
    }

    private static String interview(WsClient tab) {
        tab.hello();
        String id = tab.await("session").path("sessionId").asString();
        tab.reply();
        tab.say("m-0", "市财政局机关第二党支部，2025年度");
        tab.reply();
        for (int i = 0; i < ANSWERS.size(); i++) {
            tab.say("m-" + (i + 1), ANSWERS.get(i));
            tab.reply();
        }
        return id;
    }

    @Test
    void ollamaStreamsNoUsage_theTokensAreEstimated_andTheSessionSaysHowMany() {
        try (var tab = connect()) {
            String id = interview(tab);
            JsonNode before = tab.await("usage");
            // The interview's non-streaming calls carried the provider's usage: nothing estimated yet.
            assertThat(before.path("tokensEstimated").asLong()).isZero();
            FAKE.route(streamingBy(ProviderStreams.ollama(req -> new Said("草稿纸：先想想结构。", SECTION))));
            tab.say("m-gen", "生成草稿");
            JsonNode draft = tab.await("draft");
            JsonNode usage = tab.await("usage");
            assertThat(draft.path("text").asString()).contains(SECTION).doesNotContain("草稿纸");
            long added = usage.path("tokensIn").asLong() + usage.path("tokensOut").asLong()
                    - before.path("tokensIn").asLong() - before.path("tokensOut").asLong();
            // Every token of the draft's calls was estimated, and none of the interview's.
            assertThat(added).isPositive();
            assertThat(usage.path("tokensEstimated").asLong()).isEqualTo(added);

            try (var other = connect()) {
                other.hello(id, null);
                JsonNode session = other.await("session");
                assertThat(session.path("tokensEstimated").asLong()).isEqualTo(added);
                assertThat(session.path("tokensIn").asLong()).isEqualTo(usage.path("tokensIn").asLong());
            }
        }
    }

    @Test
    void aStreamWithNothingInIt_whileDrafting_isAnErrorTheWriterCanRead_andNothingIsLost() {
        try (var tab = connect()) {
            String id = interview(tab);
            FAKE.route(streamingBy(FakeModelServer.text(SECTION)));
            tab.say("m-gen", "生成草稿");
            JsonNode first = tab.await("draft");
            tab.reply();

            FAKE.route(streamingBy(ProviderStreams.emptyStream()));
            tab.send("{\"type\":\"generate\"}");
            JsonNode error = tab.await("error");
            assertThat(error.path("code").asString()).isEqualTo("MODEL_BAD_OUTPUT");
            assertThat(error.path("retryable").asBoolean()).isTrue();
            assertThat(error.path("message").asString()).contains("没有返回任何内容").contains("事实和之前的草稿都还在")
                    .doesNotContain("Exception").doesNotContain("http");

            // A fresh tab finds the facts and the draft as they were.
            try (var other = connect()) {
                other.hello(id, null);
                JsonNode session = other.await("session");
                assertThat(session.path("facts").toString()).contains("24次").contains("120册").contains("36次");
                assertThat(session.path("draft").path("version").asInt()).isEqualTo(first.path("version").asInt());
                assertThat(session.path("versions").path("latest").asInt()).isEqualTo(first.path("version").asInt());
                assertThat(session.path("draft").toString()).contains("研讨交流24次");
            }

            // And the writer's retry works once the model answers again.
            FAKE.route(streamingBy(FakeModelServer.text(SECTION)));
            tab.send("{\"type\":\"generate\"}");
            JsonNode second = tab.await("draft");
            assertThat(second.path("version").asInt()).isEqualTo(first.path("version").asInt() + 1);
        }
    }
}
