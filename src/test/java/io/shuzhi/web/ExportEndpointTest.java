package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads over real HTTP: the page posts the session id and gets a sealed link; the link is the file. No URL with a
 * session id in it opens anything, and one 404 answers every "no draft".
 */
class ExportEndpointTest extends IntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private ExportLinks links;

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> postLink(HttpClient http, int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/exports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String linkFor(String id, String format) throws Exception {
        var r = postLink(http, port, "{\"sessionId\":\"" + id + "\",\"format\":\"" + format + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        return json.readTree(r.body()).path("url").asString();
    }

    private String draftedSession() {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("e-1", "我是市档案馆第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            tab.say("e-2", "全年开展研讨交流12次，购买学习书籍40册。");
            tab.reply();
            tab.say("e-3", "生成草稿");
            tab.await("draft");
            return id;
        }
    }

    @Test
    void draftedSession_downloadsAsDocxAndHtml_throughASealedLink() throws Exception {
        String id = draftedSession();
        String url = linkFor(id, "docx");
        assertThat(url).startsWith("/api/exports/").doesNotContain(id);
        HttpResponse<byte[]> docx = get(url);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''").contains(".docx");
        assertThat(docx.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getParagraphs().get(0).getText()).contains("市档案馆第一党支部").contains("2025");
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getText().contains("12次"));
        }
        HttpResponse<byte[]> html = get(linkFor(id, "html"));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("12次").contains("仿宋_GB2312");
    }

    @Test
    void aBareSessionIdInAUrl_opensNothing_andSaysWhatToDo() throws Exception {
        String id = draftedSession();
        HttpResponse<byte[]> bare = get("/api/sessions/" + id + "/export?format=docx");
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(new String(bare.body(), StandardCharsets.UTF_8)).isEqualTo(ExportController.BARE_ID);
        // The id where a token belongs is no token either.
        HttpResponse<byte[]> asToken = get("/api/exports/" + id);
        assertThat(asToken.statusCode()).isEqualTo(403);
        assertThat(new String(asToken.body(), StandardCharsets.UTF_8)).isEqualTo(ExportController.INVALID);
    }

    @Test
    void aChangedOrExpiredLink_opensNothing() throws Exception {
        String id = draftedSession();
        String url = linkFor(id, "txt");
        String token = url.substring("/api/exports/".length());
        char last = token.charAt(10);
        String changed = token.substring(0, 10) + (last == 'A' ? 'B' : 'A') + token.substring(11);
        HttpResponse<byte[]> tampered = get("/api/exports/" + changed);
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(new String(tampered.body(), StandardCharsets.UTF_8)).contains("下载链接无效");

        // A link sealed by this app whose time is up (made as the app makes them, with a clock in the past).
        var past = new ExportLinks(new ExportLinkProperties(null, java.time.Duration.ofMinutes(5)),
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(-10)));
        String other = past.sign(id, io.shuzhi.export.ExportFormat.TXT).token();
        // Another key: refused as invalid, whatever its time.
        assertThat(get("/api/exports/" + other).statusCode()).isEqualTo(403);
        String expired = links.sign(id, io.shuzhi.export.ExportFormat.TXT,
                java.time.Instant.now().minus(java.time.Duration.ofMinutes(6))).token();
        HttpResponse<byte[]> gone = get("/api/exports/" + expired);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("已过期");
    }

    @Test
    void unknownIdNoDraftAndUnknownFormat_answerAlike() throws Exception {
        var unknown = postLink(http, port, "{\"sessionId\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"format\":\"docx\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("message").asString()).isEqualTo(ExportController.NO_DRAFT);
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
        }
        var noDraft = postLink(http, port, "{\"sessionId\":\"" + id + "\",\"format\":\"docx\"}");
        assertThat(noDraft.statusCode()).isEqualTo(404);
        assertThat(noDraft.body()).isEqualTo(unknown.body());
        var pdf = postLink(http, port, "{\"sessionId\":\"" + id + "\",\"format\":\"pdf\"}");
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(json.readTree(pdf.body()).path("message").asString()).contains("docx");
        var garbage = postLink(http, port, "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(garbage.body());
        assertThat(body.path("code").asString()).isEqualTo("BAD_REQUEST");
        assertThat(body.path("message").asString()).as("in words a writer knows").contains("格式有误").doesNotContain("JSON");
        assertThat(postLink(http, port, "{}").statusCode()).isEqualTo(400);
    }
}
