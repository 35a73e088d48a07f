package io.shuzhi.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import redis.embedded.core.ExecutableProvider;

/**
 * Makes the app (and the test suite) run on a machine with no Redis: when nothing answers at the configured local
 * address, starts the real {@code redis-server} binary shipped in the embedded-redis artifact on that port, with an
 * append-only file so sessions outlive an app restart. {@code shuzhi.redis.embedded=never} turns it off (the
 * {@code prod} profile does), and then a missing Redis is reported by health and by errors to the writer. It never
 * starts when a Redis Cluster ({@code spring.data.redis.cluster.nodes}) or Sentinel
 * ({@code spring.data.redis.sentinel.master}) is configured.
 *
 * <p>It cleans up after itself even when the app is killed with SIGKILL. The binary goes into a temp folder named
 * after the app's pid ({@code shuzhi-redis-<pid>-…}), removed when the app exits; a folder whose app is gone is
 * removed at the next start. A lock file next to the data ({@code embedded-redis.lock}: the redis-server's pid, the
 * app's pid, both start times, the port, the temp folder) lets the next start recognise a redis-server whose app was
 * killed: it stops it (SIGTERM: Redis writes its append-only file and exits, nothing is lost) and starts its own, and
 * says so in the log. A redis-server whose app still runs (a second instance on the same machine) is used as it is.
 */
public class EmbeddedRedisFallback implements EnvironmentPostProcessor {
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1");
    static final String LOCK_FILE = "embedded-redis.lock";
    static final String TEMP_PREFIX = "shuzhi-redis-";
    private static final Pattern TEMP_NAME = Pattern.compile(Pattern.quote(TEMP_PREFIX) + "(\\d+)-.*");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static Running started;

    private final Log log;

    public EmbeddedRedisFallback(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedRedisFallback.class);
    }

    /** The redis-server this JVM started: its process, the lock file and the temp folder to remove on exit. */
    private record Running(Process process, Path lock, Path binDir) {}

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if ("never".equalsIgnoreCase(env.getProperty("shuzhi.redis.embedded", "auto"))) return;
        // A Redis Cluster or Sentinel is configured: host/port are not what the app connects to, nothing to stand in for.
        if (hasText(env.getProperty("spring.data.redis.cluster.nodes"))
                || hasText(env.getProperty("spring.data.redis.sentinel.master"))) return;
        String host = env.getProperty("spring.data.redis.host", "localhost");
        int port = env.getProperty("spring.data.redis.port", Integer.class, 6379);
        if (!LOCAL.contains(host)) return;
        synchronized (EmbeddedRedisFallback.class) {
            if (started != null && started.process().isAlive() && answers(host, port)) return;
            Path dir = Path.of(env.getProperty("shuzhi.redis.embedded-dir", "data/redis")).toAbsolutePath();
            removeOrphanedTempFolders();
            if (otherAppsRedis(dir.resolve(LOCK_FILE), port)) return;
            if (answers(host, port)) return;
            try {
                Files.createDirectories(dir);
                started = start(dir, port);
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedisFallback::stop, "embedded-redis-stop"));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("No Redis answered at " + host + ":" + port
                        + " and the embedded redis-server could not start: " + e.getMessage()
                        + ". Start Redis, or point spring.data.redis.host/port at one.", e);
            }
            log.warn("No Redis answered at " + host + ":" + port + "; started the embedded redis-server there"
                    + " (pid " + started.process().pid() + ", data in " + dir + "). Set shuzhi.redis.embedded=never"
                    + " to turn this off.");
            env.getPropertySources().addLast(new MapPropertySource("embeddedRedis",
                    Map.of("shuzhi.redis.embedded-running", "true")));
        }
    }

    /**
     * Reads the lock file of an earlier start. Returns true when its redis-server runs for an app that still runs
     * (use it). A redis-server whose app is gone is stopped, its temp folder and the lock file removed.
     */
    private boolean otherAppsRedis(Path lockFile, int port) {
        Optional<Lock> read = Lock.read(lockFile);
        if (read.isEmpty()) return false;
        Lock lock = read.get();
        boolean appAlive = alive(lock.appPid(), lock.appStart());
        Optional<ProcessHandle> redis = ProcessHandle.of(lock.redisPid())
                .filter(p -> lock.redisStart().equals(startOf(p)))
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(true));
        if (redis.isPresent() && appAlive && lock.port() == port) {
            log.info("Using the embedded redis-server (pid " + lock.redisPid() + ") on port " + port
                    + " that the app running as pid " + lock.appPid() + " started.");
            return true;
        }
        if (redis.isPresent() && !appAlive) {
            log.warn("Found the embedded redis-server (pid " + lock.redisPid() + ", port " + lock.port() + ") left"
                    + " running by an app that is gone (pid " + lock.appPid() + ", killed without a shutdown?);"
                    + " stopping it (its data is kept in the append-only file) and starting a fresh one.");
            terminate(redis.get());
        }
        if (redis.isEmpty() || !appAlive) {
            deleteTree(lock.binDir());
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale " + lockFile, e);
            }
        }
        return false;
    }

    private Running start(Path dir, int port) throws IOException {
        Path binDir = Files.createTempDirectory(TEMP_PREFIX + ProcessHandle.current().pid() + "-");
        try {
            Path binary = ExecutableProvider.newJarResourceProvider(binDir.toFile()).get().toPath();
            Path conf = binDir.resolve("redis.conf");
            Files.writeString(conf, String.join("\n", List.of(
                    "port " + port, "bind 127.0.0.1", "dir \"" + dir + "\"", "appendonly yes", "appendfsync everysec",
                    "save \"\"", "daemonize no", "logfile \"\"")) + "\n", StandardCharsets.UTF_8);
            Path logFile = dir.resolve("redis-server.log");
            Process process = new ProcessBuilder(binary.toString(), conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!answers("127.0.0.1", port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IOException("redis-server exited or did not answer within " + START_TIMEOUT.toSeconds()
                            + " s; see " + logFile);
                }
                Thread.sleep(50);
            }
            Path lockFile = dir.resolve(LOCK_FILE);
            new Lock(process.pid(), startOf(process.toHandle()), ProcessHandle.current().pid(),
                    startOf(ProcessHandle.current()), port, binDir).write(lockFile);
            return new Running(process, lockFile, binDir);
        } catch (IOException | RuntimeException e) {
            deleteTree(binDir);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteTree(binDir);
            throw new IOException("interrupted while redis-server started", e);
        }
    }

    /** Temp folders of embedded redis-servers whose app is gone. */
    private void removeOrphanedTempFolders() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, TEMP_PREFIX + "*")) {
            for (Path entry : entries) {
                Matcher m = TEMP_NAME.matcher(entry.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(entry)) continue;
                long pid = Long.parseLong(m.group(1));
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isPresent()) continue;
                // A folder of a gone app whose redis-server still runs is the lock file's to handle.
                if (binaryRunning(entry)) continue;
                deleteTree(entry);
                log.info("Removed " + entry + ", the embedded redis-server's folder of an app that is gone (pid "
                        + pid + ").");
            }
        } catch (IOException e) {
            log.debug("could not look for orphaned redis temp folders in " + tmp + ": " + e.getMessage());
        }
    }

    private static boolean binaryRunning(Path folder) {
        String prefix = folder.toAbsolutePath().toString() + java.io.File.separator;
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().command().map(c -> c.startsWith(prefix)).orElse(false));
    }

    private static boolean alive(long pid, String start) {
        return ProcessHandle.of(pid).filter(p -> start.equals(startOf(p))).isPresent();
    }

    /** When a process started, to tell it from a later one that got the same pid. */
    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static void terminate(ProcessHandle p) {
        p.destroy();
        try {
            p.onExit().get(STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    static boolean answers(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            // +PONG, or -NOAUTH from a Redis with a password: either way a Redis answers.
            return n > 0 && (buf[0] == '+' || buf[0] == '-');
        } catch (IOException e) {
            return false;
        }
    }

    private static synchronized void stop() {
        Running r = started;
        if (r == null) return;
        terminate(r.process().toHandle());
        deleteTree(r.binDir());
        try {
            // Only our own lock: a later start may have written its own meanwhile.
            if (Lock.read(r.lock()).map(l -> l.redisPid() == r.process().pid()).orElse(false)) Files.delete(r.lock());
        } catch (IOException e) {
            // the next start finds the lock stale and removes it
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the next start tries again
        }
    }

    /** The lock file: who runs the embedded redis-server and where its binary is. */
    record Lock(long redisPid, String redisStart, long appPid, String appStart, int port, Path binDir) {
        static Optional<Lock> read(Path file) {
            if (!Files.isRegularFile(file)) return Optional.empty();
            var p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
                return Optional.of(new Lock(Long.parseLong(p.getProperty("redisPid")), p.getProperty("redisStart", "?"),
                        Long.parseLong(p.getProperty("appPid")), p.getProperty("appStart", "?"),
                        Integer.parseInt(p.getProperty("port")), Path.of(p.getProperty("binDir"))));
            } catch (IOException | RuntimeException e) {
                // Unreadable (cut short by a crash): nothing in it can be trusted.
                return Optional.empty();
            }
        }

        void write(Path file) throws IOException {
            var p = new Properties();
            p.setProperty("redisPid", Long.toString(redisPid));
            p.setProperty("redisStart", redisStart);
            p.setProperty("appPid", Long.toString(appPid));
            p.setProperty("appStart", appStart);
            p.setProperty("port", Integer.toString(port));
            p.setProperty("binDir", binDir.toString());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "embedded redis-server of a Shuzhi app; removed when the app exits");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
