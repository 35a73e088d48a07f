package io.shuzhi.support;

import io.shuzhi.interview.TopicModel;
import io.shuzhi.session.SessionKeys;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Base of the integration tests: the whole app on a random port, the real Redis (REDIS_HOST:REDIS_PORT, 127.0.0.1:6379 by default, in the tests' own database 9 — see
 * {@link TestRedis} — or the bundled
 * redis-server when none answers), real WebSocket clients. One application context shared by every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shuzhi.redis.embedded-dir=target/embedded-redis",
                // The one other site allowed to embed the widget (the browser tests map the name to 127.0.0.1).
                "shuzhi.web.allowed-origins=" + IntegrationTest.ALLOWED_SITE + ":*"})
public abstract class IntegrationTest {
    /** An origin allowed to embed Shuzhi in every integration test; other origins are refused. */
    public static final String ALLOWED_SITE = "http://embed-allowed.test";

    @LocalServerPort
    protected int port;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    private ApplicationContext app;

    /**
     * The app routes by keywords until the similarity model has loaded in the background, then by meaning too where
     * keywords give no answer: tests wait for it, so that they see one behaviour, the one that ships.
     */
    @BeforeEach
    void similarityLoaded() throws InterruptedException {
        TopicModel.awaitReady(app, Duration.ofMinutes(2));
    }

    protected WsClient connect() {
        return WsClient.connect(port);
    }

    /** Starts a session and returns its id, with the greeting consumed. */
    protected String newSession(WsClient client) {
        client.hello();
        String id = client.await("session").path("sessionId").asString();
        client.reply();
        return id;
    }

    /** What Redis holds for a session: its state JSON, its facts and the length of its event log. */
    protected String storedState(String sessionId) {
        Object data = redis.opsForHash().get(SessionKeys.state(sessionId), "data");
        var facts = new java.util.TreeMap<Object, Object>(redis.opsForHash().entries(SessionKeys.facts(sessionId)));
        Long events = redis.opsForStream().size(SessionKeys.events(sessionId));
        return data + "|facts=" + facts + "|events=" + events;
    }
}
