package io.shuzhi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cross-instance fan-out holds when Redis drops the subscriber's connection, and notices are handed on without a
 * thread each. That an instance knows when notices stop arriving is {@code session.SessionEventsTest}.
 */
class FanOutTest extends IntegrationTest {
    private static ConfigurableApplicationContext second;
    private static int portB;

    @BeforeAll
    static void startSecondInstance() {
        second = Hardening.startApp("--shuzhi.redis.embedded-dir=target/embedded-redis");
        portB = Hardening.port(second);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) second.close();
    }

    @Test
    void aTabOnAnotherInstanceSeesEveryCommit_evenAfterRedisDropsThePubSubConnections() {
        try (var a = connect(); var b = WsClient.connect(portB)) {
            String id = newSession(a);
            long seen = a.all().stream().mapToLong(f -> f.path("seq").asLong()).max().orElseThrow();
            b.hello(id, seen);
            b.drain(200);
            for (int round = 0; round < 3; round++) {
                // Redis closes every subscriber connection (a restart, a failover or a proxy timeout looks the same).
                assertThat(killSubscribers()).as("subscriber connections closed").isPositive();
                String text = "全年组织集中学习研讨交流" + (20 + round) + "次。";
                // The listener resubscribes in the background; the commit made after that reaches B's tab live.
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                boolean reached = false;
                int attempt = 0;
                while (!reached && System.nanoTime() < deadline) {
                    a.say("r" + round + "-" + attempt++, text);
                    a.reply();
                    var echo = b.drain(1000).stream().filter(f -> f.path("type").asString().equals("assistant_end"))
                            .findFirst();
                    reached = echo.isPresent();
                }
                assertThat(reached).as("round %s: B's tab got a commit made on A", round).isTrue();
                assertThat(attempt).as("round %s: at most the commits made while resubscribing were missed live", round)
                        .isLessThanOrEqualTo(5);
            }
        }
    }

    @Test
    void noticesAreHandedOnByLongLivedThreads_notByAThreadEach() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (var a = connect(); var b = WsClient.connect(portB)) {
            String id = newSession(a);
            long seen = a.all().stream().mapToLong(f -> f.path("seq").asLong()).max().orElseThrow();
            b.hello(id, seen);
            b.drain(200);
            long started = threads.getTotalStartedThreadCount();
            int commits = 30;
            for (int i = 0; i < commits; i++) {
                a.say("t-" + i, "全年组织集中学习研讨交流" + (30 + i) + "次。");
                a.reply();
            }
            assertThat(b.drain(1000).stream().filter(f -> f.path("type").asString().equals("assistant_end")).count())
                    .as("B's tab got the commits made on A").isPositive();
            // Both instances (one JVM) hear every commit: a thread per notice would be at least 2 × 30 threads.
            assertThat(threads.getTotalStartedThreadCount() - started).as("threads started during %d commits", commits)
                    .isLessThan(commits);
        }
    }

    /** {@code CLIENT KILL TYPE pubsub} on the tests' Redis; the number of connections closed. */
    private static long killSubscribers() {
        try (var socket = new java.net.Socket(io.shuzhi.support.TestRedis.HOST, io.shuzhi.support.TestRedis.PORT)) {
            socket.getOutputStream().write("CLIENT KILL TYPE pubsub\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String reply = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            if (reply == null || !reply.startsWith(":")) throw new AssertionError("CLIENT KILL answered " + reply);
            return Long.parseLong(reply.substring(1));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
