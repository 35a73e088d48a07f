package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.MessageText.MASK;
import static io.shuzhi.draft.refine.MessageText.inner;
import static io.shuzhi.draft.refine.MessageText.quoteAt;
import static io.shuzhi.draft.refine.MessageText.quoteIn;
import static io.shuzhi.draft.refine.MessageText.trimTail;

import io.shuzhi.draft.Refinement.Operation;
import io.shuzhi.draft.refine.MessageText.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operation recognition: what a follow-up asks to do, by the words each {@link Edit} lists, in a fixed order — a
 * change ("X改成Y", also a year), a removal (words, or an item), an addition with its text, then the verbs without an
 * argument (reorder, rewrite, condense, formal, expand) and a 字 count. Where it applies is read afterwards, from what
 * the operation's words leave of the message.
 */
final class OperationReader {
    /** Words around the X of "把X改成Y" that are not X. */
    private static final Pattern FILLER = Pattern.compile(
            "^(?:请|帮我|帮忙|麻烦|能不能|能否|可以|把|将|给|在|都|全部|全都|统统|一律|统一|所有的?|里的|中的|的|里|中|里面|当中)+|"
                    + "(?:的|里|中|里面|当中|都|全部|全都|统统|一律|统一|所有的?)+$");
    /** The verbs without an argument, the first found wins. */
    private static final List<Verb> VERBS = List.of(new Verb(Reorder.WORDS, Operation.REORDER),
            new Verb(Rewrite.WORDS, Operation.REWRITE), new Verb(Condense.WORDS, Operation.CONDENSE),
            new Verb(Formalize.WORDS, Operation.FORMALIZE), new Verb(Expand.WORDS, Operation.EXPAND));

    private record Verb(Pattern words, Operation op) {
    }

    private final TargetReader places;

    OperationReader(TargetReader places) {
        this.places = places;
    }

    /**
     * What the message asks to do. used: the spans the operation's words (and its argument) take; weakAdd: "补充：…",
     * an addition only when a place is named too.
     */
    record Reading(Operation op, String argument, String replacement, Integer chars, boolean weakAdd, List<Span> used) {
    }

    /** text: the message; m: the message with its quotes masked; null when no operation is asked for. */
    Reading read(String text, String m, List<Span> quotes) {
        Reading r = change(text, m, quotes);
        if (r == null) r = remove(text, m, quotes);
        if (r != null) return r;
        Reading added = add(text, m, quotes);
        if (added != null && added.op() != null) return added;
        Reading v = verb(m);
        // "补充：" with nothing after it still marks the message as an answer unless a place is named.
        boolean weak = added != null && added.weakAdd();
        return v == null || !weak ? v : new Reading(v.op(), v.argument(), v.replacement(), v.chars(), true, v.used());
    }

    /** "把X改成Y" / "X换成Y" / "标题改成2025年度". */
    private Reading change(String text, String m, List<Span> quotes) {
        Matcher change = ReplaceWords.WORDS.matcher(m);
        if (!change.find()) return null;
        Span y = quoteAt(quotes, change.end());
        String to = y != null ? inner(text, y) : trimTail(text.substring(change.end()));
        int from = Math.max(m.lastIndexOf('把', change.start()), m.lastIndexOf('将', change.start()));
        int xStart = from >= 0 ? from + 1 : 0;
        Span xq = quoteIn(quotes, xStart, change.start());
        String x = xq != null ? inner(text, xq) : wordsBetween(text, m, xStart, change.start());
        boolean titleNamed = TargetReader.TITLE.matcher(m.substring(0, change.start())).find();
        String yearOf = to == null ? null : SetYear.year(to);
        if (yearOf != null && (x == null || SetYear.YEAR_WORDS.matcher(x).matches())) {
            return new Reading(Operation.SET_YEAR, yearOf, null, null, false, List.of());
        }
        if (to != null && !to.isEmpty() && (x != null || titleNamed)) {
            Span span = new Span(xq != null ? xq.start() : (x != null ? xStart : change.start()),
                    y != null ? y.end() : text.length());
            return new Reading(Operation.REPLACE, x, to, null, false, List.of(span));
        }
        return null;
    }

    /** "把‘大力’都去掉" (words) vs "删掉第二部分的三是" (an item). */
    private Reading remove(String text, String m, List<Span> quotes) {
        Matcher remove = DeleteItem.WORDS.matcher(m);
        if (!remove.find()) return null;
        Span q = quoteIn(quotes, 0, text.length());
        int from = Math.max(m.lastIndexOf('把', remove.start()), m.lastIndexOf('将', remove.start()));
        String x = q != null ? inner(text, q) : from >= 0 ? wordsBetween(text, m, from + 1, remove.start()) : null;
        if (x != null && !x.isEmpty()) {
            Span span = new Span(q != null ? Math.min(q.start(), remove.start()) : from + 1,
                    Math.max(remove.end(), q != null ? q.end() : 0));
            return new Reading(Operation.REPLACE, x, "", null, false, List.of(span));
        }
        return new Reading(Operation.DELETE, null, null, null, false, List.of(new Span(remove.start(), remove.end())));
    }

    /** "在组织建设里加一条：发展新党员2名"; op null when the add verb has no text after it. */
    private Reading add(String text, String m, List<Span> quotes) {
        Matcher add = AddText.STRONG.matcher(m);
        Matcher weak = AddText.WEAK.matcher(m);
        Matcher hit = add.find() ? add : weak.find() ? weak : null;
        if (hit == null) return null;
        Span q = quoteAt(quotes, hit.end());
        String arg = q != null ? inner(text, q) : trimTail(text.substring(hit.end()).replaceFirst("^[：:\\s]+", ""));
        if (arg == null || arg.isEmpty()) return new Reading(null, null, null, null, hit == weak, List.of());
        return new Reading(Operation.ADD, arg, null, null, hit == weak, List.of(new Span(hit.start(), text.length())));
    }

    /** The verbs that take no argument, and a 字 count: "压缩到300字", "扩写到800字", "全文3000字". */
    private static Reading verb(String m) {
        List<Span> used = new ArrayList<>();
        Operation op = null;
        Integer chars = null;
        Matcher cm = Length.CHARS.matcher(m);
        if (cm.find()) chars = Length.chars(cm);
        for (Verb v : VERBS) {
            Matcher om = v.words().matcher(m);
            if (om.find()) {
                op = v.op();
                used.add(new Span(om.start(), om.end()));
                break;
            }
        }
        if (chars != null) {
            used.add(new Span(cm.start(), cm.end()));
            if (op == null || op == Operation.CONDENSE) op = Expand.GROW.matcher(m).find() ? Operation.EXPAND : Operation.LENGTH;
            else if (op != Operation.EXPAND) chars = null;
        }
        if (op == Operation.CONDENSE && Expand.GROW.matcher(m).find()) op = Operation.EXPAND;
        return op == null ? null : new Reading(op, null, null, chars, false, used);
    }

    /** The words between two places, without fillers and named places; null when nothing is left. */
    private String wordsBetween(String text, String masked, int from, int to) {
        if (to <= from) return null;
        String m = places.maskPlaces(masked.substring(from, to));
        String kept = m.replace(String.valueOf(MASK), " ").strip();
        String w = FILLER.matcher(kept).replaceAll("").strip();
        w = FILLER.matcher(w).replaceAll("").strip();
        if (w.isEmpty() || w.contains(" ")) return w.isEmpty() ? null : w.substring(w.lastIndexOf(' ') + 1);
        return w;
    }
}
