package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.MessageText.num;

import io.shuzhi.draft.BodyText;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.refine.RefineParser.Ambiguous;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Target resolution: the places a follow-up names (标题, 开头, 第一部分, 问题部分, （二）, 第一部分第二节, 1.2, 二是, 全文),
 * read as expressions ("第一部分第二节二是" is one) and resolved against the draft, an earlier place giving the
 * context of a later one. Heading words ("组织建设") are {@link HeadingWords}'.
 */
final class TargetReader {
    private static final String N = "[一二三四五六七八九十两]{1,3}|[0-9]{1,2}";
    private static final Pattern PART = Pattern.compile("第\\s*(" + N + ")\\s*个?大?部分|(?<![一二三四五六七八九十第])([二三四五六七八九])个?部分");
    private static final Pattern SECTION = Pattern.compile(
            "[（(]\\s*(" + N + ")\\s*[)）]|第\\s*(" + N + ")\\s*个?(?:小节|节|小标题|段)|(?<![0-9.])([0-9])\\.([0-9])(?![0-9])");
    private static final Pattern ITEM = Pattern.compile(
            "第\\s*(" + N + ")\\s*(?:条|项|点)|(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,2})是(?![否不])");
    static final Pattern TITLE = Pattern.compile("(?<!小)大?标题|题目");
    private static final Pattern OPENING = Pattern.compile("开头|导语|开篇|引言|开场白|前言|首段");
    private static final Pattern WHOLE = Pattern.compile("全文|整篇|通篇|全篇|整份报告|整份|整个报告|整个草稿|全稿|通稿|整体|整个");
    static final Pattern DEICTIC = Pattern.compile("这一?部分|那一?部分|这一?小?节|这一?段|这里|此处|这块|这一?条|这句话?");

    private final RefineWords words;
    /** "问题部分", "下步那一部分": a part named by its subject, from the spoken words of {@code part-groups.tsv}. */
    private final Pattern partWord;

    TargetReader(RefineWords words) {
        this.words = words;
        this.partWord = Pattern.compile("(" + words.spoken().stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + ")(?:那|这)?一?个?(?:部分|板块)");
    }

    /** A run of named places read as one: a part, section, ref ("1.2") and item, each null when not named. */
    record Expr(int start, int end, String kind, Integer part, List<Integer> partWords, Integer section,
                String ref, Integer item) {
    }

    private record Token(int start, int end, String kind, Integer n, String word, String ref) {
    }

    /** The message with every named place masked out. */
    String maskPlaces(String m) {
        for (Pattern p : List.of(PART, partWord, SECTION, ITEM, TITLE, OPENING, WHOLE, DEICTIC)) m = MessageText.maskMatches(m, p);
        return m;
    }

    /** Named places, in order; adjacent tokens ("第一部分第二节二是", "第二部分的三是") form one expression. */
    List<Expr> expressions(String m, Draft draft) {
        List<Token> tokens = new ArrayList<>();
        Matcher x = PART.matcher(m);
        while (x.find()) tokens.add(new Token(x.start(), x.end(), "part", num(x.group(1) != null ? x.group(1) : x.group(2)), null, null));
        x = partWord.matcher(m);
        while (x.find()) tokens.add(new Token(x.start(), x.end(), "partword", null, x.group(1), null));
        x = SECTION.matcher(m);
        while (x.find()) {
            if (x.group(3) != null) tokens.add(new Token(x.start(), x.end(), "ref", null, null, x.group(3) + "." + x.group(4)));
            else tokens.add(new Token(x.start(), x.end(), "section", num(x.group(1) != null ? x.group(1) : x.group(2)), null, null));
        }
        x = ITEM.matcher(m);
        while (x.find()) tokens.add(new Token(x.start(), x.end(), "item", num(x.group(1) != null ? x.group(1) : x.group(2)), null, null));
        for (Object[] row : new Object[][]{{TITLE, "title"}, {OPENING, "opening"}, {WHOLE, "whole"}}) {
            x = ((Pattern) row[0]).matcher(m);
            while (x.find()) tokens.add(new Token(x.start(), x.end(), (String) row[1], null, null, null));
        }
        tokens.removeIf(t -> t.n != null && t.n < 0);
        tokens.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
        // drop tokens inside another ("第二部分" holds no "二是"; "（二）" inside "第一部分（二）" is its own)
        List<Token> kept = new ArrayList<>();
        for (Token t : tokens) if (kept.isEmpty() || t.start >= kept.get(kept.size() - 1).end) kept.add(t);

        List<Expr> out = new ArrayList<>();
        Expr cur = null;
        int lastLevel = -1;
        for (Token t : kept) {
            int level = switch (t.kind) {
                case "part", "partword" -> 1;
                case "section", "ref" -> 2;
                case "item" -> 3;
                default -> 0;
            };
            boolean join = cur != null && level > lastLevel && lastLevel > 0
                    && m.substring(cur.end, t.start).matches("[的里中之\\s]*");
            if (!join) {
                if (cur != null) out.add(cur);
                cur = new Expr(t.start, t.end, level == 0 ? t.kind : "place", null, null, null, null, null);
            }
            cur = switch (t.kind) {
                case "part" -> new Expr(cur.start, t.end, cur.kind, t.n, null, cur.section, cur.ref, cur.item);
                case "partword" -> new Expr(cur.start, t.end, cur.kind, null, partsFor(t.word, draft), cur.section, cur.ref, cur.item);
                case "section" -> new Expr(cur.start, t.end, cur.kind, cur.part, cur.partWords, t.n, cur.ref, cur.item);
                case "ref" -> new Expr(cur.start, t.end, cur.kind, cur.part, cur.partWords, cur.section, t.ref, cur.item);
                case "item" -> new Expr(cur.start, t.end, cur.kind, cur.part, cur.partWords, cur.section, cur.ref, t.n);
                default -> new Expr(cur.start, t.end, cur.kind, null, null, null, null, null);
            };
            lastLevel = level;
        }
        if (cur != null) out.add(cur);
        return out;
    }

    /** The places an expression can mean, with the part and section of an earlier expression as context. */
    static List<Target> resolve(Expr e, Draft draft, Integer ctxPart, String ctxSection) {
        switch (e.kind) {
            case "title" -> { return List.of(Target.of(Scope.TITLE, "title")); }
            case "opening" -> { return List.of(Target.of(Scope.OPENING, "opening")); }
            case "whole" -> { return List.of(Target.whole()); }
            default -> { }
        }
        List<Target> out = new ArrayList<>();
        if (e.ref != null) {
            if (draft.section(e.ref).isPresent()) out.add(e.item == null ? Target.of(Scope.SECTION, e.ref) : Places.itemIn(draft, e.ref, e.item));
            out.removeIf(t -> t == null);
            return out;
        }
        boolean partNamed = e.part != null || e.partWords != null;
        List<Integer> parts = e.part != null ? List.of(e.part) : e.partWords != null ? e.partWords
                : ctxPart != null ? List.of(ctxPart) : Places.partNumbers(draft);
        if (e.section != null) {
            for (int p : parts) {
                String ref = p + "." + e.section;
                if (draft.section(ref).isEmpty()) continue;
                Target t = e.item == null ? Target.of(Scope.SECTION, ref) : Places.itemIn(draft, ref, e.item);
                if (t != null) out.add(t);
            }
            return out;
        }
        if (e.item != null) {
            if (!partNamed && ctxSection != null && draft.section(ctxSection).isPresent()
                    && BodyText.itemCount(draft.section(ctxSection).get().body()) > 0) {
                Target t = Places.itemIn(draft, ctxSection, e.item);
                return t == null ? List.of() : List.of(t);
            }
            for (Section s : draft.sections()) {
                if (s.body().isEmpty() || !s.ref().matches("[0-9]+(\\.[0-9]+)?")) continue;
                if (!parts.contains(Places.partOf(s.ref()))) continue;
                Target t = Places.itemIn(draft, s.ref(), e.item);
                if (t != null) out.add(t);
            }
            return out;
        }
        for (int p : parts) if (draft.section(String.valueOf(p)).isPresent()) out.add(Target.of(Scope.PART, String.valueOf(p)));
        return out;
    }

    /** A named place the draft does not have: ask, offering the places of that level. */
    static Ambiguous notFound(String text, Expr e, Draft draft) {
        List<String> choices = new ArrayList<>();
        List<Target> all = e.item != null ? Places.itemTargets(draft, e.item) : e.section != null || e.ref != null
                ? Places.bodyTargets(draft).stream().filter(t -> t.ref().contains(".")).toList() : Places.partTargets(draft);
        for (Target t : all) choices.add(text.substring(0, e.start) + Places.canonical(t) + text.substring(e.end));
        return new Ambiguous("草稿里没有“" + text.substring(e.start, e.end) + "”。您指的是哪一处？", choices);
    }

    private List<Integer> partsFor(String word, Draft draft) {
        List<String> group = words.partGroups().stream().filter(g -> g.contains(word)).findFirst().orElse(List.of(word));
        List<Integer> out = new ArrayList<>();
        for (Section s : draft.sections()) {
            if (!s.ref().matches("[0-9]+")) continue;
            if (group.stream().anyMatch(s.heading()::contains)) out.add(Integer.parseInt(s.ref()));
        }
        return out;
    }
}
