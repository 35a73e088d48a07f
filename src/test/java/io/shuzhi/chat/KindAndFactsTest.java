package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Choosing the report kind, and correcting facts from the facts panel. */
class KindAndFactsTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void kindsEndpoint_listsEveryKind() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/kinds")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode kinds = JSON.readTree(response.body());
        assertThat(kinds.size()).isEqualTo(4);
        assertThat(response.body()).contains("party-branch-secretary", "personal-annual", "annual-work-summary",
                "accountability-integrity");
    }

    @Test
    void firstMessageNamingAKind_switchesTheSession_andItsPostIsTheUnit() {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("k-1", "我要写个人述职");
            JsonNode kind = tab.await("kind");
            assertThat(kind.path("kind").asString()).isEqualTo("personal-annual");
            assertThat(tab.reply()).contains("个人").contains("职务");
            tab.say("k-2", "市财政局预算处处长，2025年");
            JsonNode facts = tab.await("facts");
            assertThat(facts.path("profile").path("unit").asString()).isEqualTo("市财政局预算处处长");
            assertThat(facts.path("profile").path("year").asString()).isEqualTo("2025");
            tab.reply();
            tab.say("k-3", "全年牵头完成预算编制审核项目32个，组织业务培训4期。");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            JsonNode draft = tab.await("draft");
            assertThat(draft.path("title").asString()).isEqualTo("市财政局预算处处长2025年度个人述职报告");
            assertThat(draft.path("text").asString()).contains("32个").contains("一、主要工作及成效");
            assertThat(storedState(id)).contains("\"kind\":\"personal-annual\"");
        }
    }

    @Test
    void helloWithAKind_startsThatKind_fourPartsForAccountability() {
        try (var tab = connect()) {
            tab.send("{\"type\":\"hello\",\"kind\":\"accountability-integrity\"}");
            JsonNode session = tab.await("session");
            assertThat(session.path("kind").asString()).isEqualTo("accountability-integrity");
            tab.reply();
            tab.say("s-1", "市水务局党组书记、局长，2025年度");
            tab.reply();
            tab.say("s-2", "主持召开党组会专题研究全面从严治党工作6次。");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            String text = tab.await("draft").path("text").asString();
            assertThat(text).contains("一、").contains("二、").contains("三、").contains("四、").contains("6次");
        }
    }

    @Test
    void factCorrectedAndDeletedFromThePanel_reachTheNextDraft() {
        try (var tab = connect()) {
            newSession(tab);
            tab.say("f-0", "机关第一党支部，2025年度");
            tab.reply();
            tab.say("f-1", "全年组织集中学习研讨交流24次。");
            tab.reply();
            tab.say("f-2", "支委会全年学习重要讲话精神36次。");
            JsonNode facts = tab.await("facts");
            tab.reply();
            String first = facts.path("facts").get(0).path("id").asString();
            String second = facts.path("facts").get(1).path("id").asString();

            tab.send(JSON.createObjectNode().put("type", "fact_edit").put("id", first)
                    .put("text", "全年组织集中学习研讨交流26次").toString());
            JsonNode edited = tab.await("facts");
            assertThat(edited.path("facts").get(0).path("text").asString()).contains("26次");
            assertThat(edited.path("facts").get(0).path("quantities").get(0).path("display").asString()).isEqualTo("26次");

            tab.send(JSON.createObjectNode().put("type", "fact_delete").put("id", second).toString());
            assertThat(tab.await("facts").path("facts").size()).isEqualTo(1);

            tab.send(JSON.createObjectNode().put("type", "fact_delete").put("id", "f-999").toString());
            assertThat(tab.await("error").path("code").asString()).isEqualTo("UNKNOWN_FACT");

            tab.send("{\"type\":\"generate\"}");
            String text = tab.await("draft").path("text").asString();
            assertThat(text).contains("26次").doesNotContain("24次").doesNotContain("36次");
        }
    }
}
