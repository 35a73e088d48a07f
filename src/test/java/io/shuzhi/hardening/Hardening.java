package io.shuzhi.hardening;

import io.shuzhi.ShuzhiApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * What the hardening tests and benchmarks share: their own redis-server, another app instance, HTTP probes. Public for
 * the tests of other packages that need a redis-server of their own ({@code session.SessionEventsTest}).
 */
public final class Hardening {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Hardening() {}

    public static int freePort() {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The redis-server binary shipped in the embedded-redis artifact, on {@code port}, data in {@code dir}.
     * With {@code aof}: appendonly yes, appendfsync everysec (the app's own fallback settings), no RDB snapshots.
     */
    public static RedisServer startRedis(int port, Path dir, boolean aof) {
        try {
            var b = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"");
            if (dir != null) b.setting("dir " + java.nio.file.Files.createDirectories(dir).toAbsolutePath());
            if (aof) b.setting("appendonly yes").setting("appendfsync everysec");
            else b.setting("appendonly no");
            RedisServer server = b.build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void stopQuietly(RedisServer server) {
        try {
            if (server != null && server.isActive()) server.stop();
        } catch (IOException e) {
            // the test is over; a leftover child dies with the JVM
        }
    }

    /**
     * Another instance of the app on a random port. Settings go in as command-line arguments: properties given
     * through {@code SpringApplicationBuilder.properties(…)} are <em>default</em> properties and lose to
     * application.yml (which sets server.port, the Redis port and shuzhi.redis.embedded).
     */
    static ConfigurableApplicationContext startApp(String... args) {
        var all = new ArrayList<>(List.of("--server.port=0", "--logging.level.io.shuzhi=WARN",
                "--shuzhi.engine=offline"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(ShuzhiApplication.class).run(all.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** Status code and body of GET /actuator/health. */
    static HttpResponse<String> health(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
