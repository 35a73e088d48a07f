package io.shuzhi.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy for network-fault tests: listens on a free loopback port and forwards every connection to
 * {@code host:port}. At run time it can
 * <ul>
 *   <li>{@link #delay(long) delay} every chunk by N ms (latency: chunks stay pipelined, each leaves N ms after it
 *       arrived),</li>
 *   <li>{@link #throttle(Direction, int) throttle} to N bytes/s (per connection and direction),</li>
 *   <li>{@link #stall() stall}: hold every byte, of open and new connections (a black hole: the TCP connections
 *       stay up),</li>
 *   <li>{@link #stallRepliesAfter(String) stall the replies} of the one connection whose client sends a marker (the
 *       request reaches the target, its answer never comes back: a lost reply),</li>
 *   <li>{@link #cut() cut}: close every open connection with a TCP reset (RST) on both sides,</li>
 *   <li>{@link #refuse() refuse} new connections (the port is closed: connection refused),</li>
 * </ul>
 * and {@link #restore()} normal service: bytes held by a stall are delivered, the port listens again.
 *
 * <p>Each direction of a connection is a reader thread (which never stops reading, so a stall holds bytes here and
 * not in the kernel) and a writer thread that applies the faults. All threads are daemons.
 */
public final class TcpProxy implements AutoCloseable {
    /** UP: client → target (requests); DOWN: target → client (replies). */
    public enum Direction { UP, DOWN, BOTH }

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile ServerSocket server;

    private volatile long delayMs;
    private volatile int upBytesPerSecond;
    private volatile int downBytesPerSecond;
    private volatile boolean stalled;
    private volatile byte[] replyStallMarker;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = listen(0);
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far (a client that reconnects shows here). */
    public int accepted() {
        return accepted.get();
    }

    /** Bytes delivered so far, both directions. */
    public long forwarded() {
        return forwarded.get();
    }

    /** Client chunks delivered so far (with a request/reply protocol such as Redis: about one per round trip). */
    public long requestChunks() {
        return requests.get();
    }

    public int openConnections() {
        return links.size();
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /** Every chunk leaves {@code ms} after it arrived (both directions). */
    public TcpProxy delay(long ms) {
        this.delayMs = ms;
        return this;
    }

    /** At most {@code bytesPerSecond} per connection in {@code direction} (0 = unlimited). */
    public TcpProxy throttle(Direction direction, int bytesPerSecond) {
        if (direction != Direction.DOWN) upBytesPerSecond = bytesPerSecond;
        if (direction != Direction.UP) downBytesPerSecond = bytesPerSecond;
        return this;
    }

    public TcpProxy throttle(int bytesPerSecond) {
        return throttle(Direction.BOTH, bytesPerSecond);
    }

    /** Holds every byte of every connection, open or new, until {@link #restore()}. */
    public TcpProxy stall() {
        this.stalled = true;
        return this;
    }

    /** Holds the bytes of the connections open now, both directions; new connections flow. */
    public TcpProxy stallOpen() {
        links.forEach(l -> l.stalled = true);
        return this;
    }

    /**
     * The next client chunk containing {@code marker} (ASCII) is delivered; from then on the replies on that one
     * connection are held until {@link #restore()}. Other connections flow.
     */
    public TcpProxy stallRepliesAfter(String marker) {
        this.replyStallMarker = marker.getBytes(StandardCharsets.US_ASCII);
        return this;
    }

    /** Closes every open connection with a TCP reset, both sides. New connections are still accepted. */
    public TcpProxy cut() {
        for (Link l : links) l.abort();
        links.clear();
        return this;
    }

    /** New connections are refused (the listening port is closed); open ones are untouched. */
    public TcpProxy refuse() {
        closeQuietly(server);
        return this;
    }

    /** No delay, no throttle, no stall (held bytes go out now), and the port listens again. */
    public TcpProxy restore() {
        delayMs = 0;
        upBytesPerSecond = 0;
        downBytesPerSecond = 0;
        replyStallMarker = null;
        stalled = false;
        links.forEach(l -> {
            l.stalled = false;
            l.repliesStalled = false;
        });
        if (server == null || server.isClosed()) listen(port);
        return this;
    }

    @Override
    public void close() {
        refuse();
        cut();
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private int listen(int at) {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                var s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), at), 100);
                server = s;
                daemon("tcp-proxy-accept", () -> accept(s));
                return s.getLocalPort();
            } catch (IOException e) {
                last = e; // the port was only just closed: try again shortly
                sleep(20);
            }
        }
        throw new UncheckedIOException(last);
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return; // refuse() or close()
            }
            accepted.incrementAndGet();
            daemon("tcp-proxy-connect", () -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
        } catch (IOException e) {
            reset(client);
            closeQuietly(upstream);
            return;
        }
        var link = new Link(client, upstream);
        links.add(link);
        link.start();
    }

    private final class Link {
        final Socket client;
        final Socket upstream;
        volatile boolean stalled;
        volatile boolean repliesStalled;
        volatile boolean dead;
        final AtomicInteger pumpsDone = new AtomicInteger();

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            pump(client, upstream, true);
            pump(upstream, client, false);
        }

        boolean holding(boolean up) {
            return TcpProxy.this.stalled || stalled || (!up && repliesStalled);
        }

        void abort() {
            dead = true;
            reset(client);
            reset(upstream);
            links.remove(this);
        }

        void pumpDone() {
            if (pumpsDone.incrementAndGet() == 2) {
                closeQuietly(client);
                closeQuietly(upstream);
                links.remove(this);
            }
        }

        private void pump(Socket from, Socket to, boolean up) {
            var queue = new LinkedBlockingQueue<Chunk>();
            daemon("tcp-proxy-read", () -> {
                byte[] buf = new byte[16 * 1024];
                try {
                    InputStream in = from.getInputStream();
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        if (n > 0) queue.add(new Chunk(Arrays.copyOf(buf, n), System.nanoTime()));
                    }
                    queue.add(Chunk.EOF);
                } catch (IOException e) {
                    queue.add(Chunk.RESET);
                }
            });
            daemon("tcp-proxy-write", () -> {
                try {
                    OutputStream out = to.getOutputStream();
                    while (true) {
                        Chunk c = queue.poll(100, TimeUnit.MILLISECONDS);
                        if (c == null) {
                            if (dead || to.isClosed()) return;
                            continue;
                        }
                        if (c == Chunk.EOF) {
                            if (!to.isClosed()) to.shutdownOutput();
                            pumpDone();
                            return;
                        }
                        if (c == Chunk.RESET) {
                            abort();
                            return;
                        }
                        long due = c.arrived + TimeUnit.MILLISECONDS.toNanos(delayMs);
                        long wait = due - System.nanoTime();
                        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                        if (up && matches(c.data)) {
                            // before the request leaves: its reply must not slip through
                            replyStallMarker = null;
                            repliesStalled = true;
                        }
                        write(out, c.data, up);
                        if (up) requests.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    abort();
                }
            });
        }

        private void write(OutputStream out, byte[] data, boolean up) throws IOException, InterruptedException {
            int off = 0;
            while (off < data.length) {
                while (holding(up)) {
                    if (dead) throw new IOException("connection cut");
                    sleep(5);
                }
                int rate = up ? upBytesPerSecond : downBytesPerSecond;
                int n = rate <= 0 ? data.length - off : Math.min(data.length - off, Math.max(1, rate / 20));
                out.write(data, off, n);
                out.flush();
                forwarded.addAndGet(n);
                off += n;
                if (rate > 0) TimeUnit.MICROSECONDS.sleep(n * 1_000_000L / rate);
            }
        }
    }

    private boolean matches(byte[] data) {
        byte[] marker = replyStallMarker;
        if (marker == null) return false;
        outer:
        for (int i = 0; i + marker.length <= data.length; i++) {
            for (int j = 0; j < marker.length; j++) if (data[i + j] != marker[j]) continue outer;
            return true;
        }
        return false;
    }

    private record Chunk(byte[] data, long arrived) {
        static final Chunk EOF = new Chunk(new byte[0], 0);
        static final Chunk RESET = new Chunk(new byte[0], 0);
    }

    /** Closes with SO_LINGER 0: the peer gets a TCP RST, not a FIN. */
    private static void reset(Socket s) {
        try {
            if (!s.isClosed()) s.setSoLinger(true, 0);
        } catch (IOException e) {
            // closing anyway
        }
        closeQuietly(s);
    }

    private static void daemon(String name, Runnable r) {
        var t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) c.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
