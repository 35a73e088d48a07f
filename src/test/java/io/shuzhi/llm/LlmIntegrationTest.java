package io.shuzhi.llm;

import io.shuzhi.support.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the LLM-mode integration tests: the whole app on a random port with {@code shuzhi.engine=llm} against one
 * static {@link FakeModelServer}, the real Redis and real WebSocket clients. Every LLM test class extends this and
 * adds no properties, so they all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shuzhi.redis.embedded-dir=target/embedded-redis",
        "shuzhi.engine=llm",
        "shuzhi.routing.similarity=none",
        "shuzhi.llm.model=" + FakeModelServer.MODEL,
        "shuzhi.llm.api-key=" + LlmTestSupport.KEY,
        "shuzhi.llm.timeout=2s",
        "shuzhi.llm.first-token-timeout=1s",
        "shuzhi.llm.idle-timeout=1s",
        "shuzhi.llm.total-timeout=15s",
        "shuzhi.llm.retry-backoff=100ms"})
public abstract class LlmIntegrationTest {
    protected static final FakeModelServer FAKE = new FakeModelServer();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("shuzhi.llm.base-url", FAKE::baseUrl);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected StringRedisTemplate redis;

    protected WsClient connect() {
        return WsClient.connect(port);
    }
}
