package io.shuzhi.chat;

/** What a client sends: one JSON object per WebSocket text frame, told apart by {@code type}. */
public sealed interface ClientFrame {

    /** Start a session ({@code sessionId} null) or resume one, replaying what came after {@code lastSeq}. */
    record Hello(String sessionId, Long lastSeq, String kind) implements ClientFrame {}

    /** A chat message; {@code id} is the client's, and a repeated id is not processed twice. */
    record Say(String id, String text) implements ClientFrame {}

    /** Draft now with the facts there are. */
    record Generate() implements ClientFrame {}
}
