package io.shuzhi.draft.refine;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftLexicon;
import io.shuzhi.draft.DraftingRules;
import io.shuzhi.draft.Refinement;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKinds;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies a {@link Refinement} without a model, deterministically: it cuts, moves, renumbers and swaps words, and it
 * adds only the writer's own text (facts already given, or the text of an ADD). It never writes a sentence or a number
 * of its own; what needs new wording (a rewrite, a longer text) it declines with a message saying what would do it.
 * Sections outside the target are returned as the very same values; a changed draft has version + 1.
 */
@Component
public final class OfflineRefiner {
    static final String NEEDS_MODEL = "接入写作模型（请联系系统管理员开通）";

    private final Edit condense;
    private final Edit length;
    private final Edit expand;
    private final Edit formalize;
    private final Edit add;
    private final Edit delete = new DeleteItem();
    private final Edit replace = new ReplaceWords();
    private final Edit reorder = new Reorder();
    private final Edit rewrite = new Rewrite();
    private final Edit setYear = new SetYear();

    /**
     * The refiner with the drafter's wording tables of {@code lexicon} and the formal-phrase table of
     * {@code prompts/refine/}, read once.
     */
    public OfflineRefiner(DraftLexicon lexicon) {
        DraftingRules rules = new DraftingRules(lexicon);
        Cutter cutter = new Cutter(rules, lexicon.numbers());
        Length whole = new Length(cutter);
        this.length = whole;
        this.condense = new Condense(cutter, whole);
        this.expand = new Expand(rules);
        this.formalize = new Formalize(FormalPhrases.load(rules));
        this.add = new AddText(rules, lexicon.numbers());
    }

    /**
     * draft: unchanged when changed=false; message: Chinese, says what was done, or plainly why it can't be done
     * offline and what would do it (configuring a model, or telling Shuzhi more facts).
     */
    public record Outcome(Draft draft, boolean changed, String message, List<String> addedFacts) {
        public Outcome {
            addedFacts = addedFacts == null ? List.of() : List.copyOf(addedFacts);
        }
    }

    /**
     * The draft with the refinement applied, or the same draft and the reason it was not. {@code kinds} is the app's
     * one {@link ReportKinds}: EXPAND needs each section's topics, leads and close clauses, which a draft does not carry.
     */
    public Outcome apply(ReportKinds kinds, Draft draft, Refinement r, InterviewState facts) {
        InterviewState state = facts == null ? InterviewState.start() : facts;
        String missing = Places.checkTarget(draft, r.target());
        if (missing != null) return unchanged(draft, missing);
        Edit edit = switch (r.op()) {
            case CONDENSE -> condense;
            case LENGTH -> length;
            case EXPAND -> expand;
            case FORMALIZE -> formalize;
            case ADD -> add;
            case DELETE -> delete;
            case REPLACE -> replace;
            case REORDER -> reorder;
            case REWRITE -> rewrite;
            case SET_YEAR -> setYear;
        };
        return edit.apply(draft, r, new Edit.Context(kinds, state));
    }

    static Outcome unchanged(Draft draft, String message) {
        return new Outcome(draft, false, message, List.of());
    }
}
