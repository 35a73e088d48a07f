package io.shuzhi.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.ShuzhiApplication;
import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.WsClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * While a model writes the draft on one instance, the writer's other tab, on another instance, adds a fact: the
 * draft still lands (its turn goes on from the newer state instead of failing on the lost race), and the fact added
 * meanwhile is kept.
 */
class CrossInstanceDraftTest extends LlmIntegrationTest {

    @Test
    void factAddedOnAnotherInstanceDuringAStreamedDraft_bothSurvive() throws Exception {
        var sections = new AtomicInteger();
        FakeModelServer.Responder normal = LlmConversationTest.model("");
        FAKE.reset().route((req, ex) -> {
            // Sections take a while, so the other tab's message lands in the middle of the draft.
            if (req.streaming() && sections.incrementAndGet() >= 2) ex.stall(Duration.ofMillis(800)); // under the 1 s first-token watchdog
            normal.respond(req, ex);
        });
        try (var other = new SpringApplicationBuilder(ShuzhiApplication.class)
                .run("--server.port=0", "--shuzhi.redis.embedded-dir=target/embedded-redis");
             var tab = connect()) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            tab.hello();
            String id = tab.await("session").path("sessionId").asString();
            tab.reply();
            tab.say("x-0", "机关第一党支部，2025年度");
            tab.reply();
            tab.say("x-1", "全年组织集中学习研讨交流24次，购买发放学习书籍120册。");
            tab.reply();
            tab.say("x-2", "支委会全年学习重要讲话精神36次。");
            tab.reply();
            for (int i = 0; i < 6; i++) { // skip to 第一部分（二）
                tab.say("s-" + i, "跳过");
                tab.reply();
            }
            tab.say("x-4", "召开支部党员大会6次、支委会12次。");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            // The first model-written section is in; the next one is still being written.
            tab.await(f -> f.path("type").asString().equals("draft_section") && f.path("ref").asString().equals("1.1"));
            assertThat(sections.get()).isGreaterThanOrEqualTo(2);

            try (var second = WsClient.connect(otherPort)) {
                second.hello(id, null);
                second.await("session");
                second.say("x-3", "举办政治轮训班4期。");
                // The message may be answered only once the streamed draft is done (12 sections, most held 0.8 s by
                // the fake model): what this test asks is that both survive, not how soon.
                second.await(f -> f.path("type").asString().equals("user_message")
                        && f.path("id").asString().equals("x-3"), Duration.ofSeconds(40));
            }

            JsonNode draft = tab.await("draft");
            assertThat(draft.path("version").asInt()).isEqualTo(1);
            assertThat(tab.reply()).contains("草稿已生成");
            String state = String.valueOf(redis.opsForHash().get(SessionKeys.state(id), "data"));
            assertThat(state).contains("\"draftVersion\":1").contains("\"generating\":0");
            assertThat(redis.opsForHash().values(SessionKeys.facts(id)).toString()).contains("举办政治轮训班4期");
            // Every frame of both instances is in the log once, numbered without gaps.
            long logged = redis.opsForStream().size(SessionKeys.events(id));
            assertThat(state).contains("\"seq\":" + logged);
        }
    }
}
