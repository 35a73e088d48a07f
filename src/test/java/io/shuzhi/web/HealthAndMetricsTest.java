package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health with Redis, Prometheus metrics of turns, and security headers on the page. */
class HealthAndMetricsTest extends IntegrationTest {

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_isUpWithRedis_andHasProbes() throws Exception {
        var health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("redis")
                .contains("\"model\":{\"details\":{\"engine\":\"offline\"},\"status\":\"UP\"}");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        var readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("redis").doesNotContain("model");
    }

    @Test
    void prometheus_countsTurnsAndErrorsByCode() throws Exception {
        try (var tab = connect()) {
            newSession(tab);
            tab.say("m-1", "机关第一党支部，2025年度");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            tab.await("error");
        }
        var metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("shuzhi_turn_latency_seconds_count{type=\"say\"}")
                .contains("shuzhi_errors_total{code=\"NO_FACTS\"}")
                .contains("shuzhi_sessions_active");
    }

    @Test
    void page_hasContentSecurityPolicy_andNoSniff() throws Exception {
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
