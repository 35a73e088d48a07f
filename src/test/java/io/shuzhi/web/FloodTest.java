package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Floods over real sockets: one address opening 500 chat sockets, and slow-loris clients that send their request
 * headers a byte at a time. Another address is served meanwhile, and the server lets go of what the flood held.
 */
class FloodTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A raw WebSocket client from a chosen local address (127.0.0.x are all this machine). */
    private final class RawSocket implements AutoCloseable {
        final Socket socket = new Socket();
        final InputStream in;
        final OutputStream out;
        final int status;

        RawSocket(String from) throws IOException {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            out.write(("GET /ws/chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = readHead();
            status = Integer.parseInt(head.substring(9, 12));
        }

        private String readHead() throws IOException {
            var buf = new ByteArrayOutputStream();
            while (!buf.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) throw new IOException("closed during the handshake");
                buf.write(b);
            }
            return buf.toString(StandardCharsets.US_ASCII);
        }

        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            var frame = new ByteArrayOutputStream();
            frame.write(0x81);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(payload.length >> 8);
                frame.write(payload.length & 0xff);
            }
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
            out.write(frame.toByteArray());
        }

        /** The next frame: a text frame's JSON, or for a close frame {"close": code}. */
        JsonNode next() throws IOException {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) throw new IOException("closed");
            long len = b1 & 0x7f;
            if (len == 126) len = (in.read() << 8) | in.read();
            else if (len == 127) for (int i = 0, n = 0; i < 8; i++) len = (i == 0 ? 0 : len << 8) | in.read();
            byte[] payload = in.readNBytes((int) len);
            if ((b0 & 0x0f) == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 0;
                return JSON.createObjectNode().put("close", code);
            }
            return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the server already closed
            }
        }
    }

    @Test
    void oneAddressOpening500Sockets_holdsTheCap_theRestGetAReadableErrorAndClose_othersAreServed() throws Exception {
        List<RawSocket> flood = new ArrayList<>();
        int refused = 0;
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < 500; i++) {
                var s = new RawSocket("127.0.0.1");
                flood.add(s);
                assertThat(s.status).isEqualTo(101);
            }
            // Every socket over the cap is told why, then closed with 1008; the first 200 stay open and quiet.
            for (int i = 200; i < 500; i++) {
                JsonNode error = flood.get(i).next();
                assertThat(error.path("code").asString()).isEqualTo("TOO_MANY_CONNECTIONS");
                assertThat(error.path("message").asString()).contains("连接太多");
                assertThat(flood.get(i).next().path("close").asInt()).isEqualTo(1008);
                refused++;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("flood: 500 sockets from one address in " + ms + " ms; held 200, refused " + refused);

            // Meanwhile a writer at another address starts a session as usual.
            try (var writer = new RawSocket("127.0.0.2")) {
                assertThat(writer.status).isEqualTo(101);
                writer.sendText("{\"type\":\"hello\"}");
                JsonNode first = writer.next();
                assertThat(first.path("type").asString()).isEqualTo("session");
            }
            // The held sockets still work.
            flood.get(0).sendText("{\"type\":\"hello\"}");
            assertThat(flood.get(0).next().path("type").asString()).isEqualTo("session");
        } finally {
            flood.forEach(RawSocket::close);
        }
        // Once the flood has gone, the address is served again (the count follows closes).
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (var again = new RawSocket("127.0.0.1")) {
                again.sendText("{\"type\":\"hello\"}");
                JsonNode f = again.next();
                if (f.path("type").asString().equals("session")) break;
                assertThat(System.nanoTime()).as("still refused after the flood closed: " + f).isLessThan(deadline);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void slowLorisHeaders_doNotSlowOtherRequests_andSilentConnectionsAreDropped() throws Exception {
        List<Socket> slow = new ArrayList<>();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            for (int i = 0; i < 300; i++) {
                var s = new Socket();
                s.bind(new InetSocketAddress("127.0.0.3", 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.getOutputStream().write("GET /api/kinds HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            long worst = 0;
            List<Long> times = new ArrayList<>();
            for (int round = 0; round < 15; round++) {
                // a byte more on every slow connection: each stays "busy" sending its headers
                for (Socket s : slow) s.getOutputStream().write('a');
                long t = System.nanoTime();
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/kinds"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                long ms = (System.nanoTime() - t) / 1_000_000;
                times.add(ms);
                worst = Math.max(worst, ms);
                Thread.sleep(200);
            }
            times.sort(null);
            System.out.println("slow-loris: 300 trickling connections; 15 normal requests, median " + times.get(7)
                    + " ms, slowest " + worst + " ms");
            // Starved, they would wait for a free thread or time out; a loaded test machine still answers in a blink.
            assertThat(worst).isLessThan(3000);

            // They stop sending: the server drops each after its connection timeout.
            long t0 = System.nanoTime();
            for (Socket s : slow) {
                s.setSoTimeout(40_000);
                assertThat(s.getInputStream().read()).as("the server closes a silent connection").isIn(-1, (int) 'H');
            }
            System.out.println("slow-loris: all 300 dropped " + (System.nanoTime() - t0) / 1_000_000 + " ms after they went silent");
        } finally {
            for (Socket s : slow) s.close();
        }
    }
}
