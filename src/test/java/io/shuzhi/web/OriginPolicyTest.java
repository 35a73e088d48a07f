package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.shuzhi.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Who may embed Shuzhi: its own page always, the sites in {@code shuzhi.web.allowed-origins} (here
 * {@value IntegrationTest#ALLOWED_SITE}), nobody else. Checked at the HTTP level with the origin a browser would send.
 */
class OriginPolicyTest extends IntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private int handshake(String origin) {
        var builder = http.newWebSocketBuilder();
        if (origin != null) builder.header("Origin", origin);
        try {
            WebSocket ws = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"),
                    new WebSocket.Listener() { }).join();
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private HttpResponse<String> get(String path, String origin) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (origin != null) req.header("Origin", origin);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void socketFromAnotherSite_isRefusedWith403() {
        assertThat(handshake("http://embed-blocked.test:8080")).isEqualTo(403);
        assertThat(handshake("https://evil.example")).isEqualTo(403);
        // A pattern for one host does not admit a look-alike.
        assertThat(handshake("http://embed-allowed.test.evil.example")).isEqualTo(403);
    }

    @Test
    void socketFromAnOpaqueOrigin_null_isRefused() {
        // Sandboxed iframes, file: pages and some redirects send "Origin: null": no site to trust.
        assertThat(handshake("null")).isEqualTo(403);
    }

    @Test
    void deleteAndImport_fromAnotherSite_areRefused_andChangeNothing() throws Exception {
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
        }
        for (String path : new String[] {"/api/sessions/" + id, "/api/sessions/" + id + "/import"}) {
            var pre = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", path.endsWith("import") ? "POST" : "DELETE").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pre.statusCode()).as(path).isEqualTo(403);
            assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        // Sent anyway (no browser would, after that preflight): refused before it reaches the session.
        var delete = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sessions/" + id))
                .header("Origin", "https://evil.example").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(redis.hasKey(io.shuzhi.session.SessionKeys.state(id))).isTrue();
    }

    @Test
    void withNoOtherSiteAllowed_theDefault_everyForeignApiRequestIsRefused() throws Exception {
        try (var app = new org.springframework.boot.builder.SpringApplicationBuilder(io.shuzhi.ShuzhiApplication.class)
                .run("--server.port=0", "--shuzhi.redis.embedded-dir=target/embedded-redis", "--shuzhi.web.allowed-origins=",
                        "--shuzhi.routing.similarity=none")) {
            int other = ((org.springframework.boot.web.server.context.WebServerApplicationContext) app).getWebServer().getPort();
            var base = "http://127.0.0.1:" + other;
            var kinds = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kinds")).header("Origin", ALLOWED_SITE + ":4321")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(kinds.statusCode()).isEqualTo(403);
            var link = http.send(HttpRequest.newBuilder(URI.create(base + "/api/exports"))
                    .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"format\":\"txt\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(link.statusCode()).isEqualTo(403);
            // Its own page (same origin) is served as always.
            var own = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kinds")).header("Origin", base).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void socketFromAnAllowedSite_opens() {
        assertThat(handshake(ALLOWED_SITE + ":4321")).isEqualTo(101);
    }

    @Test
    void socketFromShuzhisOwnPage_alwaysOpens() {
        assertThat(handshake("http://127.0.0.1:" + port)).isEqualTo(101);
    }

    @Test
    void socketWithoutOrigin_opens_forNonBrowserClients() {
        assertThat(handshake(null)).isEqualTo(101);
    }

    @Test
    void kindsApi_isReadableFromAnAllowedSite_only() throws Exception {
        var allowed = get("/api/kinds", ALLOWED_SITE + ":4321");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_SITE + ":4321");

        var other = get("/api/kinds", "https://evil.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        var own = get("/api/kinds", null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("party-branch-secretary");
    }

    private HttpResponse<String> preflight(String path, String method, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void exportLinkPreflight_fromAnAllowedSite_isAnswered_fromAnyOtherRefused() throws Exception {
        var allowed = preflight("/api/exports", "POST", ALLOWED_SITE + ":4321");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_SITE + ":4321");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("content-type");

        var post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/exports"))
                .header("Origin", ALLOWED_SITE + ":4321").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"format\":\"txt\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_SITE + ":4321");

        var evil = preflight("/api/exports", "POST", "https://evil.example");
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void widgetAndAppFiles_areServedWithCacheControl() throws Exception {
        var widget = get("/widget.js", null);
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(widget.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        for (String file : new String[] {"/app.js", "/app.css", "/"}) {
            var r = get(file, null);
            assertThat(r.statusCode()).as(file).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).as(file).hasValue("no-cache");
        }
        // A cross-origin <script> or <link> needs no CORS, and nothing here forbids other sites to load them.
        assertThat(widget.headers().firstValue("Cross-Origin-Resource-Policy")).isEmpty();
    }

    @Test
    void ownPage_runsUnderTheStrictPolicy() throws Exception {
        var page = get("/", null);
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").contains("connect-src 'self'");
        assertThat(catchThrowable(() -> get("/widget.js", null).headers()
                .firstValue("Content-Security-Policy").orElseThrow())).isNotNull();
    }
}
