package io.shuzhi.draft;

import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.usage.TokenMeter;
import java.util.Optional;

/**
 * A model's rewrite of one target of a draft ("再具体些", "换个说法", "语气再正式一点"): only the target changes,
 * from the target's text, the kind's outline and the writer's facts — not the whole draft, not the chat.
 */
public interface SectionRewriter {

    /**
     * @param progress told the rewritten text as it streams ({@link DraftWriter.Progress#sectionDelta}) and when
     *                 each rewritten section is done
     * @return the draft with only the target changed, or empty when this rewriter leaves the operation to the
     *         offline refiner (add, delete, reorder, replace, set year)
     */
    default Optional<Draft> rewrite(ReportKind kind, Draft draft, Refinement refinement, String instruction,
                                    InterviewState facts, DraftWriter.Progress progress) {
        return rewrite(kind, draft, refinement, instruction, facts, progress, TokenMeter.NONE);
    }

    /** As above, within a turn of a session: {@code meter} names the session and counts what model calls cost. */
    Optional<Draft> rewrite(ReportKind kind, Draft draft, Refinement refinement, String instruction,
                            InterviewState facts, DraftWriter.Progress progress, TokenMeter meter);
}
