package io.shuzhi.support;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis the tests use: {@code REDIS_HOST}/{@code REDIS_PORT} as the app reads them, and the tests' own database
 * ({@code SHUZHI_TEST_REDIS_DATABASE}, 9), which {@code src/test/resources/config/application.yml} sets for every app
 * a test starts, with sessions that expire 2 hours after the run. A test that reads Redis directly uses this, never a
 * hard-coded address.
 */
public final class TestRedis {
    public static final String HOST = env("REDIS_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("REDIS_PORT", "6379"));
    public static final int DATABASE = Integer.parseInt(env("SHUZHI_TEST_REDIS_DATABASE", "9"));

    private TestRedis() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A connection to {@code database} of the Redis at REDIS_HOST:REDIS_PORT (close it with destroy()). */
    public static LettuceConnectionFactory factory(int database) {
        var config = new RedisStandaloneConfiguration(HOST, PORT);
        config.setDatabase(database);
        var factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /** A connection to the tests' database. */
    public static LettuceConnectionFactory factory() {
        return factory(DATABASE);
    }

    public static StringRedisTemplate template(LettuceConnectionFactory factory) {
        return new StringRedisTemplate(factory);
    }
}
