package io.shuzhi.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import redis.embedded.RedisServer;

/**
 * Makes the app (and the test suite) run on a machine with no Redis: when nothing answers at the configured local
 * address, starts the real {@code redis-server} binary shipped in the embedded-redis artifact on that port, with an
 * append-only file so sessions outlive an app restart. {@code shuzhi.redis.embedded=never} turns it off (the
 * {@code prod} profile does), and then a missing Redis is reported by health and by errors to the writer.
 */
public class EmbeddedRedisFallback implements EnvironmentPostProcessor {
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1");
    private static RedisServer started;

    private final Log log;

    public EmbeddedRedisFallback(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedRedisFallback.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if ("never".equalsIgnoreCase(env.getProperty("shuzhi.redis.embedded", "auto"))) return;
        String host = env.getProperty("spring.data.redis.host", "localhost");
        int port = env.getProperty("spring.data.redis.port", Integer.class, 6379);
        if (!LOCAL.contains(host) || answers(host, port)) return;
        synchronized (EmbeddedRedisFallback.class) {
            if (started != null && answers(host, port)) return;
            Path dir = Path.of(env.getProperty("shuzhi.redis.embedded-dir", "data/redis")).toAbsolutePath();
            try {
                Files.createDirectories(dir);
                started = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("dir " + dir)
                        .setting("appendonly yes")
                        .setting("appendfsync everysec")
                        .setting("save \"\"")
                        .build();
                started.start();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedisFallback::stop, "embedded-redis-stop"));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("No Redis answered at " + host + ":" + port
                        + " and the embedded redis-server could not start: " + e.getMessage()
                        + ". Start Redis, or point spring.data.redis.host/port at one.", e);
            }
            log.warn("No Redis answered at " + host + ":" + port + "; started the embedded redis-server there"
                    + " (data in " + dir + "). Set shuzhi.redis.embedded=never to turn this off.");
            env.getPropertySources().addLast(new MapPropertySource("embeddedRedis",
                    Map.of("shuzhi.redis.embedded-running", "true")));
        }
    }

    static boolean answers(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] buf = new byte[64];
            int n = socket.getInputStream().read(buf);
            // +PONG, or -NOAUTH from a Redis with a password: either way a Redis answers.
            return n > 0 && (buf[0] == '+' || buf[0] == '-');
        } catch (IOException e) {
            return false;
        }
    }

    private static synchronized void stop() {
        if (started != null) {
            try {
                started.stop();
            } catch (IOException ignored) {
                // the JVM is exiting; the child process dies with it
            }
        }
    }
}
