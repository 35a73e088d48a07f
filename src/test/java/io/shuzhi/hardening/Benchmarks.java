package io.shuzhi.hardening;

import io.shuzhi.chat.OpenSessions;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

/**
 * Benchmarks, not timed tests: nothing here fails on a slow figure, only on a broken run. By default a SHORT run (a
 * few hundred iterations, so CI keeps it alive); {@code -Dshuzhi.bench=full} for the figures in docs/benchmarks.md:
 * {@code mvn -q -o -B test -Dtest=Benchmarks -Dshuzhi.bench=full}. Prints a Markdown table and writes it to
 * target/benchmarks.md.
 *
 * <p>Everything runs against the real app (its own context on a random port, offline engine) and a real
 * redis-server of its own (the embedded-redis binary, no persistence) so the shared test Redis stays clean.
 */
class Benchmarks {
    private static final boolean FULL = "full".equalsIgnoreCase(System.getProperty("shuzhi.bench", "short"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** {@code -Dshuzhi.bench.only=idle,replay}: only those rows (turns, cpu, redis, growth, draft, replay, idle); default all. */
    private static final String ONLY = System.getProperty("shuzhi.bench.only", "");

    private static boolean want(String row) {
        return ONLY.isBlank() || java.util.Arrays.asList(ONLY.split(",")).contains(row);
    }
    /** The benchmarks' scripted interview (also SessionCostTest's): 13 answers and a skip. */
    static final String[] SAYS = {
        "我是机关第一党支部书记，写的是2025年度的述职。",
        "全年组织集中学习研讨交流24次，购买发放学习书籍120册。",
        "支委会和党员大会会前必学，全年学习36次48篇。",
        "依托红色教育基地举办政治轮训班4期。",
        "班子成员讲专题党课12次。",
        "开展谈心谈话，覆盖党员20余人。",
        "完成换届选举，选齐配强支委委员5人。",
        "召开专题组织生活会，查摆问题3类16项。",
        "健全管理制度8项。",
        "组织参观红色教育基地，开展主题党日和党员志愿服务活动。",
        "表彰优秀党员12名、优秀党务工作者5名。",
        "制定年度全面从严治党责任清单，细化班子成员分工。",
        "召开党风廉政建设专题会议2次。",
        "跳过",
    };
    /** A session says this many messages, then the worker starts a new one (a real interview is 20–40 turns). */
    private static final int TURNS_PER_SESSION = 25;

    @TempDir
    Path dir;

    private final List<String[]> rows = new ArrayList<>();
    private int port;
    private String idleClasspath;
    private ConfigurableApplicationContext app;

    @Test
    void run() throws Exception {
        // The idle tabs' process runs from a copy: target/test-classes may be rebuilt while a long run goes on.
        Path idleClasses = dir.resolve("idle-classes");
        Path idleClass = idleClasses.resolve(IdleClients.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(idleClass.getParent());
        try (var in = IdleClients.class.getResourceAsStream("IdleClients.class")) {
            Files.write(idleClass, in.readAllBytes());
        }
        this.idleClasspath = idleClasses.toString();
        int redisPort = Hardening.freePort();
        RedisServer redis = Hardening.startRedis(redisPort, dir.resolve("redis"), false);
        try {
            coldStart(redisPort);
            if (want("turns")) {
                turnLatency(1, FULL ? 1000 : 100, FULL ? 300 : 30);
                turnLatency(50, FULL ? 2000 : 200, FULL ? 500 : 50);
                turnLatency(200, FULL ? 4000 : 400, FULL ? 1000 : 100);
            }
            if (want("cpu")) {
                // -Dshuzhi.bench.cpu.says=20000: more says, e.g. for enough profiler samples.
                cpuPerTurn(50, Integer.getInteger("shuzhi.bench.cpu.says", FULL ? 2000 : 200),
                        Integer.getInteger("shuzhi.bench.cpu.warmup", FULL ? 500 : 50));
            }
            if (want("redis")) redisPerTurn(redisPort, FULL ? 200 : 30);
            if (want("growth")) bytesPerTurn(FULL ? 200 : 40);
            if (want("draft")) draftTime(FULL ? 20_000 : 300);
            if (want("replay")) replay(FULL ? 100 : 10);
            if (!want("idle")) {
                // skipped
            } else if (FULL) {
                double perSession = idle(10_000);
                // Do not run the JVM out of heap: 20,000 only if it fits in 80% of -Xmx at the measured rate.
                long fits = (long) (Runtime.getRuntime().maxMemory() * 0.8 / Math.max(1, perSession));
                idle((int) Math.min(20_000, fits));
            } else {
                idle(500);
            }
        } finally {
            if (app != null) app.close();
            Hardening.stopQuietly(redis);
            report();
        }
    }

    // ---- rows -----------------------------------------------------------------------------------------------------

    private void coldStart(int redisPort) throws Exception {
        long t0 = System.nanoTime();
        app = Hardening.startApp("--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                "--shuzhi.redis.embedded=never",
                // Tomcat refuses to hold more than 8192 connections by default (server.tomcat.max-connections).
                "--server.tomcat.max-connections=30000", "--server.tomcat.accept-count=2000",
                // Every benchmark tab sends from 127.0.0.1: lift the per-tab and per-address rate limits.
                "--shuzhi.chat.connection-burst=1000000", "--shuzhi.chat.connection-per-second=1000000",
                "--shuzhi.chat.address-burst=1000000", "--shuzhi.chat.address-per-second=1000000",
                "--shuzhi.chat.max-sockets-per-address=1000000");
        long started = System.nanoTime();
        port = Hardening.port(app);
        try (var c = new Tab(port)) {
            c.hello();
            c.awaitEnd(30);
        }
        long answered = System.nanoTime();
        rows.add(row("Cold start → first answered frame", ms(answered - t0) + " ms (context " + ms(started - t0)
                + " ms + first hello " + ms(answered - started) + " ms)", "—",
                "new application context (JVM already running" + (FULL ? "" : ", classes possibly warm from other tests")
                        + ") until the greeting's assistant_end of the first hello on a new socket"));
    }

    private void turnLatency(int sessions, int samples, int warmup) throws Exception {
        runTurns(sessions, warmup);
        var registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        // The warm-up's turns leave the window: the app registers the timer again at the next turn, empty, so the
        // percentiles below are those of warm turns only.
        var warm = registry.find("shuzhi.turn.latency").tag("type", "say").timer();
        if (warm != null) registry.remove(warm);
        var timer = registry.find("shuzhi.turn.latency").tag("type", "say").timer();
        long countBefore = timer == null ? 0 : timer.count();
        double totalBefore = timer == null ? 0 : timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
        long[] lat = runTurns(sessions, samples);
        if (timer == null) timer = registry.find("shuzhi.turn.latency").tag("type", "say").timer();
        Arrays.sort(lat);
        rows.add(row("Chat turn, " + sessions + " concurrent session" + (sessions > 1 ? "s" : ""),
                "p50 " + fmt(pct(lat, 50)) + " ms, p99 " + fmt(pct(lat, 99)) + " ms (n=" + lat.length + ")",
                "—", "say sent → its assistant_end received, closed loop, each tab waits for its reply; "
                        + TURNS_PER_SESSION + " turns per session then a new session"));
        if (timer != null) {
            var snapshot = timer.takeSnapshot();
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            for (var v : snapshot.percentileValues()) {
                if (Math.abs(v.percentile() - 0.5) < 1e-9) p50 = v.value(java.util.concurrent.TimeUnit.MILLISECONDS);
                if (Math.abs(v.percentile() - 0.99) < 1e-9) p99 = v.value(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            long n = timer.count() - countBefore;
            double mean = n == 0 ? Double.NaN
                    : (timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) - totalBefore) / n;
            rows.add(row("Server part of a chat turn, " + sessions + " session" + (sessions > 1 ? "s" : ""),
                    "p50 " + fmt(p50) + " ms, p99 " + fmt(p99) + " ms, mean " + fmt(mean) + " ms (n=" + n + ")",
                    "p99 ≤ 5 ms", "the app's own timer (shuzhi.turn.latency, type=say): from the turn thread picking the"
                            + " say up to its frames handed to the sockets — load EVALSHA, interviewer, JSON, commit EVALSHA, sends;"
                            + " not the client, not the time waiting for a turn thread; offline engine (no model time);"
                            + " percentiles over Micrometer's rolling window, after " + warmup + " turns of warm-up"
                            + " that the window does not hold"));
        }
    }

    /**
     * CPU time (ThreadMXBean) of the app's threads per offline chat turn, {@code sessions} tabs in a closed loop after
     * a warm-up: the turn threads alone, and with Tomcat's and Lettuce's threads (the rest of the server's part).
     */
    private void cpuPerTurn(int sessions, int samples, int warmup) throws Exception {
        // The topic model loads in the background once the app is up (seconds of CPU, every topic embedded): not a
        // turn's cost, so it is over before the warm-up.
        boolean model = io.shuzhi.interview.TopicModel.awaitReady(app, Duration.ofMinutes(5));
        runTurns(sessions, warmup);
        Map<String, Long> before = cpuByThreadGroup();
        long processBefore = processCpuNanos();
        long started = System.nanoTime();
        int turns = runTurns(sessions, samples).length;
        double wallMs = (System.nanoTime() - started) / 1e6;
        long processAfter = processCpuNanos();
        Map<String, Long> after = cpuByThreadGroup();
        var perTurn = new TreeMap<String, Double>();
        after.forEach((group, ns) -> perTurn.put(group, (ns - before.getOrDefault(group, 0L)) / 1e6 / turns));
        System.out.println("cpu row, ms per say by thread group: " + perTurn);
        double turn = perTurn.getOrDefault("turn", 0.0);
        double server = turn + perTurn.getOrDefault("tomcat", 0.0) + perTurn.getOrDefault("lettuce", 0.0);
        rows.add(row("App CPU per offline chat turn, " + sessions + " sessions", fmt(turn) + " ms on the turn threads, "
                        + fmt(server) + " ms with Tomcat's and Lettuce's threads (n=" + turns + ", " + fmt(turns / wallMs * 1000)
                        + " turns/s; the in-process load client: " + fmt(perTurn.getOrDefault("client", 0.0))
                        + " ms; the whole process, client, GC, JIT and native threads included: "
                        + fmt((processAfter - processBefore) / 1e6 / turns) + " ms; topic model "
                        + (model ? "loaded" : "not loaded") + ")",
                "≤ 0.2 ms", "ThreadMXBean CPU time of the app's threads by name (turn-*, http-nio-*, lettuce-*) over "
                        + turns + " says after " + warmup + " of warm-up, divided by the says; includes the hello that"
                        + " starts each session every " + TURNS_PER_SESSION + " says; not Redis's own CPU, not GC threads"));
    }

    /** CPU time of the whole JVM process (every thread, native ones such as ONNX Runtime's included), or -1. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static Map<String, Long> cpuByThreadGroup() {
        var mx = ManagementFactory.getThreadMXBean();
        var out = new TreeMap<String, Long>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = mx.getThreadCpuTime(t.getId());
            if (ns < 0) continue;
            String name = t.getName();
            String group = name.startsWith("turn-") ? "turn"
                    : name.startsWith("http-nio") ? "tomcat"
                    : name.startsWith("lettuce") ? "lettuce"
                    : name.startsWith("bench-tab-") || name.startsWith("HttpClient") ? "client" : "other";
            out.merge(group, ns, Long::sum);
        }
        return out;
    }

    /** {@code sessions} tabs in a closed loop, {@code samples} turns in all; the latency of each, in nanoseconds. */
    private long[] runTurns(int sessions, int samples) throws Exception {
        int perTab = Math.max(1, samples / sessions);
        var all = new ConcurrentLinkedQueue<Long>();
        var failure = new AtomicReference<Throwable>();
        var threads = new ArrayList<Thread>();
        for (int s = 0; s < sessions; s++) {
            int tabNo = s;
            Thread t = new Thread(() -> {
                try (var tab = new Tab(port)) {
                    int n = 0;
                    while (n < perTab) {
                        tab.hello();
                        tab.awaitEnd(30);
                        for (int i = 0; i < TURNS_PER_SESSION && n < perTab; i++, n++) {
                            all.add(tab.turn("b" + tabNo + "-" + n, SAYS[i % SAYS.length]));
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-tab-" + s);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        if (failure.get() != null) throw new AssertionError("benchmark tab failed", failure.get());
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    /** Round trips to Redis per chat turn, from MONITOR (commands a script runs show as "[<db> lua]", e.g. "[9 lua]"). */
    private void redisPerTurn(int redisPort, int turns) throws Exception {
        try (var tab = new Tab(port)) {
            String id = tab.hello();
            tab.awaitEnd(30);
            try (var monitor = new Socket()) {
                monitor.connect(new InetSocketAddress("127.0.0.1", redisPort));
                OutputStream out = monitor.getOutputStream();
                out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                var in = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
                if (!in.readLine().startsWith("+OK")) throw new AssertionError("MONITOR refused");
                var lines = new ConcurrentLinkedQueue<String>();
                Thread reader = new Thread(() -> {
                    try {
                        String line;
                        while ((line = in.readLine()) != null) lines.add(line);
                    } catch (IOException e) {
                        // closed at the end
                    }
                }, "redis-monitor");
                reader.setDaemon(true);
                reader.start();
                for (int i = 0; i < turns; i++) tab.turn("r-" + i, SAYS[i % SAYS.length]);
                // A marker command from this side: when MONITOR shows it, every earlier command has been shown.
                try (var marker = new Socket()) {
                    marker.connect(new InetSocketAddress("127.0.0.1", redisPort));
                    marker.getOutputStream().write("ECHO bench-end\r\n".getBytes(StandardCharsets.US_ASCII));
                    marker.getInputStream().read(new byte[64]);
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (lines.stream().noneMatch(l -> l.contains("bench-end")) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                var external = new TreeMap<String, Integer>();
                var scripted = new TreeMap<String, Integer>();
                var other = new TreeMap<String, Integer>();
                boolean inScript = false;
                for (String l : lines) {
                    if (l.contains("bench-end")) break;
                    int q = l.indexOf('"');
                    if (q < 0) continue;
                    String cmd = l.substring(q + 1, l.indexOf('"', q + 1)).toUpperCase();
                    boolean lua = l.matches(".*\\[\\d+ lua\\].*");
                    // A script's commands follow its EVALSHA line; the session's own commands name its keys.
                    if (!lua) inScript = l.contains(id) && cmd.startsWith("EVAL");
                    if (lua && inScript) scripted.merge(cmd, 1, Integer::sum);
                    else if (!lua && l.contains(id)) external.merge(cmd, 1, Integer::sum);
                    else other.merge(cmd, 1, Integer::sum);
                }
                if (!other.isEmpty()) System.out.println("Benchmarks: other Redis commands during the turns: " + other);
                double trips = external.values().stream().mapToInt(Integer::intValue).sum() / (double) turns;
                double scriptCmds = scripted.values().stream().mapToInt(Integer::intValue).sum() / (double) turns;
                rows.add(row("Redis round trips per chat turn", fmt(trips) + " (" + perTurn(external, turns)
                        + "); inside the script " + fmt(scriptCmds) + " (" + perTurn(scripted, turns) + ")", "≤ 3",
                        "MONITOR over " + turns + " says on one session, one tab; a round trip = a command the app"
                                + " sent naming the session's keys or channel" + (other.isEmpty() ? ""
                                : "; other commands meanwhile: " + perTurn(other, turns) + " per turn")));
            }
        }
    }

    private void draftTime(int iterations) throws Exception {
        TemplateDrafter drafter = app.getBean(TemplateDrafter.class);
        Class<?> fixture = Class.forName("io.shuzhi.draft.TemplateDrafterTest");
        var agencyBranch = fixture.getDeclaredMethod("agencyBranch");
        agencyBranch.setAccessible(true);
        var kindField = fixture.getDeclaredField("KIND");
        kindField.setAccessible(true);
        InterviewState state = (InterviewState) agencyBranch.invoke(null);
        ReportKind kind = (ReportKind) kindField.get(null);
        int chars = 0;
        for (int i = 0; i < Math.max(100, iterations / 10); i++) chars = drafter.write(kind, state, 1, DraftWriter.Progress.NONE).toPlainText().length();
        long[] t = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            Draft d = drafter.write(kind, state, 1, DraftWriter.Progress.NONE);
            t[i] = System.nanoTime() - t0;
            if (d.sections().isEmpty()) throw new AssertionError("empty draft");
        }
        Arrays.sort(t);
        rows.add(row("Offline draft (TemplateDrafter.write)", "p50 " + fmt3(pct(t, 50)) + " ms, p99 "
                + fmt3(pct(t, 99)) + " ms (n=" + iterations + ")", "p50 ≤ 20 ms",
                "in-process call on the full interview fixture of TemplateDrafterTest (14 answers, 3 parts, "
                        + chars + " characters); no Redis, no frames"));
    }

    private void replay(int iterations) throws Exception {
        String id;
        long last;
        try (var tab = new Tab(port)) {
            id = tab.hello();
            tab.awaitEnd(30);
            int i = 0;
            while (tab.lastSeq() < 1100) tab.turn("p-" + i, SAYS[i++ % SAYS.length]);
            last = tab.lastSeq();
        }
        long from = last - 1000;
        long[] t = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            try (var tab = new Tab(port)) {
                long t0 = System.nanoTime();
                tab.resume(id, from);
                tab.awaitSeq(last, 30);
                t[i] = System.nanoTime() - t0;
                if (tab.frames() != 1000) throw new AssertionError("replayed " + tab.frames() + " frames");
            }
        }
        Arrays.sort(t);
        rows.add(row("Replay of 1,000 missed frames", "p50 " + fmt(pct(t, 50)) + " ms, p99 " + fmt(pct(t, 99))
                + " ms (n=" + iterations + ")", "≤ 100 ms",
                "hello{sessionId,lastSeq} on an open socket → the 1,000th frame received (load EVALSHA + XRANGE + sends)"));
    }

    private double idle(int wanted) throws Exception {
        long limit = openFileLimit();
        long baseFds = openFds();
        // The app's process holds one descriptor per socket; leave room for its jars, Redis and logs.
        int n = (int) Math.min(wanted, limit - baseFds - 300);
        var memory = ManagementFactory.getMemoryMXBean();
        StringRedisTemplate redisT = app.getBean(StringRedisTemplate.class);
        IntSupplier hub = OpenSessions.in(app);
        int hubBefore = hub.getAsInt();
        gc();
        long heap0 = memory.getHeapMemoryUsage().getUsed();
        long direct0 = direct();
        long redis0 = redisUsedMemory(redisT);
        String classpath = idleClasspath;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Xss256k", "-cp", classpath, IdleClients.class.getName(), Integer.toString(port),
                Integer.toString(n)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long t0 = System.nanoTime();
        try {
            var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("READY ")) throw new AssertionError("idle clients: " + ready);
            String[] parts = ready.split(" ");
            int open = Integer.parseInt(parts[1]);
            int failed = Integer.parseInt(parts[2]);
            long connectMs = ms(System.nanoTime() - t0);
            gc();
            long heap1 = memory.getHeapMemoryUsage().getUsed();
            long direct1 = direct();
            long redis1 = redisUsedMemory(redisT);
            int held = hub.getAsInt() - hubBefore;
            long fds = openFds() - baseFds;
            String note = (wanted != n ? wanted + " wanted, " + n + " possible under RLIMIT_NOFILE " + limit + "; " : "")
                    + open + " open, " + failed + " failed, " + held + " in the hub, " + fds + " more fds; connect+hello "
                    + connectMs + " ms; direct buffers " + kb((direct1 - direct0) / Math.max(1, open)) + " KB/session;"
                    + " Redis " + kb((redis1 - redis0) / Math.max(1, open)) + " KB/session";
            rows.add(row("Idle WebSocket sessions: " + String.format("%,d", open),
                    kb((heap1 - heap0) / Math.max(1, open)) + " KB heap/session (" + (heap1 - heap0) / (1024 * 1024)
                            + " MB for " + open + ")", "≤ 30 KB", note));
            return (heap1 - heap0) / (double) Math.max(1, open);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(60, TimeUnit.SECONDS)) child.destroyForcibly();
            // wait for the app to see the sockets close before the next measurement
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (hub.getAsInt() > hubBefore && System.nanoTime() < deadline) Thread.sleep(100);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    private static long direct() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /**
     * Bytes the app sends Redis per chat turn (INFO stats total_net_input_bytes, this benchmark's own Redis, one tab),
     * and bytes Redis sends back (total_net_output_bytes), averaged over answers 6–10 and over the last five of
     * {@code answers}: whether a turn costs more as the session grows.
     */
    private void bytesPerTurn(int answers) throws Exception {
        StringRedisTemplate redisT = app.getBean(StringRedisTemplate.class);
        try (var tab = new Tab(port)) {
            tab.hello();
            tab.awaitEnd(30);
            long[] early = new long[3];
            long[] late = new long[3];
            for (int i = 1; i <= answers; i++) {
                // A new fact every answer: the figures change, so nothing is taken for a repeat.
                String text = "全年组织集中学习研讨交流" + (i + 10) + "次，发放学习书籍" + (i + 100) + "册。";
                long[] before = netBytes(redisT);
                long cpuBefore = cpuByThreadGroup().getOrDefault("turn", 0L);
                tab.turn("g-" + i, i == 1 ? SAYS[0] : text);
                long cpuAfter = cpuByThreadGroup().getOrDefault("turn", 0L);
                long[] after = netBytes(redisT);
                after = new long[] {after[0], after[1], cpuAfter};
                before = new long[] {before[0], before[1], cpuBefore};
                for (int k = 0; k < 3; k++) {
                    long used = after[k] - before[k];
                    if (i > 5 && i <= 10) early[k] += used;
                    if (i > answers - 5) late[k] += used;
                }
            }
            rows.add(row("Redis bytes sent per chat turn as the session grows", kb(early[0] / 5) + " KB at answers 6–10, "
                    + kb(late[0] / 5) + " KB at answers " + (answers - 4) + "–" + answers + " (" + fmt(late[0] / (double) early[0])
                    + "×)", "≤ 1.5×", "INFO stats total_net_input_bytes before and after each say, one tab, the"
                    + " benchmark's own Redis (includes the INFO command itself and the fan-out probe, a few hundred bytes)"));
            rows.add(row("Redis bytes sent back per chat turn as the session grows", kb(early[1] / 5)
                    + " KB at answers 6–10, " + kb(late[1] / 5) + " KB at answers " + (answers - 4) + "–" + answers
                    + " (" + fmt(late[1] / (double) early[1]) + "×)", "—", "INFO stats total_net_output_bytes before and"
                    + " after each say, as above (includes the INFO replies and what the fan-out delivers)"));
            rows.add(row("App CPU per chat turn as the session grows", fmt(early[2] / 5 / 1e6) + " ms at answers 6–10, "
                    + fmt(late[2] / 5 / 1e6) + " ms at answers " + (answers - 4) + "–" + answers + " ("
                    + fmt(late[2] / (double) early[2]) + "×)", "—", "ThreadMXBean CPU time of the turn threads around"
                    + " each say, one tab; a single run of five turns each, so a rough figure (JIT and GC included)"));
        }
    }

    /** INFO stats total_net_input_bytes and total_net_output_bytes. */
    private static long[] netBytes(StringRedisTemplate redis) {
        Properties info = redis.execute((RedisCallback<Properties>) c -> ((RedisConnection) c).serverCommands()
                .info("stats"));
        return new long[] {Long.parseLong(info.getProperty("total_net_input_bytes", "0")),
                Long.parseLong(info.getProperty("total_net_output_bytes", "0"))};
    }

    private static long redisUsedMemory(StringRedisTemplate redis) {
        Properties info = redis.execute((RedisCallback<Properties>) c -> ((RedisConnection) c).serverCommands()
                .info("memory"));
        return Long.parseLong(info.getProperty("used_memory", "0"));
    }

    private static long openFileLimit() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (l.startsWith("Max open files")) return Long.parseLong(l.substring(26).trim().split("\\s+")[0]);
        }
        return 1024;
    }

    private static long openFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private static String perTurn(Map<String, Integer> counts, int turns) {
        var sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(fmt(v / (double) turns)));
        return sb.toString();
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String kb(long bytes) {
        return String.format("%.1f", bytes / 1024.0);
    }

    private static String fmt(double v) {
        return String.format("%.2f", v);
    }

    private static String fmt3(double v) {
        return String.format("%.3f", v);
    }

    private static String[] row(String what, String figure, String goal, String included) {
        return new String[] {what, figure, goal, included};
    }

    private void report() throws IOException {
        var sb = new StringBuilder();
        sb.append("Shuzhi benchmarks, ").append(FULL ? "FULL" : "SHORT").append(" mode, ").append(LocalDate.now())
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n\n");
        sb.append("| measure | figure | goal | what is included |\n|---|---|---|---|\n");
        for (String[] r : rows) sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        System.out.println(sb);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmarks.md"), sb.toString());
    }

    /** A benchmark tab: the JDK's WebSocket on a shared client; matches frames by their leading type, no parsing. */
    static final class Tab implements AutoCloseable, WebSocket.Listener {
        private final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicLong lastSeq = new AtomicLong(-1);
        private final AtomicLong endAt = new AtomicLong();
        private volatile CountDownLatch end = new CountDownLatch(1);
        private volatile CountDownLatch seqReached;
        private volatile long seqWanted = Long.MAX_VALUE;
        private volatile CompletableFuture<String> sessionId = new CompletableFuture<>();
        private int frames;

        Tab(int port) {
            socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), this)
                    .join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String f = partial.toString();
                partial.setLength(0);
                frames++;
                long seq = seqOf(f);
                if (f.startsWith("{\"type\":\"error\"")) throw new IllegalStateException("error frame: " + f);
                lastSeq.accumulateAndGet(seq, Math::max);
                if (f.startsWith("{\"type\":\"session\"")) {
                    int i = f.indexOf("\"sessionId\":\"") + 13;
                    sessionId.complete(f.substring(i, f.indexOf('"', i)));
                } else if (f.startsWith("{\"type\":\"assistant_end\"")) {
                    endAt.set(System.nanoTime());
                    end.countDown();
                }
                if (seq >= seqWanted) seqReached.countDown();
            }
            ws.request(1);
            return null;
        }

        private static long seqOf(String f) {
            int i = f.indexOf("\"seq\":") + 6;
            int j = i;
            while (j < f.length() && Character.isDigit(f.charAt(j))) j++;
            return Long.parseLong(f.substring(i, j));
        }

        /** Starts a new session on this socket; returns its id once the snapshot arrives. */
        String hello() {
            end = new CountDownLatch(1);
            sessionId = new CompletableFuture<>();
            socket.sendText("{\"type\":\"hello\"}", true).join();
            return sessionId.orTimeout(30, TimeUnit.SECONDS).join();
        }

        void resume(String id, long from) {
            frames = 0;
            seqWanted = from + 1000;
            seqReached = new CountDownLatch(1);
            socket.sendText("{\"type\":\"hello\",\"sessionId\":\"" + id + "\",\"lastSeq\":" + from + "}", true).join();
        }

        void awaitSeq(long seq, int seconds) throws InterruptedException {
            if (!seqReached.await(seconds, TimeUnit.SECONDS)) throw new AssertionError("no frame " + seq);
        }

        void awaitEnd(int seconds) throws InterruptedException {
            if (!end.await(seconds, TimeUnit.SECONDS)) throw new AssertionError("no assistant_end");
        }

        /** One chat turn; its latency in nanoseconds (send → assistant_end). */
        long turn(String id, String text) throws InterruptedException {
            end = new CountDownLatch(1);
            long t0 = System.nanoTime();
            socket.sendText("{\"type\":\"say\",\"id\":\"" + id + "\",\"text\":\"" + text + "\"}", true).join();
            awaitEnd(30);
            return endAt.get() - t0;
        }

        long lastSeq() {
            return lastSeq.get();
        }

        int frames() {
            return frames;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
