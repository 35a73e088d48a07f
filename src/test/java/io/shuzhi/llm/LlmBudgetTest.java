package io.shuzhi.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** When all sessions together have used today's tokens, drafting with the model is refused in plain words. */
class LlmBudgetTest extends LlmIntegrationTest {

    @Test
    void dailyBudgetUsedUp_draftingIsRefused_andTheInterviewGoesOn() {
        String key = SessionKeys.tokensOfDay(LocalDate.now(ZoneOffset.UTC).toString());
        String before = redis.opsForValue().get(key);
        FAKE.reset().route(LlmTestSupport.sectionWriter(""));
        try (var tab = connect()) {
            tab.hello();
            tab.await("session");
            tab.reply();
            tab.say("b-0", "机关第一党支部，2025年度");
            tab.reply();
            redis.opsForValue().set(key, Long.toString(Long.MAX_VALUE / 2));
            tab.say("b-1", "全年组织集中学习研讨交流24次。");
            assertThat(tab.reply()).isNotBlank(); // answered by the rules
            tab.send("{\"type\":\"generate\"}");
            JsonNode error = tab.await("error");
            assertThat(error.path("code").asString()).isEqualTo("TOKEN_BUDGET");
            assertThat(error.path("message").asString()).contains("今天");
        } finally {
            if (before == null) redis.delete(key);
            else redis.opsForValue().set(key, before);
        }
    }
}
