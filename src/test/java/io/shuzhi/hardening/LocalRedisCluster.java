package io.shuzhi.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Redis Cluster on this machine for a test: 3 masters with one replica each, six {@code redis-server}
 * processes (the system's, {@code /usr/bin/redis-server}) on free local ports, each in its own temp folder, made into
 * a cluster by {@code redis-cli --cluster create}. Every process is stopped by {@link #close()}, and by a shutdown hook
 * should the test JVM end without it.
 */
final class LocalRedisCluster implements AutoCloseable {
    static final String SERVER = "/usr/bin/redis-server";
    static final String CLI = "/usr/bin/redis-cli";

    /** One node of {@code CLUSTER NODES}. */
    record Node(String id, int port, boolean master, boolean failed, String masterId, List<int[]> slots) {
        boolean owns(int slot) {
            return slots.stream().anyMatch(r -> r[0] <= slot && slot <= r[1]);
        }
    }

    private final Path root;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "redis-cluster-stop");

    private LocalRedisCluster(Path root) {
        this.root = root;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static boolean available() {
        return Files.isExecutable(Path.of(SERVER)) && Files.isExecutable(Path.of(CLI));
    }

    /** Starts six nodes and makes them a cluster; waits (up to {@code formation}) until every node says it is ok. */
    static LocalRedisCluster start(Duration formation) {
        LocalRedisCluster cluster;
        try {
            cluster = new LocalRedisCluster(Files.createTempDirectory("shuzhi-cluster-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            cluster.startNodes(6, formation);
            cluster.create(formation);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,…}: what {@code spring.data.redis.cluster.nodes} takes. */
    String nodesProperty() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    private void startNodes(int count, Duration timeout) {
        // Client and cluster-bus ports, all distinct and all free while chosen (held open until every one is picked).
        List<ServerSocket> held = new ArrayList<>();
        List<Integer> bus = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * count; i++) {
                var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                (i < count ? ports : bus).add(s.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
        for (int i = 0; i < count; i++) {
            Path dir = root.resolve("node-" + ports.get(i));
            try {
                Files.createDirectories(dir);
                servers.add(new ProcessBuilder(SERVER,
                        "--port", Integer.toString(ports.get(i)), "--bind", "127.0.0.1",
                        "--cluster-enabled", "yes", "--cluster-port", Integer.toString(bus.get(i)),
                        "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                        "--cluster-node-timeout", "5000",
                        "--dir", dir.toString(), "--save", "", "--appendonly", "no",
                        "--daemonize", "no", "--logfile", dir.resolve("redis.log").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("stdout.log").toFile())
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + SERVER, e);
            }
        }
        for (int i = 0; i < count; i++) {
            int port = ports.get(i);
            Process server = servers.get(i);
            await("redis-server on " + port + " answers", timeout, () -> {
                if (!server.isAlive()) throw new IllegalStateException("redis-server on " + port + " exited" + logs());
                String pong = cliQuiet(port, "ping");
                return pong != null && pong.trim().equals("PONG");
            });
        }
    }

    private void create(Duration timeout) {
        var args = new ArrayList<>(List.of(CLI, "--cluster", "create"));
        ports.forEach(p -> args.add("127.0.0.1:" + p));
        args.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        String out = run(args, Duration.ofSeconds(60));
        if (!out.contains("[OK] All 16384 slots covered")) throw new IllegalStateException("cluster create: " + out);
        awaitHealthy(timeout);
    }

    /**
     * Every node says {@code cluster_state:ok} and sees 3 masters (all slots served) and 3 replicas, and every replica's
     * link to its master is up (so a manual failover can catch up and take over).
     */
    void awaitHealthy(Duration timeout) {
        await("every node reports the cluster ok, 3 masters and 3 replicas in sync", timeout, () -> {
            for (int port : ports) {
                String info = cliQuiet(port, "cluster", "info");
                if (info == null || !info.contains("cluster_state:ok") || !info.contains("cluster_slots_ok:16384")
                        || !info.contains("cluster_known_nodes:6")) return false;
                List<Node> nodes = nodes(port);
                if (nodes.stream().filter(Node::master).count() != 3 || nodes.size() != 6) return false;
                if (nodes.stream().filter(n -> !n.master()).anyMatch(n -> n.masterId() == null)) return false;
            }
            for (Node n : nodes(ports.get(0))) {
                if (n.master()) continue;
                String repl = cliQuiet(n.port(), "info", "replication");
                if (repl == null || !repl.contains("master_link_status:up")) return false;
            }
            return true;
        });
    }

    /** The slot of {@code key}. */
    int keySlot(String key) {
        return Integer.parseInt(cli(ports.get(0), "cluster", "keyslot", key).trim());
    }

    /** The master serving {@code slot}, as {@code port}'s node sees it. */
    Node masterOf(int slot, int port) {
        return nodes(port).stream().filter(n -> n.master() && n.owns(slot)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no master for slot " + slot));
    }

    Node replicaOf(Node master) {
        return nodes(master.port()).stream().filter(n -> master.id().equals(n.masterId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no replica of " + master.port()));
    }

    /** {@code CLUSTER NODES} as {@code port}'s node sees it (connected and failed nodes alike). */
    List<Node> nodes(int port) {
        String out = cliQuiet(port, "cluster", "nodes");
        if (out == null) return List.of();
        var nodes = new ArrayList<Node>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 8) continue;
            String address = f[1].split("@")[0];
            int p = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            boolean master = f[2].contains("master");
            var slots = new ArrayList<int[]>();
            for (int i = 8; i < f.length; i++) {
                if (f[i].startsWith("[")) continue; // a slot being migrated
                String[] r = f[i].split("-");
                slots.add(new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[r.length - 1])});
            }
            boolean failed = java.util.Arrays.asList(f[2].split(",")).contains("fail");
            nodes.add(new Node(f[0], p, master, failed, "-".equals(f[3]) ? null : f[3], slots));
        }
        return nodes;
    }

    /** {@code redis-cli -p port args…}; fails on a non-zero exit. */
    String cli(int port, String... args) {
        var all = new ArrayList<>(List.of(CLI, "-h", "127.0.0.1", "-p", Integer.toString(port)));
        all.addAll(List.of(args));
        return run(all, Duration.ofSeconds(20));
    }

    /** Like {@link #cli}, null when the node does not answer. */
    String cliQuiet(int port, String... args) {
        try {
            String out = cli(port, args);
            return out.startsWith("Could not connect") ? null : out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            // The output is a few KB at most: it fits the pipe, so waiting first cannot block the process.
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            byte[] out = p.getInputStream().readAllBytes();
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new IllegalStateException(command + " exited " + p.exitValue() + ": " + text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 100 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout + ": " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The last lines of every node's log, for a failure message. */
    String logs() {
        var out = new StringBuilder();
        for (int port : ports) {
            Path log = root.resolve("node-" + port).resolve("redis.log");
            try {
                List<String> lines = Files.readAllLines(log);
                out.append("\n--- ").append(port).append(" ---\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            } catch (IOException e) {
                out.append("\n--- ").append(port).append(": no log");
            }
        }
        return out.toString();
    }

    private synchronized void stopAll() {
        for (Process p : servers) p.destroy();
        for (Process p : servers) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        servers.clear();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }

    /** Kills the node on {@code port} (SIGKILL: no shutdown, no last words to its replica). */
    void kill(int port) {
        Process p = servers.get(ports.indexOf(port));
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The nodes still running. */
    List<Integer> livePorts() {
        var live = new ArrayList<Integer>();
        for (int i = 0; i < ports.size(); i++) if (servers.get(i).isAlive()) live.add(ports.get(i));
        return live;
    }

    /**
     * Waits until the master on {@code port} has no write its replicas lack: every replica's acknowledged offset is
     * the master's. What was acknowledged to a client is then on the replica too.
     */
    void awaitReplicated(int port, Duration timeout) {
        await("the replicas of " + port + " have every write", timeout, () -> {
            String info = cliQuiet(port, "info", "replication");
            if (info == null) return false;
            long offset = -1;
            var replicaOffsets = new ArrayList<Long>();
            for (String line : info.split("\r?\n")) {
                if (line.startsWith("master_repl_offset:")) offset = Long.parseLong(line.substring(19).trim());
                if (line.startsWith("slave") && line.contains("offset=")) {
                    String off = line.substring(line.indexOf("offset=") + 7);
                    replicaOffsets.add(Long.parseLong(off.substring(0, off.indexOf(','))));
                }
            }
            long master = offset;
            return master >= 0 && !replicaOffsets.isEmpty() && replicaOffsets.stream().allMatch(o -> o == master);
        });
    }

    /** Whether every redis-server this cluster started has exited. */
    boolean stopped() {
        return servers.stream().noneMatch(Process::isAlive);
    }

    List<Process> processes() {
        return List.copyOf(servers);
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (and finds nothing left)
        }
    }
}
