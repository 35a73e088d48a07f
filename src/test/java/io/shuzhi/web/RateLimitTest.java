package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Abuse refused in a context of its own (low limits): a tab that floods the socket is slowed down with a retryable
 * error; a socket left idle is closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shuzhi.redis.embedded-dir=target/embedded-redis",
                "shuzhi.chat.connection-burst=5", "shuzhi.chat.connection-per-second=0.5",
                "shuzhi.chat.idle-timeout=3s", "shuzhi.routing.similarity=none"})
class RateLimitTest {
    @LocalServerPort
    int port;

    @Test
    void floodingTab_getsRateLimited_andIsServedAgainAfterAPause() throws Exception {
        try (var tab = WsClient.connect(port)) {
            for (int i = 0; i < 12; i++) tab.send("{\"type\":\"versions\"}");
            JsonNode limited = tab.await(f -> f.path("code").asString().equals("RATE_LIMITED"));
            assertThat(limited.path("retryable").asBoolean()).isTrue();
            assertThat(limited.path("message").asString()).contains("太快");
            List<JsonNode> all = tab.all();
            long refused = all.stream().filter(f -> f.path("code").asString().equals("RATE_LIMITED")).count();
            assertThat(refused).isGreaterThanOrEqualTo(1);
            assertThat(tab.isOpen()).isTrue();
            Thread.sleep(2_500); // the bucket refills at 0.5 frames a second
            tab.hello();
            assertThat(tab.await("session").path("sessionId").asString()).isNotBlank();
        }
    }

    @Test
    void idleSocket_isClosedByTheServer_afterTheIdleTimeout() {
        try (var tab = WsClient.connect(port)) {
            tab.hello();
            tab.await("session");
            long start = System.nanoTime();
            // shuzhi.chat.idle-timeout=3s here (30 minutes by default). Tomcat looks for idle sessions on its
            // background tick, every 10 s by default (org.apache.tomcat.websocket.DEFAULT_PROCESS_PERIOD): the close
            // comes 3 to 13 s after the last frame.
            int code = tab.awaitClose(20);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertThat(code).isIn(1000, 1001, 1006);
            assertThat(waited).isGreaterThanOrEqualTo(2_000);
        }
    }
}
