package io.shuzhi.draft;

import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.usage.TokenMeter;

/**
 * The drafting half of an engine: composes a whole draft from the facts. The offline engine ({@link TemplateDrafter})
 * and the model engine implement it.
 */
public interface DraftWriter {

    /**
     * Writes the whole draft.
     *
     * @param version  the version number the new draft gets
     * @param progress told after each section is written (step 1..total), so the page can show the report growing
     */
    Draft write(ReportKind kind, InterviewState state, int version, Progress progress);

    /**
     * As {@link #write(ReportKind, InterviewState, int, Progress)}, within a turn of a session: {@code meter} names the
     * session and counts what model calls cost. A writer that calls no model ignores it.
     */
    default Draft write(ReportKind kind, InterviewState state, int version, Progress progress, TokenMeter meter) {
        return write(kind, state, version, progress);
    }

    /**
     * Told as the draft grows. Callbacks may come from any thread (a model client's callback thread); the caller's
     * implementation is thread-safe and never blocks for long.
     */
    @FunctionalInterface
    interface Progress {
        /** Section {@code step} of {@code total} is finished. */
        void sectionDone(int step, int total, String label, Section section);

        /** More text of the section {@code ref} being written (streaming engines only). */
        default void sectionDelta(String ref, String text) {
        }

        Progress NONE = (step, total, label, section) -> { };
    }
}
