package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every change is a version; edits are checked against the version they started from; undo, redo and diff. */
class VersionsTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A session with a first draft (version 1); returns its id. */
    private String drafted(WsClient tab) {
        String id = newSession(tab);
        tab.say("v-0", "机关第一党支部，2025年度");
        tab.reply();
        tab.say("v-1", "全年组织集中学习研讨交流24次，购买发放学习书籍120册。");
        tab.reply();
        tab.send("{\"type\":\"generate\"}");
        tab.await("draft");
        tab.reply();
        return id;
    }

    private static String edit(String ref, String text, int base) {
        return JSON.createObjectNode().put("type", "edit").put("section", ref).put("text", text)
                .put("baseVersion", base).toString();
    }

    private static Map<String, String> sections(JsonNode draft) {
        var out = new HashMap<String, String>();
        draft.path("sections").forEach(s -> out.put(s.path("ref").asString(), s.toString()));
        return out;
    }

    @Test
    void handEdit_makesANewVersion_andLeavesOtherSectionsByteIdentical() {
        try (var tab = connect()) {
            drafted(tab);
            JsonNode v1 = tab.all().stream().filter(f -> f.path("type").asString().equals("draft"))
                    .reduce((a, b) -> b).orElseThrow();
            tab.send(edit("1.1", "一是抓实理论学习。全年研讨交流24次。", 1));
            JsonNode v2 = tab.await("draft");
            assertThat(v2.path("version").asInt()).isEqualTo(2);
            Map<String, String> before = sections(v1);
            Map<String, String> after = sections(v2);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (String ref : before.keySet()) {
                if (ref.equals("1.1")) assertThat(after.get(ref)).contains("全年研讨交流24次").isNotEqualTo(before.get(ref));
                else assertThat(after.get(ref)).as(ref).isEqualTo(before.get(ref));
            }
            JsonNode versions = tab.await("versions");
            assertThat(versions.path("current").asInt()).isEqualTo(2);
            assertThat(versions.path("items").get(1).path("change").asString()).isEqualTo("edit");
        }
    }

    @Test
    void staleEditFromSecondTab_getsVersionConflict_withItsTextBack() {
        try (var a = connect(); var b = connect()) {
            String id = drafted(a);
            b.hello(id, null);
            b.await("session");
            a.send(edit("1.1", "甲窗口的修改。", 1));
            // Both tabs see the first edit; the second tab's edit, made on version 1, is refused, not applied over it.
            JsonNode winner = b.await("draft");
            assertThat(winner.path("version").asInt()).isEqualTo(2);
            assertThat(winner.path("text").asString()).contains("甲窗口的修改。");
            b.send(edit("1.1", "乙窗口的修改。", 1));
            JsonNode conflict = b.await("error");
            assertThat(conflict.path("code").asString()).isEqualTo("VERSION_CONFLICT");
            assertThat(conflict.path("currentVersion").asInt()).isEqualTo(2);
            assertThat(conflict.path("text").asString()).isEqualTo("乙窗口的修改。");
            // Retried on the current version, the second tab's edit lands too: nothing is lost.
            b.send(edit("1.1", "乙窗口的修改。", 2));
            JsonNode v3 = b.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 3);
            assertThat(v3.path("text").asString()).contains("乙窗口的修改。");
        }
    }

    @Test
    void twoTabsEditingAtOnce_oneWins_theOtherGetsItsTextBack() {
        try (var a = connect(); var b = connect()) {
            String id = drafted(a);
            b.hello(id, null);
            b.await("session");
            a.send(edit("1.2", "甲的文字。", 1));
            b.send(edit("1.2", "乙的文字。", 1));
            JsonNode draft = a.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 2);
            String won = draft.path("text").asString().contains("甲的文字。") ? "甲的文字。" : "乙的文字。";
            String lost = won.equals("甲的文字。") ? "乙的文字。" : "甲的文字。";
            var loser = won.equals("甲的文字。") ? b : a;
            JsonNode conflict = loser.await("error");
            assertThat(conflict.path("code").asString()).isEqualTo("VERSION_CONFLICT");
            assertThat(conflict.path("text").asString()).isEqualTo(lost);
            assertThat(storedState(id)).contains("\"version\":2").doesNotContain("\"version\":3");
        }
    }

    @Test
    void undoRedo_roundTrip_andDiffShowsTheChangedSection() {
        try (var tab = connect()) {
            drafted(tab);
            tab.send(edit("opening", "改过的开头。现将有关情况报告如下：", 1));
            tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 2);

            tab.send("{\"type\":\"undo\"}");
            JsonNode undone = tab.await("draft");
            assertThat(undone.path("version").asInt()).isEqualTo(1);
            assertThat(undone.path("text").asString()).doesNotContain("改过的开头");
            JsonNode afterUndo = tab.await("versions");
            assertThat(afterUndo.path("canRedo").asBoolean()).isTrue();
            assertThat(afterUndo.path("canUndo").asBoolean()).isFalse();

            tab.send("{\"type\":\"undo\"}");
            assertThat(tab.await("error").path("code").asString()).isEqualTo("NOTHING_TO_UNDO");

            tab.send("{\"type\":\"redo\"}");
            JsonNode redone = tab.await("draft");
            assertThat(redone.path("version").asInt()).isEqualTo(2);
            assertThat(redone.path("text").asString()).contains("改过的开头");

            tab.send("{\"type\":\"diff\",\"from\":1,\"to\":2}");
            JsonNode diff = tab.await("diff");
            Map<String, String> status = new HashMap<>();
            diff.path("sections").forEach(s -> status.put(s.path("ref").asString(), s.path("status").asString()));
            assertThat(status.get("opening")).isEqualTo("changed");
            assertThat(status).containsEntry("title", "same").containsEntry("1.1", "same");
            assertThat(status.values().stream().filter("changed"::equals).count()).isEqualTo(1);

            tab.send("{\"type\":\"versions\"}");
            JsonNode list = tab.await("versions");
            assertThat(list.path("items").size()).isEqualTo(2);
            assertThat(list.path("items").get(0).path("change").asString()).isEqualTo("generate");
        }
    }

    @Test
    void editOfUnknownSection_orBeforeAnyDraft_isRefused() {
        try (var tab = connect()) {
            newSession(tab);
            tab.send(edit("1.1", "文字", 0));
            assertThat(tab.await("error").path("code").asString()).isEqualTo("NO_DRAFT");
        }
        try (var tab = connect()) {
            drafted(tab);
            tab.send(edit("9.9", "文字", 1));
            assertThat(tab.await("error").path("code").asString()).isEqualTo("UNKNOWN_SECTION");
        }
    }
}
