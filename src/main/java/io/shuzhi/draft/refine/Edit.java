package io.shuzhi.draft.refine;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.refine.OfflineRefiner.Outcome;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKinds;

/**
 * One operation of a refinement, applied without a model. Each class also holds the words that ask for it, read by
 * {@link OperationReader}; where it applies is {@link TargetReader}'s and {@link HeadingWords}' business.
 */
sealed interface Edit permits Condense, Length, Expand, Formalize, AddText, DeleteItem, ReplaceWords, Reorder, Rewrite,
        SetYear {

    /** The draft with the edit applied to {@code r.target()} (which is in the draft), or the same draft and why not. */
    Outcome apply(Draft draft, Refinement r, Context in);

    /** What some edits need besides the draft: the report kinds (EXPAND) and the writer's facts (EXPAND, CONDENSE). */
    record Context(ReportKinds kinds, InterviewState state) {
    }
}
