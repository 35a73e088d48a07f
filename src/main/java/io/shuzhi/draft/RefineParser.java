package io.shuzhi.draft;

import io.shuzhi.draft.Refinement.Operation;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.interview.ChineseNumerals;
import io.shuzhi.interview.Intents;
import io.shuzhi.interview.NumberParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a writer's follow-up about an existing draft: which part it names (标题, 开头, 第一部分, 问题部分, （二）,
 * 第一部分第二节, 二是, heading words such as "组织建设", or the whole) and what to do with it (expand, condense, a
 * length, formal tone, add, delete, replace words, swap, rewrite, set the year). A message with no edit verb is
 * {@link NotRefinement} (an interview answer or a command); a target that fits more than one place is
 * {@link Ambiguous}, with follow-ups that each name one place, never a guess.
 */
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

    private static final String N = "[一二三四五六七八九十两]{1,3}|[0-9]{1,2}";
    private static final String QUOTES = "‘’“”「」『』'\"";
    private static final char MASK = '\uE000';

    private static final Pattern PART = Pattern.compile("第\\s*(" + N + ")\\s*个?大?部分|(?<![一二三四五六七八九十第])([二三四五六七八九])个?部分");
    private static final Pattern PART_WORD = Pattern.compile(
            "(成效|成绩|履职|做法|问题|不足|短板|差距|举措|措施|打算|计划|下步|思路)(?:那|这)?一?个?(?:部分|板块)");
    private static final Pattern SECTION = Pattern.compile(
            "[（(]\\s*(" + N + ")\\s*[)）]|第\\s*(" + N + ")\\s*个?(?:小节|节|小标题|段)|(?<![0-9.])([0-9])\\.([0-9])(?![0-9])");
    private static final Pattern ITEM = Pattern.compile(
            "第\\s*(" + N + ")\\s*(?:条|项|点)|(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,2})是(?![否不])");
    private static final Pattern TITLE = Pattern.compile("(?<!小)大?标题|题目");
    private static final Pattern OPENING = Pattern.compile("开头|导语|开篇|引言|开场白|前言|首段");
    private static final Pattern WHOLE = Pattern.compile("全文|整篇|通篇|全篇|整份报告|整份|整个报告|整个草稿|全稿|通稿|整体|整个");
    private static final Pattern DEICTIC = Pattern.compile("这一?部分|那一?部分|这一?小?节|这一?段|这里|此处|这块|这一?条|这句话?");

    /** Part keywords → the words a part heading of that kind carries. */
    private static final List<List<String>> PART_GROUPS = List.of(
            List.of("成效", "成绩", "履职", "做法", "工作情况", "主要工作"),
            List.of("问题", "不足", "短板", "差距"),
            List.of("举措", "措施", "打算", "计划", "下步", "思路", "方向"));

    private static final Pattern CHANGE = Pattern.compile("改成|改为|换成|替换成|替换为|改作|写成|更换为|调整为");
    private static final Pattern REMOVE = Pattern.compile("删掉|删去|删除|去掉|拿掉|去除|删了|砍掉|不要了|(?<![删])删(?![减除掉去了])");
    private static final Pattern REORDER = Pattern.compile(
            "换个顺序|换一下顺序|调换|对调|互换|交换|调整顺序|调一下顺序|换顺序|颠倒|调个个|换个位置|换一下位置|位置对调");
    private static final Pattern REWRITE = Pattern.compile(
            "重写|重新写|改写|换个说法|换种说法|换一种说法|换个写法|换种写法|换一种写法|换个表述|换种表述|换一种表述|重新表述|重新组织语言|润色|再写一遍");
    private static final Pattern ADD_STRONG = Pattern.compile(
            "(?:再)?(?:加|增加|添加|新增|增补|添|补)上?(?:一条|一项|一句话|一句|一点|一段)[：:]?|加上|补上|写上|添上");
    private static final Pattern ADD_WEAK = Pattern.compile("(?:补充|增加|添加|加)[：:]");
    private static final Pattern CHARS = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?)\\s*(千|万)?\\s*个?字|([一二两三四五六七八九十百千万]+)个?字");
    private static final Pattern CONDENSE = Pattern.compile(
            "压缩|精简|缩短|删减|缩减|简短|简练|简洁|精炼|凝练|短一?[些点]|太长|过长|冗长|啰嗦|啰唆|控制在|压到|缩到|减到|压成");
    private static final Pattern FORMALIZE = Pattern.compile(
            "正式一?[些点]|更正式|再正式|正式化|不够正式|太口语|口语化|去口语|公文化|公文[味腔风]|书面[化语]|书面一?[些点]|"
                    + "更严肃|严肃一?[些点]|再严肃|庄重|规范一?[些点]|更规范|再规范|官方一?[些点]|大白话|太随意");
    private static final Pattern EXPAND = Pattern.compile(
            "具体一?[些点]|再具体|更具体|不够具体|不具体|太虚|写得虚|虚了|有点虚|空洞|太空|空泛|太笼统|笼统|充实|展开[写说讲谈来些]|"
                    + "再展开|展开一下|展开(?=[，。！!\\s]|$)|丰富一?[些点]|再丰富|更丰富|详细一?[些点]|更详细|再详细|写细|细化|多写|扩写|扩充|"
                    + "写长|加长|写多|太单薄|单薄|太短|补充一?[些点]?(?:内容|细节|事例)|加点(?:内容|细节|事例)");
    private static final Pattern GROW = Pattern.compile("扩写|扩充|写长|加长|写多|充实|展开|增加到|扩到|增加至");
    private static final Pattern YEAR = Pattern.compile("^((?:19|20)[0-9]{2}|[二][〇零][〇零一二三四五六七八九]{2})\\s*年?度?$");
    private static final Pattern YEAR_WORDS = Pattern.compile("^(?:(?:19|20)[0-9]{2}年?度?|年份|年度|年)$");
    private static final Pattern FILLER = Pattern.compile(
            "^(?:请|帮我|帮忙|麻烦|能不能|能否|可以|把|将|给|在|都|全部|全都|统统|一律|统一|所有的?|里的|中的|的|里|中|里面|当中)+|"
                    + "(?:的|里|中|里面|当中|都|全部|全都|统统|一律|统一|所有的?)+$");
    private static final Pattern STOP_ANYWHERE = Pattern.compile(
            "请|帮我|帮忙|麻烦|能不能|能否|可不可以|可以|是否|稍微|一下|一些|一点|里面|当中|之中|部分|内容|文字|语气|措辞|用词|表述|"
                    + "写得|写的|改得|有点|有些|需要|应该|我觉得|感觉|一条|一项|左右|以内|之内|以下|上下|大约|控制|[，。！？、：；,.!?:;\\s]");
    private static final String STOP_EDGE = "把将给再稍的地得里中上写改吧呢啊呀了都还太更要在和与跟同及到为成约字些点";
    private static final Set<String> GENERIC = Set.of("工作", "情况", "方面", "内容", "这个", "一条", "部分", "具体", "一些", "支部", "党建");

    private RefineParser() {
    }

    /** A chat message about the draft: the target is named in the message (or is the whole draft). */
    public static Result parse(String message, Draft draft) {
        return parse(message, null, draft, false);
    }

    /** the refine{section, instruction} frame: the section is given explicitly (a Section.ref), the instruction says what to do */
    public static Result parse(String instruction, String sectionRef, Draft draft) {
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

    // ---------------------------------------------------------------------------------------------------------

    private record Span(int start, int end) {
    }

    private record Expr(int start, int end, String kind, Integer part, List<Integer> partWords, Integer section,
                        String ref, Integer item) {
    }

    private static Result parse(String message, String frameRef, Draft draft, boolean frame) {
        if (message == null || message.isBlank()) return frame ? askWhat(draft, frameRef) : new NotRefinement();
        String text = message.strip();
        // A changed number is a fact correction: the interview updates the fact, and the draft is written from facts.
        if (Intents.correction(text).isPresent()) return new NotRefinement();
        List<Span> quotes = quotes(text);
        char[] masked = text.toCharArray();
        for (Span q : quotes) Arrays.fill(masked, q.start, q.end, MASK);
        String m = new String(masked);
        List<Span> used = new ArrayList<>();

        Operation op = null;
        String argument = null;
        String replacement = null;
        Integer chars = null;
        Span opSpan = null;
        boolean weakAdd = false;

        // 1. "把X改成Y" / "X换成Y" / "标题改成2025年度"
        Matcher change = CHANGE.matcher(m);
        if (change.find()) {
            Span y = quoteAt(quotes, change.end());
            String to = y != null ? inner(text, y) : trimTail(text.substring(change.end()));
            int from = Math.max(m.lastIndexOf('把', change.start()), m.lastIndexOf('将', change.start()));
            int xStart = from >= 0 ? from + 1 : 0;
            Span xq = quoteIn(quotes, xStart, change.start());
            String x = xq != null ? inner(text, xq) : wordsBetween(text, m, xStart, change.start());
            boolean titleNamed = TITLE.matcher(m.substring(0, change.start())).find();
            String yearOf = to == null ? null : year(to);
            if (yearOf != null && (x == null || YEAR_WORDS.matcher(x).matches())) {
                return new Resolved(new Refinement(Target.of(Scope.TITLE, "title"), Operation.SET_YEAR, yearOf, null, null));
            }
            if (to != null && !to.isEmpty() && (x != null || titleNamed)) {
                op = Operation.REPLACE;
                argument = x;
                replacement = to;
                opSpan = new Span(xq != null ? xq.start : (x != null ? xStart : change.start()),
                        y != null ? y.end : text.length());
            }
        }
        // 2. "把‘大力’都去掉" (words) vs "删掉第二部分的三是" (an item)
        Matcher remove = REMOVE.matcher(m);
        if (op == null && remove.find()) {
            Span q = quoteIn(quotes, 0, text.length());
            int from = Math.max(m.lastIndexOf('把', remove.start()), m.lastIndexOf('将', remove.start()));
            String x = q != null ? inner(text, q) : from >= 0 ? wordsBetween(text, m, from + 1, remove.start()) : null;
            if (x != null && !x.isEmpty()) {
                op = Operation.REPLACE;
                argument = x;
                replacement = "";
                opSpan = new Span(q != null ? Math.min(q.start, remove.start()) : from + 1, Math.max(remove.end(), q != null ? q.end : 0));
            } else {
                op = Operation.DELETE;
                opSpan = new Span(remove.start(), remove.end());
            }
        }
        // 3. "在组织建设里加一条：发展新党员2名"
        if (op == null) {
            Matcher add = ADD_STRONG.matcher(m);
            Matcher weak = ADD_WEAK.matcher(m);
            Matcher hit = add.find() ? add : weak.find() ? weak : null;
            if (hit != null) {
                weakAdd = hit == weak;
                Span q = quoteAt(quotes, hit.end());
                String arg = q != null ? inner(text, q) : trimTail(text.substring(hit.end()).replaceFirst("^[：:\\s]+", ""));
                if (arg != null && !arg.isEmpty()) {
                    op = Operation.ADD;
                    argument = arg;
                    opSpan = new Span(hit.start(), text.length());
                }
            }
        }
        if (opSpan != null) used.add(opSpan);
        String rest = maskSpans(m, used);
        // 4. the verbs that take no argument
        if (op == null) {
            Matcher cm = CHARS.matcher(rest);
            if (cm.find()) chars = chars(cm);
            Object[][] table = {
                    {REORDER, Operation.REORDER}, {REWRITE, Operation.REWRITE}, {CONDENSE, Operation.CONDENSE},
                    {FORMALIZE, Operation.FORMALIZE}, {EXPAND, Operation.EXPAND}};
            for (Object[] row : table) {
                Matcher om = ((Pattern) row[0]).matcher(rest);
                if (om.find()) {
                    op = (Operation) row[1];
                    used.add(new Span(om.start(), om.end()));
                    break;
                }
            }
            if (chars != null) {
                used.add(new Span(cm.start(), cm.end()));
                if (op == null || op == Operation.CONDENSE) op = GROW.matcher(rest).find() ? Operation.EXPAND : Operation.LENGTH;
                else if (op != Operation.EXPAND) chars = null;
            }
            if (op == Operation.CONDENSE && GROW.matcher(rest).find()) op = Operation.EXPAND;
        }
        if (op == null) return frame ? askWhat(draft, frameRef) : new NotRefinement();
        rest = maskSpans(m, used);

        // targets
        boolean deictic = DEICTIC.matcher(rest).find();
        rest = maskMatches(rest, DEICTIC);
        List<Expr> exprs = expressions(rest, draft);
        String restNoTargets = rest;
        for (Expr e : exprs) restNoTargets = maskSpans(restNoTargets, List.of(new Span(e.start, e.end)));
        List<Span> chunks = chunks(restNoTargets);

        if (op == Operation.REORDER) return reorder(text, exprs, draft, frameRef);

        List<Target> candidates = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        String question = null;
        if (!exprs.isEmpty()) {
            Integer part = frameRef == null ? null : partOf(frameRef);
            String section = frameRef;
            for (Expr e : exprs) {
                List<Target> ts = resolve(e, draft, part, section);
                if (ts.isEmpty()) return notFound(text, e, draft);
                for (Target t : ts) if (!candidates.contains(t)) candidates.add(t);
                spans.add(new Span(e.start, e.end));
                if (ts.size() == 1) {
                    part = partOf(ts.get(0).ref());
                    section = ts.get(0).ref();
                }
            }
        } else if (!chunks.isEmpty() && frameRef == null) {
            Scored scored = byHeadingWords(text, chunks, draft);
            if (scored != null) {
                candidates.addAll(scored.targets);
                spans.add(scored.span);
                question = "“" + scored.words + "”对应草稿里的好几处，您指的是哪一处？";
            } else if (hanCount(text, chunks) >= 4 && op != Operation.REPLACE) {
                // Words that name nothing in the draft: a statement about the year that happens to hold an edit verb.
                return new NotRefinement();
            }
        }
        if (frameRef != null && candidates.isEmpty()) candidates.add(baseTarget(frameRef, draft));
        if (weakAdd && candidates.isEmpty()) return new NotRefinement();

        if (candidates.size() > 1) {
            List<String> choices = new ArrayList<>();
            for (Target t : candidates) choices.add(substitute(text, spans, canonical(t)));
            return new Ambiguous(question != null ? question : "草稿里有好几处都对得上，您指的是哪一处？", choices);
        }
        Target target = candidates.isEmpty() ? null : candidates.get(0);
        return finish(op, target, argument, replacement, chars, deictic, text, draft);
    }

    private static Result finish(Operation op, Target target, String argument, String replacement, Integer chars,
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
    private static Result askWhere(Operation op, String text, String argument, Draft draft) {
        String bare = maskMatches(text, DEICTIC).replace(String.valueOf(MASK), "").strip();
        List<String> choices = new ArrayList<>();
        if (op == Operation.ADD) {
            for (Target t : rankedFor(argument, draft)) choices.add(canonical(t) + "加一条：" + argument);
            return new Ambiguous("加在哪一节？", choices);
        }
        if (op == Operation.DELETE) return new Ambiguous("要删掉哪一条？请说“删掉第二部分的三是”这样的话。", List.of());
        for (Target t : partTargets(draft)) choices.add(canonical(t) + bare);
        if (op != Operation.ADD) choices.add("全文" + bare);
        return new Ambiguous("您想修改哪一部分？", choices);
    }

    /** A refine frame without an edit verb: what should be done to that section? */
    private static Result askWhat(Draft draft, String ref) {
        if (ref == null) return new NotRefinement();
        String name = canonical(baseTarget(ref, draft));
        return new Ambiguous("您希望这一部分怎么改？",
                List.of(name + "再具体些", name + "精简一些", name + "语气再正式一点", name + "重写"));
    }

    private static Result reorder(String text, List<Expr> exprs, Draft draft, String frameRef) {
        List<Expr> es = new ArrayList<>(exprs);
        if (frameRef != null && es.size() == 1) {
            Target base = baseTarget(frameRef, draft);
            List<Target> others = resolve(es.get(0), draft, partOf(frameRef), frameRef);
            if (others.size() == 1) return pair(base, others.get(0), text, draft);
        }
        // "第一部分第三节把二是和三是对调": the first place holds the two that swap.
        if (es.size() == 3 && es.get(0).item == null) {
            List<Target> ctx = resolve(es.get(0), draft, frameRef == null ? null : partOf(frameRef), frameRef);
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
        for (Target a : resolve(es.get(0), draft, part, frameRef)) {
            for (Target b : resolve(es.get(1), draft, partOf(a.ref()), a.ref())) {
                boolean sections = a.scope() == Scope.SECTION && b.scope() == Scope.SECTION
                        && partOf(a.ref()).equals(partOf(b.ref())) && !a.ref().equals(b.ref());
                boolean items = a.scope() == Scope.ITEM && b.scope() == Scope.ITEM && a.ref().equals(b.ref())
                        && !a.item().equals(b.item());
                boolean parts = a.scope() == Scope.PART && b.scope() == Scope.PART && !a.ref().equals(b.ref());
                if (sections || items || parts) pairs.add(new Target[]{a, b});
            }
        }
        if (pairs.size() == 1) return pair(pairs.get(0)[0], pairs.get(0)[1], text, draft);
        if (pairs.isEmpty()) return new Ambiguous("没有找到可以对调的这两处：只能对调同一部分里的两节，或同一节里的两条。", List.of());
        List<String> choices = new ArrayList<>();
        Expr first = es.get(0);
        Expr second = es.get(1);
        for (Target[] p : pairs) {
            String tail = p[1].scope() == Scope.ITEM ? Ordinals.item(p[1].item())
                    : "第" + Ordinals.numeral(sectionNo(p[1].ref())) + "节";
            choices.add(text.substring(0, first.start) + canonical(p[0]) + text.substring(first.end, second.start) + tail
                    + text.substring(second.end));
        }
        return new Ambiguous("草稿里有好几处都对得上，您指的是哪一处？", choices);
    }

    private static Result pair(Target a, Target b, String text, Draft draft) {
        Target t = new Target(a.scope(), a.ref(), a.item(), b.ref(), b.item());
        return resolved(t, Operation.REORDER, null, null, null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // target expressions

    private record Token(int start, int end, String kind, Integer n, String word, String ref) {
    }

    /** Named places, in order; adjacent tokens ("第一部分第二节二是", "第二部分的三是") form one expression. */
    private static List<Expr> expressions(String m, Draft draft) {
        List<Token> tokens = new ArrayList<>();
        Matcher x = PART.matcher(m);
        while (x.find()) tokens.add(new Token(x.start(), x.end(), "part", num(x.group(1) != null ? x.group(1) : x.group(2)), null, null));
        x = PART_WORD.matcher(m);
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
    private static List<Target> resolve(Expr e, Draft draft, Integer ctxPart, String ctxSection) {
        switch (e.kind) {
            case "title" -> { return List.of(Target.of(Scope.TITLE, "title")); }
            case "opening" -> { return List.of(Target.of(Scope.OPENING, "opening")); }
            case "whole" -> { return List.of(Target.whole()); }
            default -> { }
        }
        List<Target> out = new ArrayList<>();
        if (e.ref != null) {
            if (draft.section(e.ref).isPresent()) out.add(e.item == null ? Target.of(Scope.SECTION, e.ref) : itemIn(draft, e.ref, e.item));
            out.removeIf(t -> t == null);
            return out;
        }
        boolean partNamed = e.part != null || e.partWords != null;
        List<Integer> parts = e.part != null ? List.of(e.part) : e.partWords != null ? e.partWords
                : ctxPart != null ? List.of(ctxPart) : partNumbers(draft);
        if (e.section != null) {
            for (int p : parts) {
                String ref = p + "." + e.section;
                if (draft.section(ref).isEmpty()) continue;
                Target t = e.item == null ? Target.of(Scope.SECTION, ref) : itemIn(draft, ref, e.item);
                if (t != null) out.add(t);
            }
            return out;
        }
        if (e.item != null) {
            if (!partNamed && ctxSection != null && draft.section(ctxSection).isPresent()
                    && BodyText.itemCount(draft.section(ctxSection).get().body()) > 0) {
                Target t = itemIn(draft, ctxSection, e.item);
                return t == null ? List.of() : List.of(t);
            }
            for (Section s : draft.sections()) {
                if (s.body().isEmpty() || !s.ref().matches("[0-9]+(\\.[0-9]+)?")) continue;
                if (!parts.contains(partOf(s.ref()))) continue;
                Target t = itemIn(draft, s.ref(), e.item);
                if (t != null) out.add(t);
            }
            return out;
        }
        for (int p : parts) if (draft.section(String.valueOf(p)).isPresent()) out.add(Target.of(Scope.PART, String.valueOf(p)));
        return out;
    }

    private static Target itemIn(Draft draft, String ref, int item) {
        int n = BodyText.itemCount(draft.section(ref).map(Section::body).orElse(""));
        return item >= 1 && item <= n ? Target.item(ref, item) : null;
    }

    private static Result notFound(String text, Expr e, Draft draft) {
        List<String> choices = new ArrayList<>();
        List<Target> all = e.item != null ? itemTargets(draft, e.item) : e.section != null || e.ref != null
                ? bodyTargets(draft).stream().filter(t -> t.ref().contains(".")).toList() : partTargets(draft);
        for (Target t : all) choices.add(text.substring(0, e.start) + canonical(t) + text.substring(e.end));
        return new Ambiguous("草稿里没有“" + text.substring(e.start, e.end) + "”。您指的是哪一处？", choices);
    }

    private static List<Target> itemTargets(Draft draft, int item) {
        List<Target> out = new ArrayList<>();
        for (Target t : bodyTargets(draft)) {
            Target i = itemIn(draft, t.ref(), item);
            if (i != null) out.add(i);
        }
        return out;
    }

    private static List<Integer> partsFor(String word, Draft draft) {
        List<String> group = PART_GROUPS.stream().filter(g -> g.contains(word)).findFirst().orElse(List.of(word));
        List<Integer> out = new ArrayList<>();
        for (Section s : draft.sections()) {
            if (!s.ref().matches("[0-9]+")) continue;
            if (group.stream().anyMatch(s.heading()::contains)) out.add(Integer.parseInt(s.ref()));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // heading words

    private record Scored(List<Target> targets, Span span, String words) {
    }

    /**
     * "组织建设" → the section whose heading (2 points a shared pair of characters) and item leads (1 point) share the
     * most with the words; a tie is returned whole, for the writer to pick.
     */
    private static Scored byHeadingWords(String text, List<Span> chunks, Draft draft) {
        Set<String> pairs = new LinkedHashSet<>();
        for (Span c : chunks) {
            String w = text.substring(c.start, c.end);
            for (int i = 0; i + 2 <= w.length(); i++) {
                String b = w.substring(i, i + 2);
                if (b.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) && !GENERIC.contains(b)) pairs.add(b);
            }
        }
        if (pairs.isEmpty()) return null;
        int best = 1;
        List<Target> top = new ArrayList<>();
        for (Section s : draft.sections()) {
            if (!s.ref().matches("[0-9]+(\\.[0-9]+)?")) continue;
            String heading = s.heading().replaceFirst("^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])", "");
            List<String> leads = BodyText.items(s.body()).stream().map(BodyText::lead).toList();
            int score = 0;
            for (String b : pairs) {
                if (heading.contains(b)) score += 2;
                else if (leads.stream().anyMatch(l -> l.contains(b))) score += 1;
            }
            Target t = s.ref().contains(".") ? Target.of(Scope.SECTION, s.ref()) : Target.of(Scope.PART, s.ref());
            if (score > best) {
                best = score;
                top.clear();
                top.add(t);
            } else if (score == best && score > 1) {
                top.add(t);
            }
        }
        if (top.isEmpty()) return null;
        Span span = new Span(chunks.get(0).start, chunks.get(chunks.size() - 1).end);
        return new Scored(top, span, text.substring(span.start, span.end));
    }

    /** What is left of the message once verbs, places and filler words are gone: maybe heading words. */
    private static List<Span> chunks(String m) {
        String s = maskMatches(m, STOP_ANYWHERE);
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == MASK) {
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && s.charAt(j) != MASK) j++;
            int a = i;
            int b = j;
            while (a < b && STOP_EDGE.indexOf(s.charAt(a)) >= 0) a++;
            while (b > a && STOP_EDGE.indexOf(s.charAt(b - 1)) >= 0) b--;
            String core = s.substring(a, b);
            if (b - a >= 2 && !core.isBlank()) out.add(new Span(a, b));
            i = j;
        }
        return out;
    }

    private static int hanCount(String text, List<Span> chunks) {
        int n = 0;
        for (Span c : chunks) n += (int) text.substring(c.start, c.end).codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------
    // canonical names

    /** How a choice names a place so that it parses to exactly that place: "第一部分第二节二是". */
    static String canonical(Target t) {
        return switch (t.scope()) {
            case WHOLE -> "全文";
            case TITLE -> "标题";
            case OPENING -> "开头";
            case PART -> "第" + Ordinals.numeral(partOf(t.ref())) + "部分";
            case SECTION -> placeName(t.ref());
            case ITEM -> placeName(t.ref()) + Ordinals.item(t.item());
        };
    }

    private static String placeName(String ref) {
        if (ref.equals("title")) return "标题";
        if (ref.equals("opening")) return "开头";
        String part = "第" + Ordinals.numeral(partOf(ref)) + "部分";
        return ref.contains(".") ? part + "第" + Ordinals.numeral(sectionNo(ref)) + "节" : part;
    }

    private static String substitute(String text, List<Span> spans, String name) {
        if (spans.isEmpty()) return name + text;
        Span s = spans.get(0);
        return text.substring(0, s.start) + name + text.substring(s.end);
    }

    private static Target baseTarget(String ref, Draft draft) {
        if (ref.equals("title")) return Target.of(Scope.TITLE, "title");
        if (ref.equals("opening")) return Target.of(Scope.OPENING, "opening");
        return ref.contains(".") ? Target.of(Scope.SECTION, ref) : Target.of(Scope.PART, ref);
    }

    /** Every section with a body, and every itemized part, as targets. */
    private static List<Target> bodyTargets(Draft draft) {
        List<Target> out = new ArrayList<>();
        for (Section s : draft.sections()) {
            if (s.body().isEmpty() || !s.ref().matches("[0-9]+(\\.[0-9]+)?")) continue;
            out.add(s.ref().contains(".") ? Target.of(Scope.SECTION, s.ref()) : Target.of(Scope.PART, s.ref()));
        }
        return out;
    }

    private static List<Target> partTargets(Draft draft) {
        return partNumbers(draft).stream().map(p -> Target.of(Scope.PART, String.valueOf(p))).toList();
    }

    private static List<Integer> partNumbers(Draft draft) {
        return draft.sections().stream().map(Section::ref).filter(r -> r.matches("[0-9]+")).map(Integer::parseInt).toList();
    }

    /** The sections best matching an ADD's text, for the "加在哪一节？" buttons. */
    private static List<Target> rankedFor(String argument, Draft draft) {
        List<Target> all = bodyTargets(draft);
        if (argument == null) return all;
        Scored s = byHeadingWords(argument, List.of(new Span(0, argument.length())), draft);
        if (s == null) return all;
        List<Target> out = new ArrayList<>(s.targets);
        for (Target t : all) if (!out.contains(t)) out.add(t);
        return out;
    }

    static Integer partOf(String ref) {
        if (ref == null || !ref.matches("[0-9]+(\\.[0-9]+)?")) return null;
        int dot = ref.indexOf('.');
        return Integer.parseInt(dot < 0 ? ref : ref.substring(0, dot));
    }

    private static int sectionNo(String ref) {
        return Integer.parseInt(ref.substring(ref.indexOf('.') + 1));
    }

    // ---------------------------------------------------------------------------------------------------------
    // small text helpers

    private static Integer num(String s) {
        OptionalInt v = Ordinals.value(s.replace('两', '二'));
        return v.isPresent() ? v.getAsInt() : -1;
    }

    private static Integer chars(Matcher cm) {
        if (cm.group(1) != null) {
            String multiplier = cm.group(2) == null ? "" : cm.group(2);
            return NumberParser.parseNumeral(cm.group(1) + multiplier).map(BigDecimal::intValue).orElse(null);
        }
        Optional<BigDecimal> v = NumberParser.parseNumeral(cm.group(3));
        return v.map(BigDecimal::intValue).filter(n -> n > 0).orElse(null);
    }

    private static String year(String to) {
        Matcher y = YEAR.matcher(to.strip());
        if (!y.matches()) return null;
        String digits = y.group(1);
        if (digits.matches("[0-9]{4}")) return digits;
        OptionalInt year = ChineseNumerals.year(digits);
        return year.isPresent() ? String.valueOf(year.getAsInt()) : null;
    }

    /** Quoted spans, with straight quotes paired in order. */
    private static List<Span> quotes(String text) {
        List<Span> out = new ArrayList<>();
        String open = "‘“「『'\"";
        String close = "’”」』'\"";
        for (int i = 0; i < text.length(); i++) {
            int k = open.indexOf(text.charAt(i));
            if (k < 0) continue;
            int end = -1;
            for (int j = i + 1; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == close.charAt(k) || (k < 2 && "’”'\"".indexOf(c) >= 0)) {
                    end = j;
                    break;
                }
            }
            if (end < 0) break;
            out.add(new Span(i, end + 1));
            i = end;
        }
        return out;
    }

    private static Span quoteAt(List<Span> quotes, int at) {
        for (Span q : quotes) if (q.start >= at && q.start <= at + 1) return q;
        return null;
    }

    private static Span quoteIn(List<Span> quotes, int from, int to) {
        for (Span q : quotes) if (q.start >= from && q.end <= to) return q;
        return null;
    }

    private static String inner(String text, Span q) {
        return text.substring(q.start + 1, q.end - 1);
    }

    /** The words between two places, without fillers and named places; null when nothing is left. */
    private static String wordsBetween(String text, String masked, int from, int to) {
        if (to <= from) return null;
        String m = masked.substring(from, to);
        for (Pattern p : List.of(PART, PART_WORD, SECTION, ITEM, TITLE, OPENING, WHOLE, DEICTIC)) m = maskMatches(m, p);
        String kept = m.replace(String.valueOf(MASK), " ").strip();
        String w = FILLER.matcher(kept).replaceAll("").strip();
        w = FILLER.matcher(w).replaceAll("").strip();
        if (w.isEmpty() || w.contains(" ")) return w.isEmpty() ? null : w.substring(w.lastIndexOf(' ') + 1);
        return w;
    }

    private static String trimTail(String s) {
        String t = s.strip().replaceAll("[。！!，,；;\\s]+$", "").replaceAll("(?:就行了?|就好|就可以了?|吧|了|啊|呀)$", "");
        t = t.replaceAll("^[" + QUOTES + "]+|[" + QUOTES + "]+$", "");
        return t.strip();
    }

    private static String maskSpans(String m, List<Span> spans) {
        char[] c = m.toCharArray();
        for (Span s : spans) Arrays.fill(c, Math.max(0, s.start), Math.min(c.length, s.end), MASK);
        return new String(c);
    }

    private static String maskMatches(String m, Pattern p) {
        Matcher x = p.matcher(m);
        List<Span> spans = new ArrayList<>();
        while (x.find()) spans.add(new Span(x.start(), x.end()));
        return maskSpans(m, spans);
    }
}
