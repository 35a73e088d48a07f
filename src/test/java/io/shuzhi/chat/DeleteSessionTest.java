package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A writer deletes a session: every key of it goes, every tab gets a last frame and is closed, the id opens nothing. */
class DeleteSessionTest extends IntegrationTest {

    private String withDraft(io.shuzhi.support.WsClient tab) {
        String id = newSession(tab);
        tab.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
        tab.reply();
        tab.say("m-2", "全年组织集中学习研讨交流24次，发展党员3名。");
        tab.reply();
        tab.send("{\"type\":\"generate\"}");
        tab.await("draft");
        return id;
    }

    private java.util.Set<String> keysOf(String id) {
        return redis.keys("shuzhi:{" + id + "}:*");
    }

    @Test
    void deleteFrame_removesEveryKeyAndClosesEveryTab() {
        try (var tab = connect(); var other = connect()) {
            String id = withDraft(tab);
            other.hello(id, null);
            other.await("session");
            assertThat(keysOf(id)).isNotEmpty();

            tab.send("{\"type\":\"delete\"}");
            JsonNode mine = tab.await("deleted");
            JsonNode theirs = other.await("deleted");
            assertThat(mine.path("message").asString()).contains("已删除");
            assertThat(theirs.path("message").asString()).contains("已删除");
            assertThat(tab.awaitClose()).isEqualTo(1000);
            assertThat(other.awaitClose()).isEqualTo(1000);
            assertThat(keysOf(id)).isEmpty();

            // The id opens nothing any more: the page starts a new session.
            try (var later = connect()) {
                later.hello(id, null);
                JsonNode answer = later.await(f -> true);
                assertThat(answer.path("type").asString()).isEqualTo("error");
                assertThat(answer.path("code").asString()).isEqualTo("SESSION_NOT_FOUND");
                later.hello();
                assertThat(later.await("session").path("sessionId").asString()).isNotEqualTo(id);
            }
            assertThat(keysOf(id)).isEmpty();
        }
    }

    @Test
    void httpDelete_removesTheSessionAndTellsItsTabs() throws Exception {
        try (var tab = connect()) {
            String id = withDraft(tab);
            var http = HttpClient.newHttpClient();
            var uri = URI.create("http://127.0.0.1:" + port + "/api/sessions/" + id);
            var response = http.send(HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(tab.await("deleted").path("message").asString()).contains("已删除");
            assertThat(tab.awaitClose()).isEqualTo(1000);
            assertThat(keysOf(id)).isEmpty();

            var again = http.send(HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(404);
            var export = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/exports"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"" + id + "\",\"format\":\"txt\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(export.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aTabOnAnotherInstanceIsToldAndClosed() {
        try (var tab = connect();
             var second = new org.springframework.boot.builder.SpringApplicationBuilder(io.shuzhi.ShuzhiApplication.class)
                     .run("--server.port=0", "--shuzhi.redis.embedded-dir=target/embedded-redis")) {
            String id = newSession(tab);
            int port2 = ((org.springframework.boot.web.server.context.WebServerApplicationContext) second)
                    .getWebServer().getPort();
            try (var elsewhere = io.shuzhi.support.WsClient.connect(port2)) {
                elsewhere.hello(id, null);
                elsewhere.await("session");
                tab.send("{\"type\":\"delete\"}");
                tab.await("deleted");
                assertThat(elsewhere.await("deleted").path("message").asString()).contains("已删除");
                assertThat(elsewhere.awaitClose()).isEqualTo(1000);
            }
            assertThat(keysOf(id)).isEmpty();
        }
    }
}
