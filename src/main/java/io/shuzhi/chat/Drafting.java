package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.Section;
import io.shuzhi.interview.ReportKind;
import java.util.List;
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
    private final Engine engine;
    private final ChatMetrics metrics;
    private final Semaphore slots;

    Drafting(Engine engine, ChatMetrics metrics, ChatProperties props) {
        this.engine = engine;
        this.metrics = metrics;
        this.slots = new Semaphore(props.maxConcurrentGenerations());
    }

    void draft(Turn turn, ReportKind kind) {
        // Refuse rather than queue: a writer told "busy, try again" beats one staring at a silent page.
        if (!slots.tryAcquire()) {
            throw new ShuzhiException(ErrorCode.BUSY, "同时生成草稿的人较多，请稍等片刻再试。");
        }
        Draft draft;
        int version = turn.state.latestVersion() + 1;
        var live = new LiveProgress(turn, !engine.offline());
        try {
            draft = engine.drafter().write(kind, turn.state.interview(), version, live);
        } finally {
            slots.release();
        }
        live.flushDelta();
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
        turn.assistant(summary, placeholders > 0 ? List.of("生成草稿") : List.of());
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

        LiveProgress(Turn turn, boolean streaming) {
            this.turn = turn;
            this.streaming = streaming;
        }

        @Override
        public synchronized void sectionDone(int step, int total, String label, Section section) {
            flushDelta();
            turn.add(new ServerFrame.Progress(step, total, label));
            if (streaming) {
                turn.add(new ServerFrame.DraftSection(section.ref(), section.level(), section.heading(),
                        section.body(), step, total));
                turn.flush();
            }
        }

        @Override
        public synchronized void sectionDelta(String ref, String text) {
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
            if (streaming) turn.flush();
        }
    }
}
