package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decimals and the other forms writers use, through the real socket: a normal turn, the facts, the draft. */
class NumbersOverTheSocketTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DECIMALS = List.of("99.5%", "12.8万元", "3.75亿元", "0.85天");

    private static List<String> raws(JsonNode facts) {
        List<String> out = new ArrayList<>();
        facts.path("facts").forEach(f -> f.path("quantities").forEach(q -> out.add(q.path("raw").asString())));
        return out;
    }

    private static List<JsonNode> errors(WsClient tab) {
        return tab.all().stream().filter(f -> f.path("type").asString().equals("error")).toList();
    }

    @Test
    void decimalsInAChatMessage_getANormalReply_keepTheirFigures_andReachTheDraftExactly() {
        try (var tab = connect()) {
            newSession(tab);
            tab.say("d-0", "机关第一党支部，2025年度");
            tab.reply();
            tab.say("d-1", "全年党员参学率达到99.5%，投入党建经费12.8万元，带动项目总投资3.75亿元，群众办事平均用时压缩到0.85天。");
            JsonNode facts = tab.await("facts");
            String reply = tab.reply();
            assertThat(errors(tab)).isEmpty();
            assertThat(reply).isNotBlank();
            assertThat(raws(facts)).containsAll(DECIMALS);

            tab.say("d-2", "落实最多跑一次改革，推进两学一做，全年开展一次专题培训，精简会议文件三成以上，每月走访3至5次。");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            String text = tab.await("draft").path("text").asString();
            assertThat(errors(tab)).isEmpty();
            assertThat(text).contains(DECIMALS).contains("最多跑一次", "两学一做", "专题培训1次", "三成以上", "3至5次")
                    .doesNotContain("最多跑1次", "两学1做");
        }
    }

    @Test
    void importOfAReportWithDecimals_succeeds_andTheNewDraftShowsThisYearsDecimalsExactly() {
        String lastYear = """
                城东街道机关党支部书记2024年度抓基层党建工作述职报告

                2024年，城东街道机关党支部在街道党工委领导下，围绕中心工作抓党建，支部各项工作稳步推进。现将有关情况报告如下：
                一、履职情况及成效
                （一）抓理论学习。一是坚持集中学习，全年组织研讨交流12次，党员参学率达到98.5%。二是落实“第一议题”制度，支委会学习重要讲话精神20次。
                （二）抓组织建设。一是规范“三会一课”，召开支部党员大会4次。二是投入党建经费10.6万元，带动辖区项目总投资2.35亿元，群众办事平均用时1.25天。
                二、存在问题和不足
                一是理论学习还不够深入，学用结合不紧。二是组织生活形式比较单一。
                三、下步工作举措
                （一）持续加强理论武装，推动学习常态化。
                （二）持续夯实组织基础，提高组织生活质量。
                """;
        try (var tab = connect()) {
            newSession(tab);
            tab.send(JSON.createObjectNode().put("type", "import").put("text", lastYear).toString());
            JsonNode facts = tab.await("facts");
            assertThat(raws(facts)).contains("98.5%", "10.6万元", "2.35亿元", "1.25天");
            JsonNode imported = tab.await("draft");
            assertThat(imported.path("text").asString()).contains("【去年98.5%，今年？】", "【去年2.35亿元，今年？】");
            tab.reply();
            assertThat(errors(tab)).isEmpty();

            tab.say("i-1", "今年党员参学率达到99.5%，投入党建经费12.8万元，带动项目总投资3.75亿元，群众办事平均用时0.85天。");
            tab.reply();
            tab.say("i-2", "生成草稿");
            JsonNode fresh = tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 2);
            String text = fresh.path("text").asString();
            assertThat(errors(tab)).isEmpty();
            assertThat(text).contains(DECIMALS);
            assertThat(text.replaceAll("【[^】]*】", "")).doesNotContain("98.5%", "10.6万元", "2.35亿元", "1.25天");
        }
    }
}
