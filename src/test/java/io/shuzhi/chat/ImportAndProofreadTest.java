package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starting from last year's report, and proofreading the draft. */
class ImportAndProofreadTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String lastYear() throws Exception {
        return Files.readString(Path.of("src/test/resources/import/last-year-branch.txt"));
    }

    @Test
    void importedReport_becomesLastYearsFacts_andAMaskedFirstVersion_andNoOldNumberReachesTheNewDraft()
            throws Exception {
        try (var tab = connect()) {
            newSession(tab);
            tab.send(JSON.createObjectNode().put("type", "import").put("text", lastYear()).toString());
            JsonNode facts = tab.await("facts");
            assertThat(facts.path("profile").path("year").asString()).isEqualTo("2025");
            assertThat(facts.path("profile").path("unit").asString()).contains("城东街道机关党支部");
            assertThat(facts.path("facts").size()).isGreaterThanOrEqualTo(3);
            facts.path("facts").forEach(f -> assertThat(f.path("origin").asString()).isEqualTo("LAST_YEAR"));

            JsonNode draft = tab.await("draft");
            String text = draft.path("text").asString();
            assertThat(draft.path("title").asString()).contains("2025年度").doesNotContain("2024");
            assertThat(text).contains("【去年12次，今年？】").contains("一、履职情况及成效").contains("三、下步工作举措");
            assertThat(text.replaceAll("【[^】]*】", "")).doesNotContain("12次").doesNotContain("60册");
            assertThat(tab.await("versions").path("items").get(0).path("change").asString()).isEqualTo("import");

            String reply = tab.reply();
            assertThat(reply).contains("去年");

            tab.say("i-1", "今年组织研讨交流15次，配发学习读本80册。");
            tab.reply();
            tab.say("i-2", "生成草稿");
            JsonNode fresh = tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 2);
            String now = fresh.path("text").asString();
            assertThat(now).contains("15次").contains("80册").doesNotContain("12次").doesNotContain("60册");
        }
    }

    @Test
    void uploadEndpoint_importsATxtFile_andRefusesBadFilesWithReadableErrors() throws Exception {
        try (var tab = connect()) {
            String id = newSession(tab);
            HttpResponse<String> ok = upload(id, "去年的报告.txt", lastYear().getBytes(StandardCharsets.UTF_8));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ok.body()).path("version").asInt()).isEqualTo(1);
            assertThat(tab.await("draft").path("text").asString()).contains("【去年12次，今年？】");

            HttpResponse<String> binary = upload(id, "x.txt", new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
            assertThat(binary.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(binary.body()).path("message").asString()).matches("(?s).*[\\u4e00-\\u9fff].*");

            HttpResponse<String> fakeDocx = upload(id, "x.docx", "这不是一个真正的docx文件".getBytes(StandardCharsets.UTF_8));
            assertThat(fakeDocx.statusCode()).isEqualTo(422);

            HttpResponse<String> huge = upload(id, "big.txt", new byte[3 * 1024 * 1024]);
            assertThat(huge.statusCode()).isEqualTo(413);

            HttpResponse<String> unknown = upload("AAAAAAAAAAAAAAAAAAAAAA", "a.txt", lastYear().getBytes(StandardCharsets.UTF_8));
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void proofreading_findsAnError_andAcceptingItMakesANewVersion() {
        try (var tab = connect()) {
            newSession(tab);
            tab.say("p-0", "机关第一党支部，2025年度");
            tab.reply();
            tab.say("p-1", "全年组织集中学习研讨交流24次。");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            tab.await("draft");
            tab.reply();
            tab.send(JSON.createObjectNode().put("type", "edit").put("section", "1.3")
                    .put("text", "一是抓常抓细日常监督。对1人进行诚勉谈话。").put("baseVersion", 1).toString());
            tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 2);

            tab.send("{\"type\":\"proofread\"}");
            JsonNode suggestions = tab.await("suggestions");
            JsonNode found = null;
            for (JsonNode s : suggestions.path("suggestions")) {
                if (s.path("wrong").asString().equals("诚勉谈话")) found = s;
            }
            assertThat(found).as("suggestion for 诚勉谈话 in " + suggestions).isNotNull();
            assertThat(found.path("right").asString()).isEqualTo("诫勉谈话");
            assertThat(found.path("sectionRef").asString()).isEqualTo("1.3");

            tab.send(JSON.createObjectNode().put("type", "accept").put("id", found.path("id").asString()).toString());
            JsonNode v3 = tab.await(f -> f.path("type").asString().equals("draft") && f.path("version").asInt() == 3);
            assertThat(v3.path("text").asString()).contains("对1人进行诫勉谈话").doesNotContain("诚勉");

            tab.send(JSON.createObjectNode().put("type", "accept").put("id", "no-such-id").toString());
            assertThat(tab.await("error").path("code").asString()).isEqualTo("UNKNOWN_SUGGESTION");
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
