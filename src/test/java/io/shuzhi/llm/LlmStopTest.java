package io.shuzhi.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 停止生成 while a model writes the draft: the writing stops, no version is stored, and drafting works again after. */
class LlmStopTest extends LlmIntegrationTest {

    @Test
    void stopWhileTheModelWritesTheDraft_endsIt_andKeepsThePreviousVersion() throws Exception {
        var sections = new AtomicInteger();
        var slow = new java.util.concurrent.atomic.AtomicBoolean(true);
        FakeModelServer.Responder normal = LlmConversationTest.model("");
        FAKE.reset().route((req, ex) -> {
            if (req.streaming() && slow.get() && sections.incrementAndGet() >= 2) ex.stall(Duration.ofMillis(800));
            normal.respond(req, ex);
        });
        try (var tab = connect()) {
            tab.hello();
            String id = tab.await("session").path("sessionId").asString();
            tab.reply();
            tab.say("x-0", "机关第一党支部，2025年度");
            tab.reply();
            tab.say("x-1", "全年组织集中学习研讨交流24次，购买发放学习书籍120册。");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            tab.await(f -> f.path("type").asString().equals("draft_section"));
            tab.send("{\"type\":\"stop\"}");
            JsonNode error = tab.await("error");
            assertThat(error.path("code").asString()).isEqualTo("STOPPED");
            assertThat(error.path("message").asString()).contains("已停止生成");
            assertThat(tab.drain(1500)).noneMatch(f -> f.path("type").asString().equals("draft"));
            String state = String.valueOf(redis.opsForHash().get(SessionKeys.state(id), "data"));
            assertThat(state).contains("\"draftVersion\":0").contains("\"generating\":0");

            // A stop that arrives with no draft running is no stop for the next one.
            tab.send("{\"type\":\"stop\"}");
            slow.set(false);
            tab.send("{\"type\":\"generate\"}");
            assertThat(tab.await("draft").path("version").asInt()).isEqualTo(1);
        }
    }
}
