package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Follow-ups in plain chat and through the refine frame change only their target, as new versions. */
class RefineFlowTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode drafted(WsClient tab) {
        newSession(tab);
        String[] answers = {"机关第一党支部，2025年度",
            "全年组织集中学习研讨交流24次，大力推进读书活动，购买发放学习书籍120册。",
            "支委会全年学习重要讲话精神36次48篇。",
            "举办政治轮训班4期，班子成员讲专题党课6次。",
            "开展谈心谈话覆盖党员30人。",
            "召开支部党员大会6次、支委会12次，开展主题党日12次。"};
        for (int i = 0; i < answers.length; i++) {
            tab.say("a-" + i, answers[i]);
            tab.reply();
        }
        tab.say("a-gen", "生成草稿");
        JsonNode draft = tab.await("draft");
        tab.reply();
        return draft;
    }

    private static Map<String, String> sections(JsonNode draft) {
        var out = new HashMap<String, String>();
        draft.path("sections").forEach(s -> out.put(s.path("ref").asString(), s.toString()));
        return out;
    }

    private static void onlyChanged(JsonNode before, JsonNode after, String... refs) {
        Map<String, String> a = sections(before);
        Map<String, String> b = sections(after);
        var changed = java.util.Set.of(refs);
        for (String ref : a.keySet()) {
            if (changed.contains(ref)) assertThat(b.get(ref)).as(ref + " changed").isNotEqualTo(a.get(ref));
            else assertThat(b.get(ref)).as(ref + " untouched, byte-identical").isEqualTo(a.get(ref));
        }
    }

    private static JsonNode nextDraft(WsClient tab, int version) {
        return tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == version);
    }

    @Test
    void addAnItemInChat_changesOnlyThatSection_andKeepsTheFact() {
        try (var tab = connect()) {
            JsonNode v1 = drafted(tab);
            tab.say("r-add", "在组织建设里加一条：发展新党员2名");
            JsonNode facts = tab.await("facts");
            assertThat(facts.toString()).contains("发展新党员2名");
            JsonNode v2 = nextDraft(tab, 2);
            onlyChanged(v1, v2, "1.2");
            assertThat(v2.path("text").asString()).contains("发展新党员2名");
            assertThat(tab.reply()).contains("第2版");
        }
    }

    @Test
    void replaceWords_reorderSections_setTitleYear_undo() {
        try (var tab = connect()) {
            JsonNode v1 = drafted(tab);
            assertThat(v1.path("text").asString()).contains("大力");
            tab.say("r-1", "把‘大力’都去掉");
            JsonNode v2 = nextDraft(tab, 2);
            assertThat(v2.path("text").asString()).doesNotContain("大力");
            tab.reply();

            tab.say("r-2", "（三）和（四）换个顺序");
            JsonNode v3 = nextDraft(tab, 3);
            onlyChanged(v2, v3, "1.3", "1.4");
            String h3 = sections(v2).get("1.3");
            assertThat(sections(v3).get("1.4")).contains(JSON.readTree(h3).path("heading").asString().substring(3));
            tab.reply();

            tab.say("r-3", "标题改成2026年度");
            JsonNode v4 = nextDraft(tab, 4);
            assertThat(v4.path("title").asString()).contains("2026年度").doesNotContain("2025");
            tab.reply();

            tab.say("r-4", "撤销");
            JsonNode back = tab.await("draft");
            assertThat(back.path("version").asInt()).isEqualTo(3);
            assertThat(back.path("title").asString()).contains("2025");
        }
    }

    @Test
    void ambiguousFollowUp_asksBackWithChoices_andAChoiceResolvesIt() {
        try (var tab = connect()) {
            drafted(tab);
            tab.say("r-1", "（二）再具体些");
            JsonNode end = tab.await("assistant_end");
            assertThat(end.path("choices").size()).isGreaterThanOrEqualTo(2);
            String before = storedState(tab.all().get(0).path("sessionId").asString());
            assertThat(before).contains("\"draftVersion\":1");
            tab.say("r-2", end.path("choices").get(0).asString());
            JsonNode answer = tab.await("assistant_end");
            assertThat(answer.path("choices").size()).isLessThanOrEqualTo(1);
            assertThat(answer.path("text").asString()).isNotBlank();
        }
    }

    @Test
    void refineFrame_withExplicitSection_condensesIt_andOfflineSaysPlainlyWhatItCannotDo() {
        try (var tab = connect()) {
            JsonNode v1 = drafted(tab);
            tab.send(JSON.createObjectNode().put("type", "refine").put("section", "3.1")
                    .put("instruction", "压缩到60字").toString());
            JsonNode v2 = nextDraft(tab, 2);
            onlyChanged(v1, v2, "3.1");
            tab.reply();

            tab.send(JSON.createObjectNode().put("type", "refine").put("section", "1.1")
                    .put("instruction", "换个说法").toString());
            String said = tab.reply();
            assertThat(said).contains("模型");
            tab.send("{\"type\":\"versions\"}");
            assertThat(tab.await("versions").path("latest").asInt()).isEqualTo(2);

            tab.send(JSON.createObjectNode().put("type", "refine").put("section", "9.9")
                    .put("instruction", "再具体些").toString());
            assertThat(tab.await("error").path("code").asString()).isEqualTo("UNKNOWN_SECTION");
        }
    }
}
