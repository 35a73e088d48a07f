package io.shuzhi.draft;

import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;

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

    @FunctionalInterface
    interface Progress {
        void sectionDone(int step, int total, String label, Section section);

        Progress NONE = (step, total, label, section) -> { };
    }
}
