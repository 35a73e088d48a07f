package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.MessageText.MASK;
import static io.shuzhi.draft.refine.MessageText.maskMatches;
import static io.shuzhi.draft.refine.MessageText.maskSpans;
import static io.shuzhi.draft.refine.Places.baseTarget;
import static io.shuzhi.draft.refine.Places.bodyTargets;
import static io.shuzhi.draft.refine.Places.canonical;
import static io.shuzhi.draft.refine.Places.partOf;

import io.shuzhi.draft.DraftingRules;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.Refinement.Operation;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.refine.MessageText.Span;
import io.shuzhi.draft.refine.OperationReader.Reading;
import io.shuzhi.draft.refine.TargetReader.Expr;
import io.shuzhi.interview.Intents;
import io.shuzhi.interview.Lexicon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a writer's follow-up about an existing draft: which part it names (标题, 开头, 第一部分, 问题部分, （二）,
 * 第一部分第二节, 二是, heading words such as "组织建设", or the whole) and what to do with it (expand, condense, a
 * length, formal tone, add, delete, replace words, swap, rewrite, set the year). A message with no edit verb is
 * {@link NotRefinement} (an interview answer or a command); a target that fits more than one place is
 * {@link Ambiguous}, with follow-ups that each name one place, never a guess. The operation is read first
 * ({@link OperationReader}), the place from what its words leave ({@link TargetReader}, {@link HeadingWords}).
 */
@Component
public final class RefineParser {

    public sealed interface Result permits NotRefinement, Resolved, Ambiguous {
    }

    public record NotRefinement() implements Result {
    }

    public record Resolved(Refinement refinement) implements Result {
    }

    /**
     * question: a Chinese question; choices: explicit follow-ups the page shows as buttons, each one a full message
     * that parses unambiguously (e.g. "第一部分（二）再具体些").
     */
    public record Ambiguous(String question, List<String> choices) implements Result {
        public Ambiguous {
            choices = List.copyOf(choices);
        }
    }

    private final TargetReader places;
    private final HeadingWords headings;
    private final OperationReader operations;
    private final Intents intents;

    /** The parser with the word lists of {@code prompts/refine/}, read once, and the interview's {@code lexicon}. */
    @Autowired
    public RefineParser(Lexicon lexicon) {
        this(RefineWords.load(), lexicon.intents());
    }

    RefineParser(RefineWords words, Intents intents) {
        this.places = new TargetReader(words);
        this.headings = new HeadingWords(words);
        this.operations = new OperationReader(places);
        this.intents = intents;
    }

    /** A chat message about the draft: the target is named in the message (or is the whole draft). */
    public Result parse(String message, Draft draft) {
        return parse(message, null, draft, false);
    }

    /** the refine{section, instruction} frame: the section is given explicitly (a Section.ref), the instruction says what to do */
    public Result parse(String instruction, String sectionRef, Draft draft) {
        if (sectionRef == null || sectionRef.isBlank()) return parse(instruction, draft);
        String ref = sectionRef.strip();
        if (draft.section(ref).isEmpty()) {
            List<String> choices = new ArrayList<>();
            String what = instruction == null ? "" : instruction.strip();
            for (Target t : bodyTargets(draft)) choices.add(canonical(t) + what);
            return new Ambiguous("草稿里没有“" + ref + "”这一节。您要修改哪一部分？", choices);
        }
        return parse(instruction, ref, draft, true);
    }

    private Result parse(String message, String frameRef, Draft draft, boolean frame) {
        if (message == null || message.isBlank()) return frame ? askWhat(frameRef) : new NotRefinement();
        String text = message.strip();
        // A changed number is a fact correction: the interview updates the fact, and the draft is written from facts.
        if (intents.correction(text).isPresent()) return new NotRefinement();
        List<Span> quotes = MessageText.quotes(text);
        char[] masked = text.toCharArray();
        for (Span q : quotes) Arrays.fill(masked, q.start(), q.end(), MASK);
        String m = new String(masked);

        Reading reading = operations.read(text, m, quotes);
        if (reading != null && reading.op() == Operation.SET_YEAR) {
            return resolved(Target.of(Scope.TITLE, "title"), Operation.SET_YEAR, reading.argument(), null, null);
        }
        if (reading == null) return frame ? askWhat(frameRef) : new NotRefinement();
        Operation op = reading.op();
        String rest = maskSpans(m, reading.used());

        // targets
        boolean deictic = TargetReader.DEICTIC.matcher(rest).find();
        rest = maskMatches(rest, TargetReader.DEICTIC);
        List<Expr> exprs = places.expressions(rest, draft);
        String restNoTargets = rest;
        for (Expr e : exprs) restNoTargets = maskSpans(restNoTargets, List.of(new Span(e.start(), e.end())));
        List<Span> chunks = HeadingWords.chunks(restNoTargets);

        if (op == Operation.REORDER) return reorder(text, exprs, draft, frameRef);

        List<Target> candidates = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        String question = null;
        if (!exprs.isEmpty()) {
            Integer part = frameRef == null ? null : partOf(frameRef);
            String section = frameRef;
            for (Expr e : exprs) {
                List<Target> ts = TargetReader.resolve(e, draft, part, section);
                if (ts.isEmpty()) return TargetReader.notFound(text, e, draft);
                for (Target t : ts) if (!candidates.contains(t)) candidates.add(t);
                spans.add(new Span(e.start(), e.end()));
                if (ts.size() == 1) {
                    part = partOf(ts.get(0).ref());
                    section = ts.get(0).ref();
                }
            }
        } else if (!chunks.isEmpty() && frameRef == null) {
            HeadingWords.Scored scored = headings.byHeadingWords(text, chunks, draft);
            if (scored != null) {
                candidates.addAll(scored.targets());
                spans.add(scored.span());
                question = "“" + scored.words() + "”对应草稿里的好几处，您指的是哪一处？";
            } else if (HeadingWords.hanCount(text, chunks) >= 4 && op != Operation.REPLACE) {
                // Words that name nothing in the draft: a statement about the year that happens to hold an edit verb.
                return new NotRefinement();
            }
        }
        if (frameRef != null && candidates.isEmpty()) candidates.add(baseTarget(frameRef));
        if (reading.weakAdd() && candidates.isEmpty()) return new NotRefinement();

        if (candidates.size() > 1) {
            List<String> choices = new ArrayList<>();
            for (Target t : candidates) choices.add(Places.substitute(text, spans, canonical(t)));
            return new Ambiguous(question != null ? question : "草稿里有好几处都对得上，您指的是哪一处？", choices);
        }
        Target target = candidates.isEmpty() ? null : candidates.get(0);
        return finish(op, target, reading.argument(), reading.replacement(), reading.chars(), deictic, text, draft);
    }

    private Result finish(Operation op, Target target, String argument, String replacement, Integer chars,
                          boolean deictic, String text, Draft draft) {
        if (target == null) {
            switch (op) {
                case EXPAND, CONDENSE, ADD, DELETE -> {
                    if (op == Operation.DELETE && !deictic) return new NotRefinement();
                    if (op == Operation.CONDENSE && chars != null) return resolved(Target.whole(), Operation.LENGTH, null, null, chars);
                    if (op != Operation.ADD && op != Operation.DELETE && !deictic && bodyTargets(draft).size() <= 1) {
                        return resolved(Target.whole(), op, null, null, chars);
                    }
                    return askWhere(op, text, argument, draft);
                }
                default -> {
                    if (deictic) return askWhere(op, text, argument, draft);
                    target = Target.whole();
                }
            }
        }
        if (op == Operation.LENGTH && target.scope() != Scope.WHOLE) op = Operation.CONDENSE;
        if (op == Operation.CONDENSE && chars != null && target.scope() == Scope.WHOLE) op = Operation.LENGTH;
        if (op == Operation.ADD && (target.scope() == Scope.WHOLE || target.scope() == Scope.PART
                && draft.section(target.ref() + ".1").isPresent())) {
            List<String> choices = new ArrayList<>();
            for (Target t : bodyTargets(draft)) {
                if (target.scope() == Scope.PART && !t.ref().startsWith(target.ref() + ".")) continue;
                choices.add(canonical(t) + "加一条：" + argument);
            }
            return new Ambiguous("加在哪一节？", choices);
        }
        return resolved(target, op, argument, replacement, chars);
    }

    private static Result resolved(Target t, Operation op, String argument, String replacement, Integer chars) {
        return new Resolved(new Refinement(t, op, argument, replacement, chars));
    }

    /** No place named, and the edit needs one: offer each part (and the whole, where that makes sense). */
    private Result askWhere(Operation op, String text, String argument, Draft draft) {
        String bare = maskMatches(text, TargetReader.DEICTIC).replace(String.valueOf(MASK), "").strip();
        List<String> choices = new ArrayList<>();
        if (op == Operation.ADD) {
            for (Target t : headings.rankedFor(argument, draft)) choices.add(canonical(t) + "加一条：" + argument);
            return new Ambiguous("加在哪一节？", choices);
        }
        if (op == Operation.DELETE) return new Ambiguous("要删掉哪一条？请说“删掉第二部分的三是”这样的话。", List.of());
        for (Target t : Places.partTargets(draft)) choices.add(canonical(t) + bare);
        if (op != Operation.ADD) choices.add("全文" + bare);
        return new Ambiguous("您想修改哪一部分？", choices);
    }

    /** A refine frame without an edit verb: what should be done to that section? */
    private static Result askWhat(String ref) {
        if (ref == null) return new NotRefinement();
        String name = canonical(baseTarget(ref));
        return new Ambiguous("您希望这一部分怎么改？",
                List.of(name + "再具体些", name + "精简一些", name + "语气再正式一点", name + "重写"));
    }

    private static Result reorder(String text, List<Expr> exprs, Draft draft, String frameRef) {
        List<Expr> es = new ArrayList<>(exprs);
        if (frameRef != null && es.size() == 1) {
            Target base = baseTarget(frameRef);
            List<Target> others = TargetReader.resolve(es.get(0), draft, partOf(frameRef), frameRef);
            if (others.size() == 1) return pair(base, others.get(0));
        }
        // "第一部分第三节把二是和三是对调": the first place holds the two that swap.
        if (es.size() == 3 && es.get(0).item() == null) {
            List<Target> ctx = TargetReader.resolve(es.get(0), draft, frameRef == null ? null : partOf(frameRef), frameRef);
            if (ctx.size() == 1 && ctx.get(0).ref() != null) {
                frameRef = ctx.get(0).ref();
                es.remove(0);
            }
        }
        if (es.size() != 2) {
            return new Ambiguous("要对调哪两节或哪两条？可以说“（三）和（四）换个顺序”或“把二是和三是对调”。", List.of());
        }
        Integer part = frameRef == null ? null : partOf(frameRef);
        List<Target[]> pairs = new ArrayList<>();
        for (Target a : TargetReader.resolve(es.get(0), draft, part, frameRef)) {
            for (Target b : TargetReader.resolve(es.get(1), draft, partOf(a.ref()), a.ref())) {
                boolean sections = a.scope() == Scope.SECTION && b.scope() == Scope.SECTION
                        && partOf(a.ref()).equals(partOf(b.ref())) && !a.ref().equals(b.ref());
                boolean items = a.scope() == Scope.ITEM && b.scope() == Scope.ITEM && a.ref().equals(b.ref())
                        && !a.item().equals(b.item());
                boolean parts = a.scope() == Scope.PART && b.scope() == Scope.PART && !a.ref().equals(b.ref());
                if (sections || items || parts) pairs.add(new Target[]{a, b});
            }
        }
        if (pairs.size() == 1) return pair(pairs.get(0)[0], pairs.get(0)[1]);
        if (pairs.isEmpty()) return new Ambiguous("没有找到可以对调的这两处：只能对调同一部分里的两节，或同一节里的两条。", List.of());
        List<String> choices = new ArrayList<>();
        Expr first = es.get(0);
        Expr second = es.get(1);
        for (Target[] p : pairs) {
            String tail = p[1].scope() == Scope.ITEM ? DraftingRules.itemOrdinal(p[1].item())
                    : "第" + DraftingRules.numeral(Places.sectionNo(p[1].ref())) + "节";
            choices.add(text.substring(0, first.start()) + canonical(p[0]) + text.substring(first.end(), second.start()) + tail
                    + text.substring(second.end()));
        }
        return new Ambiguous("草稿里有好几处都对得上，您指的是哪一处？", choices);
    }

    private static Result pair(Target a, Target b) {
        Target t = new Target(a.scope(), a.ref(), a.item(), b.ref(), b.item());
        return resolved(t, Operation.REORDER, null, null, null);
    }
}
