package io.shuzhi.hardening;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle tabs for the idle-session benchmark, in a process of their own (JDK only, run from target/test-classes) so
 * that their sockets count neither against the app's heap nor against its open-file limit. Each opens a WebSocket
 * with a raw socket, sends {@code hello}, reads up to the greeting's {@code assistant_end}, then holds the connection
 * without a byte until stdin closes.
 *
 * <p>Usage: {@code IdleClients <port> <count>}; prints {@code READY <open> <failed>} when done connecting.
 */
public final class IdleClients {
    private static final byte[] HELLO = "{\"type\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    private IdleClients() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        List<Socket> open = Collections.synchronizedList(new ArrayList<>(count));
        var failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < count; i++) {
            pool.execute(() -> {
                try {
                    open.add(open(port));
                } catch (IOException | RuntimeException e) {
                    if (failed.incrementAndGet() <= 5) System.err.println("connect failed: " + e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        System.out.println("READY " + open.size() + " " + failed.get());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the connections until the benchmark closes our stdin
        }
        for (Socket s : open) s.close();
    }

    static Socket open(int port) throws IOException {
        var s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
        s.setSoTimeout(60_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /ws/chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        var in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 2048));
        String status = line(in);
        if (!status.contains(" 101 ")) throw new IOException("handshake: " + status);
        while (!line(in).isEmpty()) {
            // headers
        }
        // One masked text frame (mask key 0: legal, and the payload goes as is).
        out.write(new byte[] {(byte) 0x81, (byte) (0x80 | HELLO.length), 0, 0, 0, 0});
        out.write(HELLO);
        out.flush();
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) len = in.readUnsignedShort();
            else if (len == 127) len = in.readLong();
            byte[] payload = new byte[(int) len];
            in.readFully(payload);
            if ((b0 & 0x0f) == 1 && new String(payload, StandardCharsets.UTF_8)
                    .startsWith("{\"type\":\"assistant_end\"")) {
                return s;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        var sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') sb.append((char) c);
        }
        if (c < 0) throw new IOException("closed during handshake");
        return sb.toString();
    }
}
