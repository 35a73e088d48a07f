package io.shuzhi.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.ShuzhiApplication;
import io.shuzhi.session.SessionKeys;
import io.shuzhi.support.WsClient;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The app is killed (SIGKILL) while a model writes the draft, then started again on the same Redis: the page
 * resumes by lastSeq, facts and the sections already written are intact, the writer is told the draft was cut off,
 * and generating again completes it.
 */
class CrashRecoveryTest {
    private final List<Process> processes = new ArrayList<>();
    private final FakeModelServer model = new FakeModelServer();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        model.close();
    }

    private static int freePort() throws Exception {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A second JVM running the app, so it can be killed like a real process. */
    private int startApp(Path log) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ShuzhiApplication.class.getName(), "--server.port=" + port, "--shuzhi.engine=llm",
                "--shuzhi.llm.base-url=" + model.baseUrl(), "--shuzhi.llm.model=" + FakeModelServer.MODEL,
                "--shuzhi.llm.max-parallel-sections=1", "--shuzhi.chat.generation-lock=2s",
                "--shuzhi.redis.embedded-dir=target/embedded-redis", "--shuzhi.routing.similarity=none");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return port;
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (!p.isAlive()) throw new AssertionError("app exited: " + Files.readString(log));
            Thread.sleep(200);
        }
        throw new AssertionError("app did not start: " + Files.readString(log));
    }

    @Test
    void killedMidDraft_restartResumes_reportsTheInterruption_andGeneratesAgain() throws Exception {
        var slow = new AtomicBoolean(true);
        var sections = new java.util.concurrent.atomic.AtomicInteger();
        model.route((req, ex) -> {
            if (!req.streaming()) {
                ex.completion("好的。");
                return;
            }
            // The first section arrives; the next ones hang until the app is killed.
            if (slow.get() && sections.incrementAndGet() > 1) ex.stall(Duration.ofSeconds(60));
            LlmTestSupport.sectionWriter("").respond(req, ex);
        });
        Path logs = Files.createTempDirectory("shuzhi-crash");
        int first = startApp(logs.resolve("first.log"));

        String id;
        long seen;
        try (var tab = WsClient.connect(first)) {
            tab.hello();
            id = tab.await("session").path("sessionId").asString();
            tab.reply();
            tab.say("c-0", "机关第一党支部，2025年度");
            tab.reply();
            tab.say("c-1", "全年组织集中学习研讨交流24次，购买发放学习书籍120册。");
            tab.reply();
            tab.say("c-2", "召开支部党员大会6次、支委会12次。");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            JsonNode written = tab.await(f -> f.path("type").asString().equals("draft_section")
                    && f.path("ref").asString().equals("1.1"));
            assertThat(written.path("body").asString()).contains("24次");
            seen = written.path("seq").asLong();
            processes.get(0).destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
        }

        slow.set(false);
        var redis = redis();
        assertThat(redis.opsForHash().get(SessionKeys.state(id), "data").toString()).contains("\"generating\":");
        assertThat(redis.opsForHash().values(SessionKeys.facts(id)).toString()).contains("研讨交流24次");
        int second = startApp(logs.resolve("second.log"));
        Thread.sleep(2_500); // the dead instance's lock lapses (shuzhi.chat.generation-lock=2s)
        try (var tab = WsClient.connect(second)) {
            tab.hello(id, seen);
            JsonNode told = tab.await(f -> f.path("type").asString().equals("assistant_end")
                    && f.path("text").asString().contains("没有完成"));
            assertThat(told.path("seq").asLong()).isGreaterThan(seen);
            tab.send("{\"type\":\"generate\"}");
            JsonNode draft = tab.await("draft");
            assertThat(draft.path("version").asInt()).isEqualTo(1);
            assertThat(draft.path("text").asString()).contains("24次").contains("支委会12次");
        }
        // Every frame the first instance logged before it died is still there, in order.
        assertThat(redis.opsForStream().size(SessionKeys.events(id))).isGreaterThan(seen);
    }

    private static StringRedisTemplate redis() {
        // The Redis the child JVM uses: REDIS_PORT, and the tests' database (config/application.yml on its classpath).
        return io.shuzhi.support.TestRedis.template(io.shuzhi.support.TestRedis.factory());
    }
}
