package io.shuzhi.llm;

import static java.util.Map.entry;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftLexicon;
import io.shuzhi.draft.DraftWriter.Progress;
import io.shuzhi.draft.NumberGuard;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.Refinement.Operation;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.RewriteTargets;
import io.shuzhi.draft.RewriteTargets.Piece;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.SectionRewriter;
import io.shuzhi.draft.YearTerms;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import io.shuzhi.usage.TokenMeter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The model's rewrite of one target of a draft ("第一部分第二节再具体些", "开头写得正式一点", "全文压到3000字"): each
 * section body the target covers (or the one 一是/二是 item) goes to the streaming model with only its own text, the
 * kind's outline, the facts of its topics, the style guide and the writer's instruction (as data), through
 * {@code prompts/rewrite-section.md}. Headings and ordinals stay as they were, every other section is the very same
 * value, and every number passes the {@link io.shuzhi.draft.NumberGuard}. Streaming, watchdogs, retries and errors
 * are {@link LlmDraftWriter}'s ({@link SectionStreams}). Adding, deleting, moving and replacing words, the year and the
 * title are left to the offline refiner ({@link Optional#empty()}).
 */
class LlmSectionRewriter implements SectionRewriter {
    private static final Map<Operation, String> OPERATIONS = new EnumMap<>(Map.of(
            Operation.EXPAND, "展开",
            Operation.CONDENSE, "压缩",
            Operation.LENGTH, "调整篇幅",
            Operation.FORMALIZE, "更正式",
            Operation.REWRITE, "重写"));

    private final Supplier<LlmModels> models;
    private final PromptTemplates prompts;
    private final YearTerms years;
    private final NumberGuard guard;

    /**
     * A rewriter on the app's models ({@link LlmConfig}); {@code models} gives null when no model is configured. The
     * year's 提法 and the number guard come from {@code lexicon}.
     */
    LlmSectionRewriter(Supplier<LlmModels> models, PromptTemplates prompts, DraftLexicon lexicon) {
        this.models = models;
        this.prompts = prompts;
        this.years = lexicon.years();
        this.guard = new NumberGuard(lexicon.numbers());
    }

    /** A rewriter on models built elsewhere (tests). */
    public LlmSectionRewriter(LlmModels models, PromptTemplates prompts, DraftLexicon lexicon) {
        this(() -> models, prompts, lexicon);
    }

    /** True when the model does this refinement; the rest is the offline refiner's. */
    static boolean handles(Refinement r) {
        if (!OPERATIONS.containsKey(r.op())) return false;
        Scope scope = r.target().scope();
        if (scope == Scope.TITLE) return false;
        return scope != Scope.WHOLE || r.op() == Operation.FORMALIZE || r.op() == Operation.LENGTH;
    }

    @Override
    public Optional<Draft> rewrite(ReportKind kind, Draft draft, Refinement refinement, String instruction,
                                   InterviewState facts, Progress progress, TokenMeter meter) {
        if (!handles(refinement)) return Optional.empty();
        List<Piece> pieces = RewriteTargets.pieces(draft, refinement.target(), refinement.targetChars());
        if (pieces.isEmpty()) return Optional.empty();
        LlmModels m = models.get();
        if (m == null) return Optional.empty();
        SectionStreams.checkBudget(m, meter, "改写");
        Progress out = progress == null ? Progress.NONE : progress;
        InterviewState state = facts == null ? InterviewState.start() : facts;

        String outline = LlmDraftWriter.outline(draft);
        List<SectionStreams.Task> tasks = new ArrayList<>();
        for (int j = 0; j < pieces.size(); j++) {
            Piece p = pieces.get(j);
            tasks.add(new SectionStreams.Task(j, p.ref(), prompt(kind, draft, state, outline, p, refinement, instruction)));
        }
        Section[] done = new Section[pieces.size()];
        int[] emitted = {0};
        var streams = new SectionStreams(m, guard, prompts.render("system", Map.of()), state.facts(),
                withItemContext(out, pieces), meter);
        streams.run(tasks, (j, text) -> {
            done[j] = RewriteTargets.put(pieces.get(j), text);
            // In draft order, whatever order the calls finish in.
            while (emitted[0] < done.length && done[emitted[0]] != null) {
                Section s = done[emitted[0]++];
                out.sectionDone(emitted[0], done.length, s.ref().equals("opening") ? "开头" : s.heading(), s);
            }
        });
        return Optional.of(RewriteTargets.apply(draft, List.of(done)));
    }

    private String prompt(ReportKind kind, Draft draft, InterviewState state, String outline, Piece piece,
                          Refinement refinement, String instruction) {
        List<TopicSpec> topics = kind.section(piece.ref()).map(SectionSpec::topics).orElse(List.of());
        if (piece.item() > 0) {
            // An item is one topic's: its facts, when its lead still names the topic.
            List<TopicSpec> own = topics.stream().filter(t -> !t.lead().isBlank() && piece.text().startsWith(t.lead()))
                    .toList();
            if (!own.isEmpty()) topics = own;
        }
        Map<String, String> vars = new HashMap<>(Map.ofEntries(
                entry("kind_name", kind.name()),
                entry("unit", state.unit() == null ? "（未提供）" : LlmInterviewer.block(state.unit())),
                entry("year", state.year() == null ? "（未提供）" : state.year()),
                entry("outline", outline),
                entry("target", describe(draft, piece)),
                entry("operation", OPERATIONS.get(refinement.op())),
                entry("current_chars", String.valueOf(piece.chars())),
                entry("target_chars", piece.goal() == null ? "未指定（按改动方式把握）" : piece.goal() + "字左右"),
                entry("text", "<writer_text>\n" + LlmInterviewer.sanitize(piece.text()) + "\n</writer_text>"),
                entry("facts", LlmDraftWriter.factBlock(kind, LlmDraftWriter.writerFacts(state, topics))),
                entry("instruction", "<writer_text>\n" + LlmInterviewer.sanitize(instruction) + "\n</writer_text>"),
                entry("style", LlmDraftWriter.style(prompts, kind, state.year(), years))));
        return prompts.render("rewrite-section", vars);
    }

    /** "一、履职情况及成效 （二）严密组织体系，增强支部凝聚力 中的“二是”一条": where the piece sits, by its headings. */
    private static String describe(Draft draft, Piece piece) {
        Section s = piece.section();
        String where;
        if (s.ref().equals("opening")) {
            where = "开头";
        } else if (s.ref().contains(".")) {
            String part = s.ref().substring(0, s.ref().indexOf('.'));
            where = draft.section(part).map(Section::heading).orElse("") + " " + s.heading();
        } else {
            where = s.heading();
        }
        return piece.item() == 0 ? where.strip() : where.strip() + " 中的“" + piece.ordinal() + "”一条";
    }

    /** An item's deltas come after the body's text in front of it, so the page shows the whole paragraph growing. */
    private static Progress withItemContext(Progress out, List<Piece> pieces) {
        Map<String, String> front = new HashMap<>();
        for (Piece p : pieces) if (p.item() > 0) front.put(p.ref(), p.before());
        if (front.isEmpty()) return out;
        return new Progress() {
            @Override
            public void sectionDone(int step, int total, String label, Section section) {
                out.sectionDone(step, total, label, section);
            }

            @Override
            public void sectionDelta(String ref, String text) {
                String first = front.remove(ref);
                out.sectionDelta(ref, first == null ? text : first + text);
            }
        };
    }
}
