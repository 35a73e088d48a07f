package io.shuzhi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The suite writes only in its own Redis database, with a short expiry: the developer's (or a running app's)
 * database 0 is as the run found it, and so is the day's token counter the apps share.
 */
class TestIsolationTest extends IntegrationTest {
    @Autowired
    LettuceConnectionFactory factory;

    @Test
    void sessionsOfTheTestsLiveInTheTestDatabaseOnly() {
        assertThat(factory.getDatabase()).isEqualTo(TestRedis.DATABASE).isNotZero();
        assertThat(factory.getPort()).isEqualTo(TestRedis.PORT);
        String id;
        try (var tab = connect()) {
            id = newSession(tab);
        }
        assertThat(redis.hasKey(SessionKeys.state(id))).isTrue();
        assertThat(redis.getExpire(SessionKeys.state(id))).isPositive().isLessThanOrEqualTo(Duration.ofHours(2).toSeconds());
        LettuceConnectionFactory main = TestRedis.factory(0);
        try {
            var db0 = TestRedis.template(main);
            assertThat(db0.hasKey(SessionKeys.state(id))).isFalse();
            assertThat(db0.hasKey(SessionKeys.events(id))).isFalse();
        } finally {
            main.destroy();
        }
    }
}
