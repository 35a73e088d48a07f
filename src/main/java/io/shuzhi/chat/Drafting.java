package io.shuzhi.chat;

import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.refine.OfflineRefiner;
import io.shuzhi.draft.refine.RefineParser;
import io.shuzhi.interview.InterviewState;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.Section;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.session.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Writes a whole draft within a turn. With a streaming engine, every finished section (and the text of the section
 * being written, in batches of about 50 ms) is committed and sent as it comes, so every tab sees the report grow
 * and a tab that reconnects replays it.
 */
@Component
class Drafting {
    private static final long DELTA_BATCH_MS = 50;
    static final String INTERRUPTED = "上次生成草稿没有完成（服务可能重启过），已写出的部分保留在上方。说“生成草稿”可以重新生成。";
    private final Engine engine;
    private final ChatMetrics metrics;
    private final Semaphore slots;
    private final SessionStore store;
    private final Duration lockTtl;
    private final ReportKinds kinds;
    private final RefineParser parser;
    private final OfflineRefiner refiner;
    /** Sessions whose draft is being written on this instance, and those of them the writer asked to stop. */
    private final java.util.Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> stopping = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Drafting(Engine engine, ChatMetrics metrics, ChatProperties props, SessionStore store, ReportKinds kinds,
             RefineParser parser, OfflineRefiner refiner) {
        this.engine = engine;
        this.parser = parser;
        this.refiner = refiner;
        this.kinds = kinds;
        this.metrics = metrics;
        this.slots = new Semaphore(props.maxConcurrentGenerations());
        this.store = store;
        this.lockTtl = props.generationLock();
    }

    /**
     * The writer pressed 停止生成: the draft being written for the session stops at its next section or sentence, and
     * no version is stored. Called from the socket's thread, not the session's lane (which is busy drafting). A stop
     * with no draft running does nothing.
     */
    void stop(String sessionId) {
        if (running.contains(sessionId)) stopping.add(sessionId);
    }

    private void checkStop(String sessionId) {
        if (stopping.remove(sessionId)) throw new ShuzhiException(ErrorCode.STOPPED);
    }

    void draft(Turn turn, ReportKind kind) {
        // Refuse rather than queue: a writer told "busy, try again" beats one staring at a silent page.
        if (!slots.tryAcquire()) {
            throw new ShuzhiException(ErrorCode.BUSY, "同时生成草稿的人较多，请稍等片刻再试。");
        }
        Draft draft;
        List<String> applied;
        int version = turn.state().latestVersion() + 1;
        boolean streaming = !engine.offline();
        String token = streaming ? UUID.randomUUID().toString() : null;
        running.add(turn.sessionId());
        stopping.remove(turn.sessionId());
        try {
            if (streaming) startStreamed(turn, token);
            long[] refreshed = {System.nanoTime()};
            Runnable keepAlive = () -> {
                checkStop(turn.sessionId());
                // A third of the ttl between refreshes: the lock outlives a slow section, not a dead instance.
                if (System.nanoTime() - refreshed[0] < lockTtl.toNanos() / 3) return;
                refreshed[0] = System.nanoTime();
                store.refreshGeneration(turn.sessionId(), token, lockTtl);
            };
            var live = new LiveProgress(turn, streaming, keepAlive);
            draft = engine.drafter().write(kind, turn.state().interview(), version, live, turn.meter());
            live.flushDelta();
            Preferred preferred = withPreferences(draft, turn.state().interview());
            draft = preferred.draft();
            applied = preferred.applied();
        } catch (RuntimeException e) {
            // The writer is told what failed; the marker must not also report it as a crash later.
            if (streaming && turn.state().generating() != 0) clearMarker(turn);
            throw e;
        } finally {
            running.remove(turn.sessionId());
            stopping.remove(turn.sessionId());
            slots.release();
            if (streaming) store.unlockGeneration(turn.sessionId(), token);
        }
        turn.update(s -> s.withGenerating(0));
        metrics.generation();
        turn.newVersion(draft, "generate", null, engine.name());
        long placeholders = draft.sections().stream()
                .mapToLong(s -> countOf(s.heading() + s.body(), "【待补充")).sum();
        String summary = "草稿已生成（第" + version + "版）。" + (placeholders > 0
                ? "其中有" + placeholders + "处【待补充】，告诉我相应情况后说“生成草稿”即可更新。"
                : "可以复制到 Word/WPS，或继续补充情况后重新生成。");
        // The number guard marks a number the model wrote without a fact behind it; the writer must check each one.
        long unsourced = draft.sections().stream().mapToLong(s -> countOf(s.body(), "【待核实")).sum();
        if (unsourced > 0) {
            summary += "另有" + unsourced + "处数字在您提供的情况里找不到出处，已标【待核实】，请逐一核对。";
        }
        if (!applied.isEmpty()) summary += "已按您说的“" + String.join("”“", applied) + "”调整。";
        turn.assistant(summary, placeholders > 0 ? List.of("生成草稿") : List.of());
    }

    record Preferred(Draft draft, List<String> applied) {
    }

    /**
     * The writer's wishes from the interview that the draft can honour without a model — a length for the whole
     * text ("全文控制在3000字"), a more formal tone — applied after writing; the others stay as notes.
     */
    Preferred withPreferences(Draft draft, InterviewState interview) {
        Draft out = draft;
        List<String> applied = new java.util.ArrayList<>();
        for (String wish : interview.preferences()) {
            if (!(parser.parse(wish, out) instanceof RefineParser.Resolved resolved)) continue;
            Refinement r = resolved.refinement();
            boolean whole = r.target().scope() == Refinement.Scope.WHOLE;
            boolean safe = r.op() == Refinement.Operation.LENGTH || r.op() == Refinement.Operation.CONDENSE
                    || r.op() == Refinement.Operation.FORMALIZE;
            if (!whole || !safe) continue;
            try {
                OfflineRefiner.Outcome o = refiner.apply(kinds, out, r, interview);
                if (o.changed()) {
                    // Still the version being written: the wish is part of this draft, not an edit after it.
                    out = new Draft(o.draft().kind(), draft.version(), o.draft().sections());
                    applied.add(wish);
                }
            } catch (RuntimeException e) {
                // A wish the refiner cannot meet leaves the draft as written; the writer can still ask after.
            }
        }
        return new Preferred(out, List.copyOf(applied));
    }

    /**
     * A streamed draft runs on one instance only (a lock with expiry), and is marked in the state before its first
     * section, so a crash leaves a trace the next turn can report.
     */
    private void startStreamed(Turn turn, String token) {
        if (!store.tryLockGeneration(turn.sessionId(), token, lockTtl)) {
            throw new ShuzhiException(ErrorCode.BUSY, "这份草稿正在生成中（可能在另一个窗口），请稍候。");
        }
        long startedAt = System.currentTimeMillis();
        turn.update(s -> s.withGenerating(startedAt));
        turn.commitState();
    }

    private static void clearMarker(Turn turn) {
        turn.update(s -> s.withGenerating(0));
        try {
            turn.commitState();
        } catch (RuntimeException ignored) {
            // Redis is away too: the next turn reports the draft as interrupted, which is still true.
        }
    }

    /** A generation marked as running whose lock is gone was cut off (a crash, a kill): say so, once. */
    void reportInterrupted(Turn turn) {
        if (turn.state().generating() == 0 || store.generationLocked(turn.sessionId())) return;
        turn.update(s -> s.withGenerating(0));
        turn.assistant(INTERRUPTED, List.of("生成草稿"));
    }

    static long countOf(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) n++;
        return n;
    }

    /** Collects progress into the turn; commits as it goes when the engine streams. */
    static final class LiveProgress implements DraftWriter.Progress {
        private final Turn turn;
        private final boolean streaming;
        private final StringBuilder pending = new StringBuilder();
        private String pendingRef;
        private long lastFlush = System.nanoTime();
        private final Runnable keepAlive;

        LiveProgress(Turn turn, boolean streaming) {
            this(turn, streaming, () -> { });
        }

        LiveProgress(Turn turn, boolean streaming, Runnable keepAlive) {
            this.turn = turn;
            this.streaming = streaming;
            this.keepAlive = keepAlive;
        }

        @Override
        public synchronized void sectionDone(int step, int total, String label, Section section) {
            keepAlive.run();
            flushDelta();
            turn.add(new ServerFrame.Progress(step, total, label));
            if (streaming) {
                turn.add(new ServerFrame.DraftSection(section.ref(), section.level(), section.heading(),
                        section.body(), step, total));
                turn.flush();
                keepAlive.run();
            }
        }

        @Override
        public synchronized void sectionDelta(String ref, String text) {
            keepAlive.run();
            if (pendingRef != null && !pendingRef.equals(ref)) flushDelta();
            pendingRef = ref;
            pending.append(text);
            if (System.nanoTime() - lastFlush >= DELTA_BATCH_MS * 1_000_000) flushDelta();
        }

        synchronized void flushDelta() {
            if (pending.isEmpty()) return;
            turn.add(new ServerFrame.DraftDelta(pendingRef, pending.toString()));
            pending.setLength(0);
            lastFlush = System.nanoTime();
            if (streaming) {
                turn.flush();
                keepAlive.run();
            }
        }
    }
}
