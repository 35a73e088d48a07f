package io.shuzhi.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shuzhi.hardening.Hardening;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/**
 * An instance knows (a metric and a log line) when cross-instance notices stop arriving instead of dropping them
 * silently, and recovers when Redis is back: {@link SessionEvents} on a redis-server of its own.
 */
class SessionEventsTest {

    @Test
    void whenNoticesStopArriving_theInstanceCountsItAndSaysSo_andRecovers(@TempDir Path dir) throws Exception {
        int redisPort = Hardening.freePort();
        RedisServer own = Hardening.startRedis(redisPort, dir, false);
        // As the app's: commands give up after 2 s while Redis is away.
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort),
                org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofSeconds(2)).build());
        factory.afterPropertiesSet();
        factory.start();
        var registry = new SimpleMeterRegistry();
        var events = new SessionEvents(factory, registry, new SessionProperties(null, null, null, null, Duration.ZERO));
        try {
            events.probe();
            Thread.sleep(500);
            events.probe();
            assertThat(events.up()).as("a probe published and heard back").isTrue();
            assertThat(registry.counter("shuzhi.fanout.lost").count()).isZero();

            Hardening.stopQuietly(own);
            events.probe();
            Thread.sleep(500);
            events.probe();
            assertThat(events.up()).as("Redis away: the probe is not heard").isFalse();
            assertThat(registry.counter("shuzhi.fanout.lost").count()).isPositive();
            assertThat(registry.get("shuzhi.fanout.up").gauge().value()).isZero();

            own = Hardening.startRedis(redisPort, dir, false);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!events.up() && System.nanoTime() < deadline) {
                events.probe();
                Thread.sleep(500);
                events.probe();
            }
            assertThat(events.up()).as("Redis back: the container resubscribed and probes are heard again").isTrue();
            assertThat(registry.get("shuzhi.fanout.up").gauge().value()).isEqualTo(1.0);
        } finally {
            events.close();
            factory.destroy();
            Hardening.stopQuietly(own);
        }
    }
}
