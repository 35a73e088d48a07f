package io.shuzhi.chat;

/**
 * Applies one kind of client frame to a session. Each handler is a Spring bean; {@link TurnRunner} finds it by
 * {@link #frameType()}, loads the session, calls {@link #apply}, and commits what the turn gathered.
 *
 * <p>A handler throws {@link ShuzhiException} to refuse a frame: nothing it gathered is committed.
 */
interface TurnHandler<F extends ClientFrame> {
    Class<F> frameType();

    /** Applies the frame to the turn; false when there is nothing to do (a repeated message). */
    boolean apply(Turn turn, F frame);
}
