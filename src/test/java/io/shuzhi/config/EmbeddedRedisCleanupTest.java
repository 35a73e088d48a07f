package io.shuzhi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded redis-server cleans up after an app killed with SIGKILL. Each app is a child JVM running the fallback
 * as the app's startup does, with its own temp folder, so the test can count exactly the redis-servers and folders it
 * made: kill -9 the first app, start a second, and there is one redis-server (the second's), a log line saying what
 * happened, no stray temp folder, and the data written before the kill.
 */
class EmbeddedRedisCleanupTest {
    private final List<Process> children = new ArrayList<>();
    private Path root;
    private Path tmp;
    private Path data;
    private int port;

    @BeforeEach
    void folders() throws IOException {
        root = Path.of("target", "embedded-cleanup", Long.toString(System.nanoTime())).toAbsolutePath();
        tmp = Files.createDirectories(root.resolve("tmp"));
        data = root.resolve("data");
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    @AfterEach
    void stopEverything() {
        children.forEach(Process::destroyForcibly);
        redisServers().forEach(ProcessHandle::destroyForcibly);
    }

    private record Child(Process process, Path log) {
        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "";
            }
        }
    }

    private Child startApp(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = root.resolve(name + ".log");
        Process p = new ProcessBuilder(java, "-Xmx64m", "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), EmbeddedRedisChild.class.getName(),
                Integer.toString(port), data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        var child = new Child(p, log);
        await(name + " to start its Redis (log: " + log + ")",
                () -> child.output().contains(EmbeddedRedisChild.READY) || !p.isAlive());
        assertThat(p.isAlive()).as(child.output()).isTrue();
        return child;
    }

    /** The redis-servers running from this test's temp folder. */
    private List<ProcessHandle> redisServers() {
        String prefix = tmp.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.startsWith(prefix) && c.contains("redis-server")).orElse(false))
                .toList();
    }

    private List<String> tempFolders() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("shuzhi-redis-") || n.startsWith("redis-"))
                    .sorted().toList();
        }
    }

    private String redis(String command) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[256];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8).strip();
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void afterKill9_theNextStartStopsTheOrphan_keepsItsData_andLeavesOneRedisAndOneFolder() throws Exception {
        Child first = startApp("first");
        List<ProcessHandle> firstRedis = redisServers();
        assertThat(firstRedis).hasSize(1);
        assertThat(firstRedis.get(0).parent().map(ProcessHandle::pid)).hasValue(first.process().pid());
        assertThat(tempFolders()).containsExactly("shuzhi-redis-" + first.process().pid() + "-" + suffixOf(first));
        assertThat(Files.isRegularFile(data.resolve(EmbeddedRedisFallback.LOCK_FILE))).isTrue();
        assertThat(redis("SET shuzhi-cleanup-test kept")).isEqualTo("+OK");

        first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        // What the issue saw: the redis-server and its folder outlive the app.
        assertThat(redisServers()).extracting(ProcessHandle::pid).containsExactly(firstRedis.get(0).pid());
        assertThat(tempFolders()).hasSize(1);

        Child second = startApp("second");
        assertThat(second.output()).contains("left running by an app that is gone (pid " + first.process().pid())
                .contains("pid " + firstRedis.get(0).pid());
        await("the orphan to be gone", () -> !firstRedis.get(0).isAlive());
        List<ProcessHandle> now = redisServers();
        assertThat(now).hasSize(1);
        assertThat(now.get(0).parent().map(ProcessHandle::pid)).hasValue(second.process().pid());
        assertThat(tempFolders()).containsExactly("shuzhi-redis-" + second.process().pid() + "-" + suffixOf(second));
        // SIGTERM let the orphan write its append-only file: what was written before the kill is there.
        assertThat(redis("GET shuzhi-cleanup-test")).isEqualTo("$4\r\nkept");

        second.process().destroy(); // SIGTERM: the JVM exits normally and its shutdown hook runs
        assertThat(second.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        await("the second redis-server to stop", () -> !now.get(0).isAlive());
        assertThat(redisServers()).isEmpty();
        assertThat(tempFolders()).isEmpty();
        assertThat(Files.exists(data.resolve(EmbeddedRedisFallback.LOCK_FILE))).isFalse();
    }

    @Test
    void aTempFolderOfAGoneApp_isRemovedAtTheNextStart() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path stray = Files.createDirectories(tmp.resolve("shuzhi-redis-" + gone.pid() + "-1234"));
        Files.writeString(stray.resolve("redis-server-6.2.6-v5-linux-amd64"), "x".repeat(1000));

        Child app = startApp("app");
        assertThat(Files.exists(stray)).isFalse();
        assertThat(app.output()).contains("Removed " + stray);
        assertThat(tempFolders()).containsExactly("shuzhi-redis-" + app.process().pid() + "-" + suffixOf(app));
        app.process().destroy();
        assertThat(app.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        await("its redis-server to stop", () -> redisServers().isEmpty());
        assertThat(tempFolders()).isEmpty();
    }

    /** The random part of an app's temp folder name (the only folder of that pid). */
    private String suffixOf(Child app) throws IOException {
        String head = "shuzhi-redis-" + app.process().pid() + "-";
        return tempFolders().stream().filter(n -> n.startsWith(head)).findFirst()
                .map(n -> n.substring(head.length())).orElse("(none)");
    }

    @AfterEach
    void removeFolders() throws IOException {
        if (root == null || !Files.exists(root) || Boolean.getBoolean("keepEmbeddedCleanup")) return;
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
