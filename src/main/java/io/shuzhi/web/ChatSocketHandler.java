package io.shuzhi.web;

import io.shuzhi.chat.ChatProperties;
import io.shuzhi.chat.Client;
import io.shuzhi.chat.ClientFrame;
import io.shuzhi.chat.ErrorCode;
import io.shuzhi.chat.FrameCodec;
import io.shuzhi.chat.ShuzhiException;
import io.shuzhi.chat.TurnRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * {@code /ws/chat}: one JSON object per text frame. Parses and checks a frame, binds the connection to its session
 * and hands the frame to the {@link TurnRunner}; it never does a turn's work on the WebSocket thread.
 */
@Component
class ChatSocketHandler extends AbstractWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final String CLIENT = "shuzhi.client";
    private static final String SESSION = "shuzhi.session";
    private static final String ADDRESS = "shuzhi.address";
    /** A message still arriving in parts: its text so far (a binary message: its byte count), or {@link #REFUSED}. */
    private static final String PARTIAL = "shuzhi.partial";
    private static final Object REFUSED = new Object();
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 1024 * 1024;

    private final TurnRunner turns;
    private final FrameCodec codec;
    private final ChatProperties props;
    private final RateLimiter perConnection;
    private final RateLimiter perAddress;
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> openPerAddress =
            new java.util.concurrent.ConcurrentHashMap<>();

    public ChatSocketHandler(TurnRunner turns, FrameCodec codec, ChatProperties props) {
        this.turns = turns;
        this.codec = codec;
        this.props = props;
        this.perConnection = new RateLimiter(props.connectionBurst(), props.connectionPerSecond());
        this.perAddress = new RateLimiter(props.addressBurst(), props.addressPerSecond());
    }

    /** A tab, with sends serialised and bounded so one slow tab cannot stall a turn thread. */
    static final class SocketClient implements Client {
        private final ConcurrentWebSocketSessionDecorator socket;
        private static final int MAX_PENDING = 10_000;
        private final AtomicLong lastSeq = new AtomicLong();
        private final java.util.TreeMap<Long, String> pending = new java.util.TreeMap<>();

        SocketClient(WebSocketSession session) {
            this.socket = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
        }

        @Override
        public String id() {
            return socket.getId();
        }

        @Override
        public synchronized void send(String frame, long seq) {
            lastSeq.accumulateAndGet(seq, Math::max);
            write(frame);
            drainPending();
        }

        /**
         * In order, once: a frame already had is dropped; a frame ahead of a gap waits until the gap is filled (a
         * replay and live frames can arrive in either order while a tab resumes).
         */
        @Override
        public synchronized boolean deliver(String frame, long seq) {
            if (seq <= lastSeq.get()) return false;
            if (seq > lastSeq.get() + 1) {
                if (pending.size() < MAX_PENDING) pending.put(seq, frame);
                return false;
            }
            lastSeq.set(seq);
            write(frame);
            drainPending();
            return true;
        }

        private void write(String frame) {
            try {
                if (socket.isOpen()) socket.sendMessage(new TextMessage(frame));
            } catch (IOException | RuntimeException e) {
                // The tab is gone or too slow; it resumes by lastSeq when it reconnects.
                log.debug("send to {} failed: {}", id(), e.getMessage());
            }
        }

        private void drainPending() {
            while (!pending.isEmpty()) {
                var first = pending.firstEntry();
                if (first.getKey() <= lastSeq.get()) {
                    pending.pollFirstEntry();
                } else if (first.getKey() == lastSeq.get() + 1) {
                    pending.pollFirstEntry();
                    lastSeq.set(first.getKey());
                    write(first.getValue());
                } else {
                    return;
                }
            }
        }

        @Override
        public long lastSeq() {
            return lastSeq.get();
        }

        @Override
        public synchronized void snapshot(String frame, long seq) {
            lastSeq.set(seq);
            write(frame);
            drainPending();
        }

        @Override
        public synchronized void sendAndClose(String frame) {
            write(frame);
            socket.getAttributes().remove(SESSION);
            try {
                socket.close(CloseStatus.NORMAL.withReason("session deleted"));
            } catch (IOException | RuntimeException e) {
                log.debug("close of {} failed: {}", id(), e.getMessage());
            }
        }

        @Override
        public synchronized void resetSeq(long seq) {
            lastSeq.set(seq);
            pending.clear();
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        var client = new SocketClient(session);
        session.getAttributes().put(CLIENT, client);
        String address = address(session);
        session.getAttributes().put(ADDRESS, address);
        int open = openPerAddress.computeIfAbsent(address, a -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        if (open > props.maxSocketsPerAddress()) {
            // One address holding hundreds of sockets is a flood (or a proxy that hides its clients' addresses).
            if (open == props.maxSocketsPerAddress() + 1) {
                log.warn("address {} holds {} chat sockets (shuzhi.chat.max-sockets-per-address); refusing more",
                        address, props.maxSocketsPerAddress());
            }
            turns.sendError(client, ErrorCode.TOO_MANY_CONNECTIONS, ErrorCode.TOO_MANY_CONNECTIONS.message(), null);
            try {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("too many connections from one address"));
            } catch (IOException e) {
                log.debug("close of {} failed: {}", session.getId(), e.getMessage());
            }
        }
    }

    /**
     * Tomcat allocates a text and a binary buffer for every open socket, idle or not, of the size a whole message may
     * reach (it closes with 1009 beyond it). With partial messages those buffers stay small ({@link WebSocketConfig})
     * and a longer message arrives in parts, joined here only while it is in flight; the limits are the same as
     * before: over {@code transport-limit-chars} characters (a binary message: over {@code max-text-bytes} bytes) the
     * socket is closed with 1009, anything under it is answered as a whole message.
     */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage part) {
        String payload = whole(session, part);
        if (payload == null) return;
        Client client = (Client) session.getAttributes().get(CLIENT);
        if (!perConnection.tryAcquire(session.getId()) || !perAddress.tryAcquire(address(session))) {
            turns.sendError(client, ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED.message(), codec.replyTo(payload));
            return;
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > props.maxTextBytes()) {
            turns.sendError(client, ErrorCode.TOO_LARGE, ErrorCode.TOO_LARGE.message(), codec.replyTo(payload));
            return;
        }
        ClientFrame frame;
        try {
            frame = codec.parse(payload);
        } catch (ShuzhiException e) {
            turns.sendError(client, e.code(), e.getMessage(), codec.replyTo(payload));
            return;
        }
        if (frame instanceof ClientFrame.Hello hello) {
            hello(session, client, hello);
            return;
        }
        String sessionId = (String) session.getAttributes().get(SESSION);
        if (sessionId == null) {
            turns.sendError(client, ErrorCode.NO_SESSION, "会话还没有建立好，请稍候再试。",
                    frame instanceof ClientFrame.Say say ? say.id() : null);
            return;
        }
        if (frame instanceof ClientFrame.Stop) {
            turns.stop(sessionId);
            return;
        }
        turns.submit(sessionId, client, frame, false);
    }

    /** The whole message once its last part is in; null while parts are still coming or when it was refused. */
    private String whole(WebSocketSession session, TextMessage part) {
        var attributes = session.getAttributes();
        Object sofar = attributes.get(PARTIAL);
        if (sofar == REFUSED) return null;
        String payload = part.getPayload();
        if (sofar == null && part.isLast() && payload.length() <= props.transportLimitChars()) return payload;
        StringBuilder text = sofar instanceof StringBuilder b ? b : new StringBuilder();
        if (text.length() + payload.length() > props.transportLimitChars()) {
            refuse(session);
            return null;
        }
        text.append(payload);
        if (!part.isLast()) {
            attributes.put(PARTIAL, text);
            return null;
        }
        attributes.remove(PARTIAL);
        return text.toString();
    }

    /** Over the transport limit: 1009, and every later part or message on this socket is dropped. */
    private static void refuse(WebSocketSession session) {
        session.getAttributes().put(PARTIAL, REFUSED);
        try {
            session.close(CloseStatus.TOO_BIG_TO_PROCESS);
        } catch (IOException e) {
            log.debug("close of {} failed: {}", session.getId(), e.getMessage());
        }
    }

    private void hello(WebSocketSession session, Client client, ClientFrame.Hello hello) {
        if (hello.sessionId() == null && !turns.knowsKind(hello.kind())) {
            // Refused before anything moves: the tab stays on the session it had.
            turns.sendError(client, ErrorCode.UNKNOWN_KIND, "不认识这种报告类型：" + hello.kind() + "。", null);
            return;
        }
        String previous = (String) session.getAttributes().get(SESSION);
        if (previous != null) turns.detach(previous, client);
        boolean fresh = hello.sessionId() == null;
        if (!fresh && !SESSION_ID.matcher(hello.sessionId()).matches()) {
            session.getAttributes().remove(SESSION);
            turns.sendError(client, ErrorCode.SESSION_NOT_FOUND, ErrorCode.SESSION_NOT_FOUND.message(), null);
            return;
        }
        // Bind now, before the turn runs, so frames that follow the hello queue behind it on the same lane.
        String sessionId = fresh ? TurnRunner.newSessionId() : hello.sessionId();
        session.getAttributes().put(SESSION, sessionId);
        turns.submit(sessionId, client, hello, fresh);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage part) {
        // Refused whatever it holds: only its size is kept while it arrives, for the same 1009 as a long text.
        var attributes = session.getAttributes();
        Object sofar = attributes.get(PARTIAL);
        if (sofar == REFUSED) return;
        long bytes = (sofar instanceof Long n ? n : 0L) + part.getPayloadLength();
        if (bytes > props.maxTextBytes()) {
            refuse(session);
            return;
        }
        if (!part.isLast()) {
            attributes.put(PARTIAL, bytes);
            return;
        }
        attributes.remove(PARTIAL);
        Client client = (Client) attributes.get(CLIENT);
        turns.sendError(client, ErrorCode.BINARY_NOT_SUPPORTED, ErrorCode.BINARY_NOT_SUPPORTED.message(), null);
    }

    private static String address(WebSocketSession session) {
        var remote = session.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "?" : remote.getAddress().getHostAddress();
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        perConnection.forget(session.getId());
        String address = (String) session.getAttributes().get(ADDRESS);
        if (address != null) {
            openPerAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
        String sessionId = (String) session.getAttributes().get(SESSION);
        Client client = (Client) session.getAttributes().get(CLIENT);
        if (sessionId != null && client != null) turns.detach(sessionId, client);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("transport error on {}: {}", session.getId(), exception.getMessage());
    }
}
