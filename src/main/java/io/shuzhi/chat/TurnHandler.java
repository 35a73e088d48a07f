package io.shuzhi.chat;

/**
 * Applies one kind of client frame to a session. Each handler is a Spring bean named in {@link TurnHandlers};
 * {@link TurnRunner} loads the session, calls {@link #apply} for the frame's type, and commits what the turn gathered.
 *
 * <p>A handler throws {@link ShuzhiException} to refuse a frame: nothing it gathered is committed.
 */
interface TurnHandler<F extends ClientFrame> {
    /** Applies the frame to the turn; false when there is nothing to do (a repeated message). */
    boolean apply(Turn turn, F frame);
}
