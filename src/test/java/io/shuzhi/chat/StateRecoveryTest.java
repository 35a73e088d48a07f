package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** No message can leave a session that cannot be read, and a state damaged anyway is recovered, never INTERNAL. */
class StateRecoveryTest extends IntegrationTest {
    private static final String HUGE = "9".repeat(1001);

    private static boolean isError(JsonNode f) {
        return f.path("type").asString().equals("error");
    }

    @Test
    void aThousandDigitFigureIsKeptAsTextAndTheSessionGoesOn() {
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            tab.say("m-2", "发展党员" + HUGE);
            JsonNode end = tab.await(f -> isError(f) || f.path("type").asString().equals("assistant_end"));
            assertThat(end.path("type").asString()).isEqualTo("assistant_end");
            tab.say("m-3", "全年组织集中学习研讨交流24次。");
            end = tab.await(f -> isError(f) || f.path("type").asString().equals("assistant_end"));
            assertThat(end.path("type").asString()).isEqualTo("assistant_end");
        }
        try (var back = connect()) {
            back.hello(id, null);
            JsonNode snapshot = back.await(f -> true);
            assertThat(snapshot.path("type").asString()).isEqualTo("session");
            assertThat(snapshot.path("facts").toString()).contains("24次").contains(HUGE.substring(0, 50));
            back.say("m-4", "到哪了");
            assertThat(back.await(f -> isError(f) || f.path("type").asString().equals("assistant_end"))
                    .path("type").asString()).isEqualTo("assistant_end");
        }
    }

    @Test
    void aStateDamagedInRedisIsRecoveredFromItsPreviousRevision() {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            tab.say("m-2", "全年组织集中学习研讨交流24次。");
            tab.reply();
            // What an older version stored: a quantity Jackson refuses to read back.
            String data = (String) redis.opsForHash().get(SessionKeys.state(id), "data");
            assertThat(redis.opsForHash().get(SessionKeys.state(id), "prev")).isNotNull();
            redis.opsForHash().put(SessionKeys.state(id), "data", data.replace("\"value\":24", "\"value\":" + HUGE));
            assertThat((String) redis.opsForHash().get(SessionKeys.state(id), "data")).contains(HUGE);

            tab.say("m-3", "购买发放学习书籍120册。");
            JsonNode notice = tab.await(f -> isError(f) || f.path("type").asString().equals("assistant_end"));
            assertThat(notice.path("type").asString()).isEqualTo("assistant_end");
            assertThat(notice.path("text").asString()).contains("无法读取").contains("已恢复");
            JsonNode answer = tab.await(f -> isError(f) || f.path("type").asString().equals("assistant_end"));
            assertThat(answer.path("type").asString()).isEqualTo("assistant_end");
            assertThat((String) redis.opsForHash().get(SessionKeys.state(id), "data")).doesNotContain(HUGE);

            // Every tab that comes back sees the session, with the unit given before the damage.
            try (var back = connect()) {
                back.hello(id, null);
                JsonNode snapshot = back.await(f -> true);
                assertThat(snapshot.path("type").asString()).isEqualTo("session");
                assertThat(snapshot.path("profile").path("unit").asString()).contains("第一党支部");
                assertThat(snapshot.path("facts").toString()).contains("120册");
            }
        }
    }

    @Test
    void aStateWithNoReadableRevisionStartsTheInterviewAgainAndSaysSo() {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            redis.opsForHash().put(SessionKeys.state(id), "data", "{\"kind\":\"personal-annual\",\"broken");
            redis.opsForHash().put(SessionKeys.state(id), "prev", "not json");
            try (var back = connect()) {
                back.hello(id, 0L);
                JsonNode notice = back.await(f -> isError(f)
                        || f.path("type").asString().equals("assistant_end") && f.path("text").asString().contains("无法读取"));
                assertThat(notice.path("type").asString()).isEqualTo("assistant_end");
                back.say("m-2", "我是机关第一党支部书记，写的是2025年度的述职。");
                JsonNode answer = back.await(f -> isError(f) || f.path("type").asString().equals("assistant_end")
                        && !f.path("text").asString().contains("无法读取"));
                assertThat(answer.path("type").asString()).isEqualTo("assistant_end");
            }
            assertThat((String) redis.opsForHash().get(SessionKeys.state(id), "data")).contains("personal-annual");
        }
    }
}
