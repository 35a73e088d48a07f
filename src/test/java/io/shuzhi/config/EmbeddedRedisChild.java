package io.shuzhi.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A JVM that runs only the embedded-Redis fallback, as the app's startup does, then waits to be stopped or killed:
 * {@code EmbeddedRedisChild <port> <embedded-dir>}. Prints {@value #READY} once Redis answers.
 */
public final class EmbeddedRedisChild {
    static final String READY = "EMBEDDED-REDIS-CHILD-READY";

    private EmbeddedRedisChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("child", Map.of(
                "spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", args[0],
                "shuzhi.redis.embedded-dir", args[1])));
        new EmbeddedRedisFallback(log -> log.get()).postProcessEnvironment(env, new SpringApplication());
        System.out.println(READY + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
