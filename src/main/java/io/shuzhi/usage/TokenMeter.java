package io.shuzhi.usage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the model tokens a turn uses, and tells model code whose session the turn is. The turn runner makes one per
 * turn and hands it, as an argument, to the engine it calls (interviewer, draft writer, rewriter); model code records
 * each response's usage on it from whatever thread the response arrives on.
 */
public final class TokenMeter {
    /** A meter for calls made outside a turn (tests, tools): it counts nothing and names no session. */
    public static final TokenMeter NONE = new TokenMeter();

    private final AtomicLong input = new AtomicLong();
    private final AtomicLong output = new AtomicLong();
    private final AtomicLong estimated = new AtomicLong();
    private final String sessionId;
    private final long usedBefore;
    private volatile boolean dailyBudgetReached;

    public TokenMeter() {
        this(null, 0);
    }

    /**
     * A meter for one turn of a session: model code reads the session id (for its chat memory) and what the session
     * used before this turn (for the token budget).
     */
    public TokenMeter(String sessionId, long usedBefore) {
        this.sessionId = sessionId;
        this.usedBefore = Math.max(0, usedBefore);
    }


    public void record(long inputTokens, long outputTokens) {
        if (this == NONE) return;
        input.addAndGet(Math.max(0, inputTokens));
        output.addAndGet(Math.max(0, outputTokens));
    }

    /**
     * Records an estimate for a call whose provider reported no usage (Ollama's {@code /v1} when streaming): counted like
     * usage, for the budget too, and marked as estimated so nobody reads it as the provider's figure.
     */
    public void recordEstimate(long inputTokens, long outputTokens) {
        if (this == NONE) return;
        record(inputTokens, outputTokens);
        estimated.addAndGet(Math.max(0, inputTokens) + Math.max(0, outputTokens));
    }

    /**
     * Tokens of {@code text} as the common tokenizers count Chinese: one per Han character or full-width mark (DeepSeek's
     * and Qwen's run a little below, so this errs high, on the budget's side), one per four other non-space characters.
     */
    public static long estimate(CharSequence text) {
        if (text == null) return 0;
        long wide = 0;
        long narrow = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) continue;
            if (c >= 0x2E80) wide++;
            else narrow++;
        }
        return wide + (narrow + 3) / 4;
    }

    /** Of {@link #input()} + {@link #output()}, how many were estimated, not reported by the provider. */
    public long estimated() {
        return estimated.get();
    }

    public long input() {
        return input.get();
    }

    public long output() {
        return output.get();
    }

    /** The session this turn belongs to; null outside a turn. */
    public String sessionId() {
        return sessionId;
    }

    /** Marks that the whole service has used its tokens for today ({@code shuzhi.llm.daily-token-budget}). */
    public TokenMeter dailyBudgetReached(boolean reached) {
        this.dailyBudgetReached = reached;
        return this;
    }

    public boolean dailyBudgetReached() {
        return dailyBudgetReached;
    }

    /** Tokens the session has used, this turn included. */
    public long sessionTotal() {
        return usedBefore + input.get() + output.get();
    }
}
