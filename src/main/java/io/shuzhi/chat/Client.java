package io.shuzhi.chat;

/** One open connection (a browser tab), as the conversation sees it. */
public interface Client {
    /** A short id for logs. */
    String id();

    /** Sends one frame (JSON) carrying {@code seq}; never blocks for long, never throws. */
    void send(String frame, long seq);

    /**
     * Sends a logged frame unless this tab already has it ({@code seq} not above {@link #lastSeq()}): the same frame
     * may arrive from this instance's own commit and from another instance's notification.
     */
    boolean deliver(String frame, long seq);

    /** The highest seq sent on this connection (error frames repeat it: they are not in the session's log). */
    long lastSeq();

    /** On hello: what the tab says it has, so replay and live frames continue from there. */
    void resetSeq(long seq);

    /** Sends a last frame and closes the connection (its session was deleted). */
    void sendAndClose(String frame);

    /** A snapshot at {@code seq}: the tab now has everything up to it; frames after it that wait are sent. */
    void snapshot(String frame, long seq);
}
