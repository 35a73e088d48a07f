package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.SectionRewriter;
import io.shuzhi.draft.refine.OfflineRefiner;
import io.shuzhi.draft.refine.RefineParser;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.interview.YearOnYear;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Follow-ups on a draft ("第一部分第二节再具体些", "把‘大力’都去掉"): resolves the target and the operation, asks back
 * with choices when the words fit more than one place, and applies the change to the target only, as a new version.
 */
@Component
class Refining {
    private static final List<String> AFTER_CHANGE = List.of("撤销");
    private final DraftStore drafts;
    private final ReportKinds kinds;
    private final Engine engine;
    private final ObjectProvider<SectionRewriter> rewriter;
    private final RefineParser parser;
    private final OfflineRefiner refiner;
    private final NumberParser numbers;
    private final YearOnYear yearOnYear;

    Refining(DraftStore drafts, ReportKinds kinds, Engine engine, ObjectProvider<SectionRewriter> rewriter,
             RefineParser parser, OfflineRefiner refiner, Lexicon lexicon) {
        this.numbers = lexicon.numbers();
        this.yearOnYear = lexicon.yearOnYear();
        this.parser = parser;
        this.refiner = refiner;
        this.drafts = drafts;
        this.kinds = kinds;
        this.engine = engine;
        this.rewriter = rewriter;
    }

    /** A chat message once a draft exists: true when it was a follow-up on the draft (and is answered). */
    boolean trySay(Turn turn, String text) {
        if (turn.state().draftVersion() == 0) return false;
        Draft draft = drafts.current(turn.state());
        RefineParser.Result result = parser.parse(text, draft);
        if (result instanceof RefineParser.NotRefinement) return false;
        answer(turn, draft, result, text);
        return true;
    }

    /** The {@code refine{section?, instruction}} frame. */
    void refine(Turn turn, ClientFrame.Refine frame) {
        Draft draft = drafts.current(turn.state());
        if (frame.section() != null && draft.section(frame.section()).isEmpty()) {
            throw new ShuzhiException(ErrorCode.UNKNOWN_SECTION, "草稿中没有“" + frame.section() + "”这一节。");
        }
        RefineParser.Result result = frame.section() == null
                ? parser.parse(frame.instruction(), draft)
                : parser.parse(frame.instruction(), frame.section(), draft);
        if (result instanceof RefineParser.NotRefinement) throw new ShuzhiException(ErrorCode.UNCLEAR_REFINEMENT);
        answer(turn, draft, result, frame.instruction());
    }

    private void answer(Turn turn, Draft draft, RefineParser.Result result, String instruction) {
        if (result instanceof RefineParser.Ambiguous ambiguous) {
            turn.assistant(ambiguous.question(), ambiguous.choices());
            return;
        }
        Refinement refinement = ((RefineParser.Resolved) result).refinement();
        if (rewriteWithModel(turn, draft, refinement, instruction)) return;
        OfflineRefiner.Outcome outcome = refiner.apply(kinds, draft, refinement, turn.state().interview());
        if (!outcome.changed()) {
            turn.assistant(outcome.message(), List.of());
            return;
        }
        if (!outcome.addedFacts().isEmpty()) addFacts(turn, refinement, outcome.addedFacts());
        Draft next = turn.newVersion(outcome.draft(), "refine", instruction,
                engine.offline() ? Engine.OFFLINE : engine.name());
        turn.assistant(outcome.message() + "（已存为第" + next.version() + "版，可随时撤销。）", AFTER_CHANGE);
    }

    /** With a model configured, the model rewrites the target (streamed); false when it leaves it to the rules. */
    private boolean rewriteWithModel(Turn turn, Draft draft, Refinement refinement, String instruction) {
        SectionRewriter model = engine.offline() ? null : rewriter.getIfAvailable();
        if (model == null) return false;
        ReportKind kind = kinds.get(turn.state().kind());
        var live = new Drafting.LiveProgress(turn, true);
        Optional<Draft> rewritten = model.rewrite(kind, draft, refinement, instruction, turn.state().interview(), live, turn.meter());
        live.flushDelta();
        if (rewritten.isEmpty()) return false;
        Draft next = turn.newVersion(rewritten.get(), "refine", instruction, engine.name());
        long unsourced = next.sections().stream().mapToLong(s -> Drafting.countOf(s.body(), "【待核实")).sum();
        turn.assistant("已按要求改写（第" + next.version() + "版，可随时撤销）。"
                + (unsourced > 0 ? "有" + unsourced + "处数字找不到出处，已标【待核实】，请核对。" : ""), AFTER_CHANGE);
        return true;
    }

    /** "加一条：发展新党员2名" is also a fact of the year: keep it, under the first topic of the target section. */
    private void addFacts(Turn turn, Refinement refinement, List<String> texts) {
        ReportKind kind = kinds.get(turn.state().kind());
        String ref = refinement.target().ref();
        String topic = kind.section(ref).flatMap(s -> s.topics().stream().findFirst()).map(t -> t.key())
                .orElse(null);
        if (topic == null) return;
        turn.update(s -> {
            InterviewState interview = s.interview();
            for (String t : texts) interview = interview.plusFact(topic, t, numbers.find(t), "refine");
            return s.withInterview(interview, yearOnYear);
        });
        turn.add(Views.factsFrame(kind, turn.state(), yearOnYear));
    }
}
