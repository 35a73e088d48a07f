package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** No message can leave a session that cannot be read, and a state damaged anyway is recovered, never INTERNAL. */
class StateRecoveryTest extends IntegrationTest {
    private static final String HUGE = "9".repeat(1001);

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

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
            // What an older version stored: its facts inside the state, one with a quantity Jackson refuses to read.
            String data = oldFormat(id);
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

    @Test
    void aSessionStoredWithItsFactsInsideTheStateResumesAndIsStoredApartOnItsNextTurn() {
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            tab.say("m-2", "全年组织集中学习研讨交流24次。");
            tab.reply();
        }
        // As the version before the facts hash stored it: every fact inside the state, no facts key.
        String old = oldFormat(id);
        redis.opsForHash().put(SessionKeys.state(id), "data", old);
        redis.delete(SessionKeys.facts(id));
        assertThat(old).contains("研讨交流24次");

        try (var back = connect()) {
            back.hello(id, null);
            JsonNode snapshot = back.await(f -> true);
            assertThat(snapshot.path("type").asString()).isEqualTo("session");
            assertThat(snapshot.path("profile").path("unit").asString()).contains("第一党支部");
            assertThat(snapshot.path("facts").toString()).contains("24次");
            back.say("m-3", "购买发放学习书籍120册。");
            JsonNode answer = back.await(f -> isError(f) || f.path("type").asString().equals("assistant_end"));
            assertThat(answer.path("type").asString()).isEqualTo("assistant_end");
            assertThat(answer.path("text").asString()).doesNotContain("无法读取");
        }
        // Its next commit moved every fact, old and new, into the facts hash; the state lists their fields.
        String data = (String) redis.opsForHash().get(SessionKeys.state(id), "data");
        JsonNode listed = json.readTree(data).path("interview").path("facts");
        Map<Object, Object> facts = redis.opsForHash().entries(SessionKeys.facts(id));
        assertThat(listed.isArray()).isTrue();
        listed.forEach(n -> assertThat(n.isString()).isTrue());
        assertThat(facts).hasSize(listed.size());
        assertThat(facts.values().toString()).contains("研讨交流24次").contains("120册");
        assertThat(data).doesNotContain("研讨交流24次");
    }

    @Test
    void aFactThatCannotBeReadIsLeftOutAndEverythingElseLoads() {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            tab.say("m-2", "全年组织集中学习研讨交流24次。");
            tab.reply();
            tab.say("m-3", "购买发放学习书籍120册。");
            tab.reply();
            Map<Object, Object> facts = redis.opsForHash().entries(SessionKeys.facts(id));
            Object damaged = facts.entrySet().stream().filter(e -> e.getValue().toString().contains("24次"))
                    .findFirst().orElseThrow().getKey();
            // Damaged in Redis: a figure Jackson refuses to read back.
            redis.opsForHash().put(SessionKeys.facts(id), damaged,
                    facts.get(damaged).toString().replace("\"value\":24", "\"value\":" + HUGE));
            double before = unreadable();

            try (var back = connect()) {
                back.hello(id, null);
                JsonNode snapshot = back.await(f -> true);
                assertThat(snapshot.path("type").asString()).isEqualTo("session");
                assertThat(snapshot.path("profile").path("unit").asString()).contains("第一党支部");
                assertThat(snapshot.path("facts").toString()).contains("120册").doesNotContain("24次");
                assertThat(unreadable()).isGreaterThan(before);

                back.say("m-4", "举办政治轮训班4期。");
                JsonNode answer = back.await(f -> isError(f) || f.path("type").asString().equals("assistant_end"));
                assertThat(answer.path("type").asString()).isEqualTo("assistant_end");
            }
            // The damaged field is gone with the next commit; every other fact is still there.
            Map<Object, Object> after = redis.opsForHash().entries(SessionKeys.facts(id));
            assertThat(after).doesNotContainKey(damaged);
            facts.forEach((field, fact) -> {
                if (!field.equals(damaged)) assertThat(after).containsEntry(field, fact);
            });
            assertThat(after.values().toString()).contains("4期");
        }
    }

    private double unreadable() {
        var counter = meters.find("shuzhi.state.facts.unreadable").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The session's state as the version before the facts hash stored it: the facts themselves in the state. */
    private String oldFormat(String id) {
        ObjectNode root = (ObjectNode) json.readTree((String) redis.opsForHash().get(SessionKeys.state(id), "data"));
        ObjectNode interview = (ObjectNode) root.get("interview");
        Map<Object, Object> facts = redis.opsForHash().entries(SessionKeys.facts(id));
        ArrayNode inline = json.createArrayNode();
        interview.get("facts").forEach(field -> inline.add(json.readTree((String) facts.get(field.asString()))));
        interview.set("facts", inline);
        return json.writeValueAsString(root);
    }
}
