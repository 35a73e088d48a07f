package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The year and last year, end to end over a real socket: an imported report's plans asked one by one, figures
 * compared year on year with the difference worked out by code, and the 提法 of last year flagged in the draft moved on
 * a year. Two reports written for it: a three-part branch report of 2025 and a four-part 述责述廉 report of 2024.
 */
class LastYearOverTheSocketTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String report(String file) throws Exception {
        return Files.readString(Path.of("src/test/resources/import", file));
    }

    private static void importText(WsClient tab, String text) {
        tab.send(JSON.createObjectNode().put("type", "import").put("text", text).toString());
    }

    private static List<JsonNode> proofread(WsClient tab) {
        tab.send("{\"type\":\"proofread\"}");
        List<JsonNode> out = new ArrayList<>();
        tab.await("suggestions").path("suggestions").forEach(out::add);
        return out;
    }

    @Test
    void branchReportOf2025_plansAsked_figuresCompared_andLastYearsTermsFlaggedIn2026() throws Exception {
        try (var tab = connect()) {
            newSession(tab);
            importText(tab, report("branch-2025.txt"));
            assertThat(tab.await("facts").path("profile").path("year").asString()).isEqualTo("2026");
            tab.await("draft");
            String imported = tab.reply();
            assertThat(imported).contains("4条下一步计划", "在去年的稿子里是打码的")
                    .contains("去年计划“每季度开展1次读书分享会，推动理论学习走深走实”，今年落实得怎样？");

            // Last year's 提法 left in the draft moved on to 2026: the year's campaign and "十四五" as the current plan.
            List<JsonNode> found = proofread(tab).stream().filter(s -> s.path("category").asString().equals("提法")).toList();
            assertThat(found).extracting(s -> s.path("wrong").asString())
                    .contains("深入贯彻中央八项规定精神学习教育", "十四五");
            assertThat(found).allSatisfy(s -> assertThat(s.path("note").asString()).contains("2026年度"));

            tab.say("y-1", "落实了，全年开了4次读书分享会");
            assertThat(tab.reply()).contains("记为已落实");
            tab.say("y-2", "今年支部集中学习15次，专题研讨6次");
            JsonNode facts = tab.await("facts");
            tab.reply();
            JsonNode study = null;
            for (JsonNode f : facts.path("facts")) if (f.path("text").asString().contains("集中学习15次")) study = f;
            assertThat(study).as(facts.toString()).isNotNull();
            assertThat(study.path("lastYear").get(0).path("label").asString()).isEqualTo("集中学习");
            assertThat(study.path("lastYear").get(0).path("lastYear").asString()).isEqualTo("12次");
            assertThat(study.path("lastYear").get(0).path("thisYear").asString()).isEqualTo("15次");

            tab.say("y-3", "把和去年的对比写上");
            JsonNode withDiff = tab.await("facts");
            assertThat(tab.reply()).contains("集中学习：去年12次 → 今年15次，比上年增加3次");
            List<JsonNode> derived = new ArrayList<>();
            withDiff.path("facts").forEach(f -> { if (f.path("origin").asString().equals("DERIVED")) derived.add(f); });
            assertThat(derived).singleElement().satisfies(f -> assertThat(f.path("text").asString()).isEqualTo("集中学习比上年增加3次"));

            tab.say("y-4", "集中学习是16次不是15次");
            tab.reply();
            tab.say("y-5", "生成草稿");
            JsonNode draft = tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 2);
            String text = draft.path("text").asString();
            assertThat(text).contains("落实上年提出的“每季度开展1次读书分享会”").contains("4次读书分享会")
                    .contains("集中学习较上年增加4次").doesNotContain("12次").doesNotContain("增加3次");
        }
    }

    /**
     * A writer who answers the way cadres talk: says a plan not yet asked was not done, tells the assistant not to write
     * it as a problem, answers another plan with next year's intention, and says "搞了/弄了". Nothing of it is filed as
     * done, and no chat word reaches the draft.
     */
    @Test
    void colloquialAnswersToLastYearsPlans_neitherFileAnUndonePlanAsDone_norPasteChatWords() throws Exception {
        try (var tab = connect()) {
            newSession(tab);
            importText(tab, report("branch-2025.txt"));
            tab.await("draft");
            assertThat(tab.reply()).contains("去年计划“每季度开展1次读书分享会");
            tab.say("c-1", "读书分享会这个搞了，基本一个季度一次，全年4次吧");
            assertThat(tab.reply()).contains("记为已落实");
            // A plan not asked yet, said not to be done, with its reason.
            tab.say("c-2", "支委联系党员这个没搞起来，主要是支委变动了两个人");
            String undone = tab.reply();
            assertThat(undone).contains("建立支委联系党员制度").contains("没有落实").contains("要不要").doesNotContain("已落实");
            tab.say("c-3", "不用写进问题吧，换届以后再弄");
            assertThat(tab.reply()).contains("不写进问题");
            tab.say("c-4", "红色网格弄了，12个网格，党员下网格服务群众300多人次");
            tab.reply();
            String next = "";
            int n = 0;
            while (!next.contains("党建与业务深度融合") && n < 12) {
                tab.say("c-s" + n++, "跳过");
                next = tab.reply();
            }
            assertThat(next).as("the plan on 党建与业务融合 is asked").contains("去年计划");
            // Answered with next year's intention only: not done this year.
            tab.say("c-5", "明年打算推动党建和业务深度融合，搞一个党建业务融合示范点");
            String planned = tab.reply();
            assertThat(planned).contains("还没有落实").contains("第三部分").doesNotContain("已落实");
            tab.say("c-6", "不写");
            tab.reply();
            tab.say("c-7", "生成草稿");
            String text = tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 2)
                    .path("text").asString();
            String partOne = text.substring(text.indexOf("一、"), text.indexOf("二、"));
            assertThat(partOne).contains("落实上年提出的“每季度开展1次读书分享会”").contains("4次")
                    .doesNotContain("支委联系党员").doesNotContain("深度融合”");
            assertThat(text).doesNotContain("这个搞").doesNotContain("弄了").doesNotContain("网格弄").doesNotContain("吧")
                    .doesNotContain("写进问题").doesNotContain("换届以后再");
            assertThat(text.substring(text.indexOf("三、"))).contains("示范点");
        }
    }

    @Test
    void integrityReportOf2024_aPlanNotDone_becomesAProblemOnlyWhenAgreed_andThe2024CampaignIsFlaggedIn2025()
            throws Exception {
        try (var tab = connect()) {
            tab.send("{\"type\":\"hello\",\"kind\":\"accountability-integrity\"}");
            tab.await("session");
            tab.reply();
            importText(tab, report("integrity-2024.txt"));
            assertThat(tab.await("facts").path("profile").path("year").asString()).isEqualTo("2025");
            tab.await("draft");
            String question = tab.reply();
            assertThat(question).contains("3条下一步计划");

            List<JsonNode> found = proofread(tab).stream().filter(s -> s.path("category").asString().equals("提法")).toList();
            assertThat(found).extracting(s -> s.path("wrong").asString()).containsExactly("党纪学习教育");
            assertThat(found.get(0).path("right").asString()).isEqualTo("深入贯彻中央八项规定精神学习教育");

            int n = 0;
            while (!question.contains("去年计划")) {
                tab.say("s-" + (++n), "跳过");
                question = tab.reply();
                assertThat(n).isLessThan(10);
            }
            assertThat(question).contains("去年计划“组织一次以案促改专题警示教育”");
            tab.say("s-a", "没有落实");
            assertThat(tab.reply()).contains("要不要", "存在的问题");
            tab.say("s-b", "写进问题");
            assertThat(tab.reply()).contains("上年提出的“组织一次以案促改专题警示教育”没有落实到位");
            tab.say("s-c", "观看警示教育片3次，剖析典型案例5个");
            tab.reply();
            tab.say("s-d", "生成草稿");
            String text = tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 2)
                    .path("text").asString();
            String problems = text.substring(text.indexOf("三、"), text.indexOf("四、"));
            assertThat(problems).contains("上年提出的").contains("以案促改专题警示教育").contains("落实到位");
            assertThat(text).contains("3次").contains("5个");
        }
    }

    @Test
    void docAndWpsUploads_sayHowToSaveAsDocx() throws Exception {
        try (var tab = connect()) {
            String id = newSession(tab);
            byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
            HttpResponse<String> doc = upload(id, "2025年述职.doc", ole);
            assertThat(doc.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(doc.body()).path("message").asString()).contains("另存为", "*.docx");
            HttpResponse<String> wps = upload(id, "2025年述职.wps", ole);
            assertThat(JSON.readTree(wps.body()).path("message").asString()).contains("WPS 文字", "*.docx");
        }
    }

    private HttpResponse<String> upload(String id, String name, byte[] content) throws Exception {
        String boundary = "----shuzhi" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sessions/" + id + "/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
