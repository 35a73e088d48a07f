package io.shuzhi.chat;

/** One open connection (a browser tab), as the conversation sees it. */
public interface Client {
    /** A short id for logs. */
    String id();

    /** Sends one frame (JSON) carrying {@code seq}; never blocks for long, never throws. */
    void send(String frame, long seq);

    /** The highest seq sent on this connection (error frames repeat it: they are not in the session's log). */
    long lastSeq();
}
