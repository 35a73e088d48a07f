package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A tab that floods the socket is slowed down with a retryable error; the connection stays open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shuzhi.redis.embedded-dir=target/embedded-redis",
                "shuzhi.chat.connection-burst=5", "shuzhi.chat.connection-per-second=0.5"})
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
}
