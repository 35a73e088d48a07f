package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/** Rows of docs/security.md that need the whole app: headers, download file names, what the log holds. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityAuditTest extends IntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String draftedSession(String unitLine) {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("a-1", unitLine);
            tab.reply();
            tab.say("a-2", "全年开展研讨交流12次。");
            tab.reply();
            tab.say("a-3", "生成草稿");
            tab.await("draft");
            return id;
        }
    }

    private String download(String id, String format) throws Exception {
        var r = ExportEndpointTest.postLink(http, port, "{\"sessionId\":\"" + id + "\",\"format\":\"" + format + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("url").asString();
    }

    @Test
    void everyResponse_carriesTheSecurityHeaders_andThePageItsPolicy() throws Exception {
        String id = draftedSession("我是市档案馆第一党支部书记，写的是2025年度的述职。");
        for (String path : List.of("/", "/app.js", "/widget.js", "/api/kinds", "/api/sessions/" + id + "/export",
                download(id, "txt"), "/api/exports/nothing", "/no-such-page")) {
            var r = get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            // No server banner or version a scanner can match against advisories.
            assertThat(r.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(r.headers().firstValue("X-Powered-By")).as(path).isEmpty();
        }
        var page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
                .contains("object-src 'none'").contains("frame-ancestors 'self'").doesNotContain("unsafe-inline");
        // What carries a report is never cached by a browser or a proxy.
        assertThat(get(download(id, "docx")).headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        // An error page says little: no stack trace, no exception name.
        var missing = get("/no-such-page");
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void aTitleWithQuotesLineBreaksAndDotDot_givesAPlainFileName() throws Exception {
        String id = draftedSession("我是市档案馆第一党支部书记，写的是2025年度的述职。");
        // A title as hostile as a title can get (quotes, CR/LF, a header, ../, a Windows path, a NUL).
        String hostile = "..\\..\\/../\"a\";\r\nX-Injected: 1\r\n\u0000evil\"'<>|?*:述职报告";
        var draft = json.readTree((String) redis.opsForHash().get(SessionKeys.drafts(id), "1"));
        ((tools.jackson.databind.node.ObjectNode) draft.path("sections").get(0)).put("heading", hostile);
        redis.opsForHash().put(SessionKeys.drafts(id), "1", json.writeValueAsString(draft));

        var r = get(download(id, "txt"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Injected")).isEmpty();
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment;").doesNotContain("\r").doesNotContain("\n");
        String encoded = disposition.replaceAll(".*filename\\*=UTF-8''([^;]*).*", "$1");
        String name = java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        assertThat(name).endsWith("述职报告.txt").doesNotContain("/").doesNotContain("\\").doesNotContain("\"")
                .doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000").doesNotContain(":");
        assertThat(name).doesNotStartWith(".");
    }

    @Test
    void theLog_holdsNoChatText_noFact_andNoSessionId_onlyItsHash(CapturedOutput output) throws Exception {
        String marker = "机密标记" + System.nanoTime() % 100000 + "号文件";
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
            tab.say("l-1", "我是市档案馆第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            tab.say("l-2", "全年开展" + marker + "研讨交流12次。");
            tab.reply();
            tab.send("{\"type\":\"say\",\"id\":\"l-3\",\"text\":\"" + marker + "\""); // not JSON
            tab.await("error");
            tab.send("{\"type\":\"say\",\"id\":\"l-4\",\"text\":\"" + marker.repeat(400) + "\"}"); // too large
            tab.await("error");
            tab.send("{\"type\":\"refine\",\"section\":\"" + marker + "\",\"instruction\":\"" + marker + "\"}");
            tab.await(f -> true);
            tab.say("l-5", "生成草稿");
            tab.await("draft");
            tab.send("{\"type\":\"delete\"}");
            tab.await("deleted");
        }
        String log = output.getAll();
        assertThat(log).contains(SessionKeys.logId(id));
        assertThat(log).doesNotContain(marker).doesNotContain(id).doesNotContain("研讨交流12次");
    }
}
