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

/** The download endpoint over real HTTP: docx and html next to txt and md, one 404 for every "no draft". */
class ExportEndpointTest extends IntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void draftedSession_downloadsAsDocxAndHtml() throws Exception {
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
            tab.say("e-1", "我是市档案馆第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            tab.say("e-2", "全年开展研讨交流12次，购买学习书籍40册。");
            tab.reply();
            tab.say("e-3", "生成草稿");
            tab.await("draft");
        }
        HttpResponse<byte[]> docx = get("/api/sessions/" + id + "/export?format=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''").contains(".docx");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getParagraphs().get(0).getText()).contains("市档案馆第一党支部").contains("2025");
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getText().contains("12次"));
        }
        HttpResponse<byte[]> html = get("/api/sessions/" + id + "/export?format=html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("12次").contains("仿宋_GB2312");
    }

    @Test
    void unknownIdAndUnknownFormat() throws Exception {
        HttpResponse<byte[]> unknown = get("/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/export?format=docx");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).isEqualTo("没有可导出的草稿。");
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
        }
        HttpResponse<byte[]> noDraft = get("/api/sessions/" + id + "/export?format=docx");
        assertThat(noDraft.statusCode()).isEqualTo(404);
        assertThat(noDraft.body()).isEqualTo(unknown.body());
        assertThat(get("/api/sessions/" + id + "/export?format=pdf").statusCode()).isEqualTo(400);
    }
}
