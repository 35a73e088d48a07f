package io.shuzhi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import io.shuzhi.session.SessionStore;
import io.shuzhi.support.WsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shuzhi on a real Redis Cluster: 3 masters with one replica each ({@link LocalRedisCluster}, the system's
 * redis-server), two app instances pointed at it with {@code spring.data.redis.cluster.nodes}, real WebSocket tabs.
 * A whole conversation (answers, a draft, a refinement), a resume with {@code lastSeq}, tabs on both instances seeing
 * each other's frames, an edit conflict across instances and the retention purge's SCAN over every master; then the
 * master holding the session's slot is failed over by its replica (manual failover: nothing acknowledged is lost),
 * both instances learn the new topology, and that master is killed (its replica, the master of before, is elected;
 * what was acknowledged and replicated is there); last, the node an instance's pattern subscription sits on is
 * killed and fan-out still works both ways. After each, the session resumes and goes on.
 */
@Timeout(value = 170)
class RedisClusterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FORMATION = Duration.ofSeconds(60);
    private static final Duration FAILOVER = Duration.ofSeconds(60);

    private static LocalRedisCluster cluster;
    private static ConfigurableApplicationContext appA;
    private static ConfigurableApplicationContext appB;
    private static int portA;
    private static int portB;
    private static int fallbackPort;

    @BeforeAll
    static void startClusterAndTwoInstances() {
        Assumptions.assumeTrue(LocalRedisCluster.available(),
                "needs " + LocalRedisCluster.SERVER + " and " + LocalRedisCluster.CLI + " (Debian's redis-server)");
        cluster = LocalRedisCluster.start(FORMATION);
        // Nothing listens here: were the embedded-Redis fallback to look at host/port despite the cluster nodes, it
        // would start a redis-server on it.
        fallbackPort = Hardening.freePort();
        String[] args = {
                "--spring.data.redis.cluster.nodes=" + cluster.nodesProperty(),
                // A cluster has database 0 only (the tests' own config picks another for a standalone Redis).
                "--spring.data.redis.database=0",
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + fallbackPort,
                "--shuzhi.redis.embedded-dir=target/embedded-redis-cluster",
                // Keyword routing only: the model that routes by meaning has nothing to do with Redis.
                "--shuzhi.routing.similarity=none"};
        appA = Hardening.startApp(with(args, "--spring.data.redis.client-name=shuzhi-a"));
        portA = Hardening.port(appA);
        appB = Hardening.startApp(with(args, "--spring.data.redis.client-name=shuzhi-b"));
        portB = Hardening.port(appB);
    }

    private static String[] with(String[] args, String more) {
        var all = new ArrayList<>(List.of(args));
        all.add(more);
        return all.toArray(String[]::new);
    }

    @AfterAll
    static void stopEverything() {
        try {
            try {
                if (appA != null) appA.close();
            } finally {
                if (appB != null) appB.close();
            }
        } finally {
            if (cluster != null) {
                List<Process> servers = cluster.processes();
                cluster.close();
                assertThat(servers).as("every redis-server of the cluster stopped").noneMatch(Process::isAlive);
            }
        }
    }

    @Test
    void conversationResumeFanOutConflictAndFailover_onAThreeMasterCluster() {
        for (var app : List.of(appA, appB)) {
            assertThat(app.getBean(org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory.class)
                    .isClusterAware()).as("the app talks to the cluster").isTrue();
        }
        assertThat(listens(fallbackPort)).as("no embedded redis-server started").isFalse();
        for (int port : List.of(portA, portB)) {
            var health = Hardening.health(port);
            assertThat(health.statusCode()).as("health on " + port + ": " + health.body()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("components").path("redis").path("status").asString())
                    .as(health.body()).isEqualTo("UP");
        }

        String id;
        long acknowledged;
        try (var a = WsClient.connect(portA)) {
            // A whole conversation on instance A: answers, a draft, a refinement.
            id = newSession(a);
            for (int i = 0; i < ANSWERS.length; i++) {
                a.say("a-" + i, ANSWERS[i]);
                a.reply();
            }
            a.say("a-gen", "生成草稿");
            JsonNode v1 = draft(a, 1);
            a.reply();
            assertThat(v1.path("text").asString()).contains("研讨交流24次").contains("120册").contains("大力");
            long beforeRefine = lastSeq(a);
            a.say("a-refine", "把‘大力’都去掉");
            JsonNode v2 = draft(a, 2);
            a.reply();
            assertThat(v2.path("text").asString()).doesNotContain("大力").contains("研讨交流24次");
            List<JsonNode> refineFrames = a.all().stream().filter(f -> f.path("seq").asLong() > beforeRefine).toList();
            acknowledged = lastSeq(a);

            // Resume on instance B with lastSeq: exactly the frames after it, in order, once.
            try (var b = WsClient.connect(portB)) {
                b.hello(id, beforeRefine);
                var replay = new ArrayList<JsonNode>();
                JsonNode f;
                do {
                    f = b.await(x -> true);
                    replay.add(f);
                } while (f.path("seq").asLong() < acknowledged);
                io.shuzhi.support.Replays.assertReplayOf(replay, refineFrames, true);
                assertThat(b.drain(300)).as("nothing more replayed").isEmpty();

                // Fan-out across the cluster: a turn on B reaches the tab on A, and one on A reaches B.
                b.say("b-1", "开展谈心谈话覆盖党员30人。");
                JsonNode endB = b.await("assistant_end");
                JsonNode endOnA = a.await("assistant_end");
                assertThat(endOnA.path("seq").asLong()).isEqualTo(endB.path("seq").asLong());
                assertThat(endOnA.path("text").asString()).isEqualTo(endB.path("text").asString());
                a.say("a-late", "召开支部党员大会6次、支委会12次。");
                JsonNode echoOnB = b.await(x -> "user_message".equals(x.path("type").asString())
                        && "a-late".equals(x.path("id").asString()));
                JsonNode echoOnA = a.await(x -> "user_message".equals(x.path("type").asString())
                        && "a-late".equals(x.path("id").asString()));
                assertThat(echoOnB.path("seq").asLong()).isEqualTo(echoOnA.path("seq").asLong());
                a.reply();
                b.reply();

                // An edit conflict across instances: A edits version 2, B's edit on version 2 comes too late.
                a.send(edit("1.1", "甲实例上的修改：全年研讨交流24次。", 2));
                JsonNode v3onB = draft(b, 3);
                assertThat(v3onB.path("text").asString()).contains("甲实例上的修改");
                await(b, "versions");
                draft(a, 3);
                await(a, "versions");
                b.send(edit("1.1", "乙实例上的修改。", 2));
                JsonNode conflict = b.await("error");
                assertThat(conflict.path("code").asString()).isEqualTo("VERSION_CONFLICT");
                assertThat(conflict.path("currentVersion").asInt()).isEqualTo(3);
                assertThat(conflict.path("text").asString()).isEqualTo("乙实例上的修改。");
                acknowledged = Math.max(lastSeq(a), lastSeq(b));

                // Every tab saw every frame once, in order, without a gap.
                for (var tab : List.of(a, b)) {
                    var seqs = tab.all().stream().filter(x -> !"error".equals(x.path("type").asString()))
                            .map(x -> x.path("seq").asLong()).filter(s -> s > beforeRefine).toList();
                    assertThat(seqs).doesNotHaveDuplicates().isSorted();
                    assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).isEqualTo(seqs.size());
                }
            }
        }

        // The retention purge's SCAN sees sessions on every master.
        purgeScanSeesEveryMaster(id);

        // Fail over the master that holds the session's slot, by its replica (a manual failover: the replica catches
        // up first, so nothing acknowledged is lost).
        int slot = cluster.keySlot(SessionKeys.state(id));
        for (String key : SessionKeys.everyKey(id)) assertThat(cluster.keySlot(key)).as(key).isEqualTo(slot);
        var master = cluster.masterOf(slot, cluster.ports().get(0));
        var replica = cluster.replicaOf(master);
        String answer = cluster.cli(replica.port(), "cluster", "failover").trim();
        assertThat(answer).isEqualTo("OK");
        LocalRedisCluster.await("the replica on " + replica.port() + " serves slot " + slot + " on every node",
                FAILOVER, () -> cluster.ports().stream().allMatch(p -> {
                    var nodes = cluster.nodes(p);
                    return nodes.stream().anyMatch(n -> n.port() == replica.port() && n.master() && n.owns(slot))
                            && nodes.stream().anyMatch(n -> n.port() == master.port() && !n.master());
                }));
        cluster.awaitHealthy(FAILOVER);
        assertThat(cluster.cli(replica.port(), "role")).startsWith("master");

        // Nothing acknowledged is lost, and the session goes on, on both instances.
        final long lastAcknowledged = acknowledged;
        try (var b = WsClient.connect(portB); var a = WsClient.connect(portA)) {
            b.hello(id, lastAcknowledged);
            a.hello(id, null);
            JsonNode snapshot = await(a, "session");
            assertThat(snapshot.path("facts").toString()).contains("24次").contains("120册").contains("30人");
            assertThat(snapshot.path("draft").path("version").asInt()).isEqualTo(3);
            assertThat(snapshot.path("draft").toString()).contains("甲实例上的修改");
            assertThat(snapshot.path("messages").toString()).contains("召开支部党员大会6次");
            assertThat(b.drain(300)).as("B missed nothing: nothing to replay").isEmpty();

            b.say("b-after", "全年发展党员2名。");
            JsonNode echo = await(b, "user_message");
            assertThat(echo.path("seq").asLong()).isEqualTo(lastAcknowledged + 1);
            b.reply();
            assertThat(a.await(x -> "user_message".equals(x.path("type").asString())
                    && "b-after".equals(x.path("id").asString())).path("seq").asLong())
                    .as("fan-out after the failover").isEqualTo(lastAcknowledged + 1);
            a.send("{\"type\":\"generate\"}");
            JsonNode v4 = draft(a, 4);
            assertThat(v4.path("text").asString()).contains("研讨交流24次").contains("发展党员2名");
            assertThat(draft(b, 4).path("version").asInt()).isEqualTo(4);
        }
        Map<Object, Object> drafts = redisOf(appB).opsForHash().entries(SessionKeys.drafts(id));
        assertThat(drafts.keySet()).containsExactlyInAnyOrder("1", "2", "3", "4");

        // Both instances learned the new topology (not only followed a redirect): the slot's master is the replica
        // that took over. Then kill that master outright: its replica (the master of before) is elected in its
        // place, and what was acknowledged and replicated before the kill is all there.
        for (var app : List.of(appA, appB)) {
            LocalRedisCluster.await("the app sees " + replica.port() + " as the master of slot " + slot, FAILOVER,
                    () -> masterSeenBy(app, slot) == replica.port());
        }
        cluster.awaitReplicated(replica.port(), FAILOVER);
        long beforeKill;
        try (var a = WsClient.connect(portA)) {
            a.hello(id, null);
            beforeKill = await(a, "session").path("seq").asLong();
        }
        cluster.kill(replica.port());
        LocalRedisCluster.await("the master of before serves slot " + slot + " again on every live node", FAILOVER,
                () -> cluster.livePorts().stream().allMatch(p -> {
                    String info = cluster.cliQuiet(p, "cluster", "info");
                    return info != null && info.contains("cluster_state:ok") && cluster.nodes(p).stream()
                            .anyMatch(n -> n.port() == master.port() && n.master() && n.owns(slot));
                }));
        // Until an instance has refreshed its topology, a turn may find the store unavailable (retryable): the page
        // reconnects and resends, as it does here.
        JsonNode snapshot = resumeRetrying(portA, id);
        assertThat(snapshot.path("seq").asLong()).isEqualTo(beforeKill);
        assertThat(snapshot.path("draft").path("version").asInt()).isEqualTo(4);
        assertThat(snapshot.path("facts").toString()).contains("24次").contains("发展党员2名");
        assertThat(resumeRetrying(portB, id).path("seq").asLong()).isEqualTo(beforeKill);
        try (var a = WsClient.connect(portA); var b = WsClient.connect(portB)) {
            a.hello(id, beforeKill);
            b.hello(id, beforeKill);
            assertThat(a.drain(300)).isEmpty();
            assertThat(b.drain(0)).isEmpty();
            assertThat(sayRetrying(a, "a-after-kill", "全年开展主题党日12次。").path("seq").asLong())
                    .isEqualTo(beforeKill + 1);
            a.reply();
            assertThat(b.await(x -> "user_message".equals(x.path("type").asString())
                    && "a-after-kill".equals(x.path("id").asString())).path("seq").asLong()).isEqualTo(beforeKill + 1);
        }
        for (var app : List.of(appA, appB)) assertThat(masterSeenBy(app, slot)).isEqualTo(master.port());

        // Fan-out survives losing the node an instance's pattern subscription sits on: B's (or A's) subscribing node
        // is killed — or, should both sit on the one master left without a replica, their connections are.
        long seen = lastSeqOf(portA, id);
        int victim = subscriberNode("shuzhi-b", master.port());
        String listener = "shuzhi-b";
        if (victim < 0) {
            victim = subscriberNode("shuzhi-a", master.port());
            listener = "shuzhi-a";
        }
        if (victim > 0) {
            final int gone = victim;
            boolean wasMaster = cluster.nodes(master.port()).stream().anyMatch(n -> n.port() == gone && n.master());
            cluster.kill(victim);
            LocalRedisCluster.await("every live node sees " + gone + " failed and the cluster ok", FAILOVER,
                    () -> cluster.livePorts().stream().allMatch(p -> {
                        String info = cluster.cliQuiet(p, "cluster", "info");
                        return info != null && info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:16384")
                                && cluster.nodes(p).stream().anyMatch(n -> n.port() == gone && n.failed());
                    }));
            System.out.println("killed " + gone + (wasMaster ? " (a master)" : " (a replica)") + ", where "
                    + listener + " subscribed");
        } else {
            for (int p : cluster.livePorts()) cluster.cli(p, "client", "kill", "type", "pubsub");
            System.out.println("both subscriptions were on " + master.port() + ": their connections killed");
        }
        try (var a = WsClient.connect(portA); var b = WsClient.connect(portB)) {
            a.hello(id, seen);
            b.hello(id, seen);
            a.drain(300);
            b.drain(0);
            JsonNode echo = sayRetrying(a, "a-after-loss", "全年开展主题党日15次。");
            a.reply();
            assertThat(b.await(x -> "user_message".equals(x.path("type").asString())
                    && "a-after-loss".equals(x.path("id").asString())).path("seq").asLong())
                    .as("B hears A's commit").isEqualTo(echo.path("seq").asLong());
            b.await("assistant_end");
            JsonNode echoB = sayRetrying(b, "b-after-loss", "全年开展谈心谈话40人次。");
            b.reply();
            assertThat(a.await(x -> "user_message".equals(x.path("type").asString())
                    && "b-after-loss".equals(x.path("id").asString())).path("seq").asLong())
                    .as("A hears B's commit").isEqualTo(echoB.path("seq").asLong());
        }
    }

    /** The seq of the session's last frame, by a resume on {@code port}. */
    private static long lastSeqOf(int port, String id) {
        return resumeRetrying(port, id).path("seq").asLong();
    }

    /**
     * The port of the node holding the pattern subscription of the app named {@code clientName}, -1 when it is
     * {@code avoid} (a node whose loss would leave slots without a master).
     */
    private static int subscriberNode(String clientName, int avoid) {
        for (int p : cluster.livePorts()) {
            boolean holds = java.util.Arrays.stream(cluster.cli(p, "client", "list").split("\n"))
                    .anyMatch(l -> l.contains("name=" + clientName + " ") && l.contains("psub=1"));
            if (holds) return p == avoid ? -1 : p;
        }
        throw new AssertionError(clientName + " has no pattern subscription on any node");
    }

    /** Says {@code text} and returns its echo; resends the same id while the store is unavailable (for a minute). */
    private static JsonNode sayRetrying(WsClient tab, String id, String text) {
        long deadline = System.nanoTime() + FAILOVER.toNanos();
        while (true) {
            tab.say(id, text);
            JsonNode f = tab.await(x -> ("user_message".equals(x.path("type").asString())
                    && id.equals(x.path("id").asString())) || "error".equals(x.path("type").asString()));
            if (!"error".equals(f.path("type").asString())) return f;
            assertThat(f.path("code").asString()).isEqualTo("STORE_UNAVAILABLE");
            if (System.nanoTime() > deadline) throw new AssertionError("store still unavailable: " + f);
            tab.drain(500);
        }
    }

    /** The port of the master of {@code slot} in the app's own view of the cluster (Lettuce's partitions). */
    private static int masterSeenBy(ConfigurableApplicationContext app, int slot) {
        var factory = app.getBean(org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory.class);
        try (var connection = factory.getClusterConnection()) {
            return connection.clusterGetNodeForSlot(slot).getPort();
        }
    }

    /**
     * Opens a tab and resumes {@code id} (snapshot), again on a new tab while the store is unavailable, for up to a
     * minute; returns the snapshot.
     */
    private static JsonNode resumeRetrying(int port, String id) {
        long deadline = System.nanoTime() + FAILOVER.toNanos();
        while (true) {
            try (var tab = WsClient.connect(port)) {
                tab.hello(id, null);
                JsonNode f = tab.await(x -> "session".equals(x.path("type").asString())
                        || "error".equals(x.path("type").asString()));
                if ("session".equals(f.path("type").asString())) return f;
                assertThat(f.path("code").asString()).isEqualTo("STORE_UNAVAILABLE");
                if (System.nanoTime() > deadline) throw new AssertionError("store still unavailable: " + f);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Makes sessions until they sit on all three masters, then asks the purge's query for every session idle since
     * tomorrow: each one must be found (a SCAN of one node would find a third of them).
     */
    private static void purgeScanSeesEveryMaster(String first) {
        var ids = new ArrayList<>(List.of(first));
        Set<Integer> masters = new HashSet<>();
        masters.add(cluster.masterOf(cluster.keySlot(SessionKeys.state(first)), cluster.ports().get(0)).port());
        for (int i = 0; i < 40 && masters.size() < 3; i++) {
            try (var tab = WsClient.connect(i % 2 == 0 ? portA : portB)) {
                String id = newSession(tab);
                ids.add(id);
                masters.add(cluster.masterOf(cluster.keySlot(SessionKeys.state(id)), cluster.ports().get(0)).port());
            }
        }
        assertThat(masters).hasSize(3);
        // Enough state keys that each master takes several SCAN calls (the purge asks 500 a call): the scan must go
        // on from one master to the next, not stop after the first.
        var redis = redisOf(appA);
        var old = new ArrayList<String>();
        for (int i = 0; i < 2000; i++) {
            String fake = "purge-scan-" + i;
            redis.opsForHash().put(SessionKeys.state(fake), "at", "1");
            redis.expire(SessionKeys.state(fake), Duration.ofHours(1));
            old.add(fake);
        }
        Instant now = Instant.now();
        List<String> idle = appA.getBean(SessionStore.class).idleSince(now.plus(Duration.ofDays(1)), now);
        assertThat(idle).containsAll(ids).containsAll(old);
        assertThat(appA.getBean(SessionStore.class).idleSince(now.minus(Duration.ofDays(1)), now))
                .as("only the long idle ones").containsAll(old).doesNotContainAnyElementsOf(ids);
        assertThat(redis.delete(old.stream().map(SessionKeys::state).toList())).isEqualTo(old.size());
    }

    private static final String[] ANSWERS = {
            "我是机关第一党支部书记，写的是2025年度的述职。",
            "全年组织集中学习研讨交流24次，大力推进读书活动，购买发放学习书籍120册。",
            "举办政治轮训班4期，班子成员讲专题党课6次。"};

    private static String newSession(WsClient tab) {
        tab.hello();
        String id = await(tab, "session").path("sessionId").asString();
        tab.reply();
        return id;
    }

    private static JsonNode draft(WsClient tab, int version) {
        return tab.await(f -> "draft".equals(f.path("type").asString()) && f.path("version").asInt() == version);
    }

    private static JsonNode await(WsClient tab, String type) {
        Predicate<JsonNode> match = f -> type.equals(f.path("type").asString());
        return tab.await(match);
    }

    private static long lastSeq(WsClient tab) {
        return tab.all().stream().mapToLong(f -> f.path("seq").asLong()).max().orElse(0);
    }

    private static String edit(String ref, String text, int base) {
        return JSON.createObjectNode().put("type", "edit").put("section", ref).put("text", text)
                .put("baseVersion", base).toString();
    }

    private static StringRedisTemplate redisOf(ConfigurableApplicationContext app) {
        return new StringRedisTemplate(app.getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class));
    }

    /** Whether anything listens on a local port. */
    private static boolean listens(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
