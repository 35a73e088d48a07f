package io.shuzhi.draft;

import io.shuzhi.draft.BodyText.Sentence;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a {@link Refinement} without a model, deterministically: it cuts, moves, renumbers and swaps words, and it
 * adds only the writer's own text (facts already given, or the text of an ADD). It never writes a sentence or a number
 * of its own; what needs new wording (a rewrite, a longer text) it declines with a message saying what would do it.
 * Sections outside the target are returned as the very same values; a changed draft has version + 1.
 */
public final class OfflineRefiner {
    /** Near N: "左右" means within 10%. */
    static final double TOLERANCE = 0.10;
    /** "精简一些" without a number aims at this share of the current length. */
    static final double DEFAULT_CONDENSE = 0.70;

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    private static final Pattern LEADING_YEAR = Pattern.compile(
            "^(?:(?:19|20)\\d{2}|" + Pattern.quote(TemplateDrafter.MISSING_YEAR) + ")(?=年)");
    private static final Pattern SECTION_ORDINAL = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]");
    private static final Pattern ASCII_DIGIT = Pattern.compile("[0-9]");
    private static final String NEEDS_MODEL = "接入写作模型（请联系系统管理员开通）";

    private OfflineRefiner() {
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
    public static Outcome apply(ReportKinds kinds, Draft draft, Refinement r, InterviewState facts) {
        InterviewState state = facts == null ? InterviewState.start() : facts;
        String missing = checkTarget(draft, r.target());
        if (missing != null) return unchanged(draft, missing);
        return switch (r.op()) {
            case CONDENSE -> condense(draft, r, state);
            case LENGTH -> length(draft, r.targetChars(), state, true);
            case EXPAND -> expand(kinds, draft, r, state);
            case FORMALIZE -> formalize(draft, r.target());
            case ADD -> add(draft, r);
            case DELETE -> delete(draft, r.target());
            case REPLACE -> replace(draft, r);
            case REORDER -> reorder(draft, r.target());
            case REWRITE -> unchanged(draft, "离线模式不能换个说法重写" + describe(draft, r.target())
                    + "：重写需要" + NEEDS_MODEL + "。您也可以直接在草稿里修改这段文字。");
            case SET_YEAR -> setYear(draft, r.argument());
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // CONDENSE and LENGTH

    private static Outcome condense(Draft draft, Refinement r, InterviewState state) {
        Target t = r.target();
        if (t.scope() == Scope.WHOLE) return length(draft, r.targetChars(), state, r.targetChars() != null);
        if (t.scope() == Scope.TITLE) return unchanged(draft, "标题不做压缩。如要改标题，可以说“把标题改成……”。");
        List<Integer> scope = indices(draft, t);
        List<Section> inScope = scope.stream().map(draft.sections()::get).toList();
        List<Unit> units = new ArrayList<>();
        int total;
        int fixed;
        if (t.scope() == Scope.ITEM) {
            int i = scope.get(0);
            String body = draft.sections().get(i).body();
            Unit u = new Unit(i, body, t.item(), false);
            total = CharCount.of(BodyText.item(body, t.item()));
            // Cuts stay inside the item, so the rest of the body is a constant to subtract.
            u.fixedOutside = CharCount.of(body) - total;
            units.add(u);
            fixed = 0;
        } else {
            total = CharCount.of(new Draft(draft.kind(), draft.version(), inScope).toPlainText());
            for (int i : scope) {
                Section s = draft.sections().get(i);
                if (!s.body().isEmpty() && !s.ref().equals("title")) units.add(new Unit(i, s.body(), 0, false));
            }
            fixed = total - units.stream().mapToInt(Unit::count).sum();
        }
        boolean asked = r.targetChars() != null;
        int goal = asked ? r.targetChars() : (int) Math.round(total * DEFAULT_CONDENSE);
        String what = describe(draft, t);
        if (asked && within(total, goal)) {
            return unchanged(draft, what + "现在是" + total + "字，已在" + goal + "字左右，不用再压缩。");
        }
        if (total < goal) return tooShort(draft, what, total, goal);
        for (Unit u : units) u.target = u.count();
        return runCondense(draft, state, units, fixed, goal, what, total);
    }

    private static Outcome length(Draft draft, Integer targetChars, InterviewState state, boolean asked) {
        int total = CharCount.of(draft.toPlainText());
        int goal = targetChars != null ? targetChars : (int) Math.round(total * DEFAULT_CONDENSE);
        if (asked && within(total, goal)) {
            return unchanged(draft, "全文现在是" + total + "字，已在" + goal + "字左右，不用再调整。");
        }
        if (total < goal) return tooShort(draft, "全文", total, goal);
        List<Unit> units = new ArrayList<>();
        Unit opening = null;
        for (int i = 0; i < draft.sections().size(); i++) {
            Section s = draft.sections().get(i);
            if (s.body().isEmpty() || s.ref().equals("title")) continue;
            boolean isOpening = s.ref().equals("opening");
            Unit u = new Unit(i, s.body(), 0, isOpening);
            if (isOpening) {
                u.protect = state.unit();
                opening = u;
            }
            units.add(u);
        }
        int bodies = units.stream().filter(u -> !u.lastResort).mapToInt(Unit::count).sum();
        int fixed = total - units.stream().mapToInt(Unit::count).sum();
        int bodyGoal = goal - fixed - (opening == null ? 0 : opening.count());
        // Spread the cut over the sections by their length, so no one section is gutted while another stays whole.
        for (Unit u : units) {
            u.target = u.lastResort ? u.count() : (int) Math.round((double) u.count() * bodyGoal / Math.max(1, bodies));
        }
        return runCondense(draft, state, units, fixed, goal, "全文", total);
    }

    private static Outcome tooShort(Draft draft, String what, int total, int goal) {
        return unchanged(draft, what + "现在是" + total + "字，比" + goal + "字短。离线模式不会用套话凑字数："
                + "请再告诉我一些具体情况（做法、数字、典型事例），我会写进对应的部分；或者" + NEEDS_MODEL + "，由模型扩写。");
    }

    private static Outcome runCondense(Draft draft, InterviewState state, List<Unit> units, int fixed, int goal,
                                       String what, int before) {
        int lower = (int) Math.ceil(goal * (1 - TOLERANCE));
        int upper = (int) Math.floor(goal * (1 + TOLERANCE));
        Set<String> factTexts = factTexts(state, draft.kind());
        int removedFacts = 0;
        while (true) {
            int total = fixed + units.stream().mapToInt(Unit::count).sum();
            if (total <= upper) break;
            Cut chosen = null;
            List<Unit> order = new ArrayList<>(units);
            order.sort(Comparator.comparing((Unit u) -> u.lastResort).thenComparing(u -> -(u.count() - u.target)));
            // Among the sections still above their share, the kind's set phrases go before anyone's facts.
            for (Unit u : order) {
                if (u.lastResort || u.count() <= u.target) continue;
                Cut c = choose(u, cuts(u, factTexts), total, lower);
                if (c != null && (chosen == null || c.tier < chosen.tier)) chosen = c;
            }
            if (chosen == null) {
                for (Unit u : order) {
                    chosen = choose(u, cuts(u, factTexts), total, lower);
                    if (chosen != null) break;
                }
            }
            if (chosen == null) {
                // Every cut left overshoots the lower bound: take the one landing nearest the goal, if it gets nearer.
                int distance = Math.abs(total - goal);
                for (Unit u : order) {
                    for (Cut c : cuts(u, factTexts)) {
                        int d = Math.abs(total - c.gain - goal);
                        if (d < distance) {
                            distance = d;
                            chosen = c;
                        }
                    }
                }
                if (chosen == null) break;
            }
            if (chosen.tier >= 3) removedFacts++;
            chosen.unit.sentences = chosen.after;
        }
        List<Section> next = new ArrayList<>(draft.sections());
        boolean changed = false;
        for (Unit u : units) {
            String body = u.render();
            if (!body.equals(u.original)) {
                next.set(u.index, draft.sections().get(u.index).withBody(body));
                changed = true;
            }
        }
        int after = fixed + units.stream().mapToInt(Unit::count).sum();
        if (!changed) {
            return unchanged(draft, what + "已经没有可以删去的分句了（各条的标题句和数字都要保留）。要压到" + goal
                    + "字，需要" + NEEDS_MODEL + "改写，或者您直接在草稿里删改。");
        }
        Draft result = new Draft(draft.kind(), draft.version() + 1, next);
        var msg = new StringBuilder(what + "已从" + before + "字压缩到" + after + "字（目标" + goal + "字左右）：先删去了总结性的套话，");
        msg.append(removedFacts > 0 ? "又精简了较长的事实句；各条的标题句和保留下来的数字原样不动。被删去的事实仍在事实清单里，说“再具体些”可以补回。"
                : "您提供的事实都保留了。");
        if (after > (int) Math.floor(goal * (1 + TOLERANCE))) {
            msg.append("离线模式只删分句、不改写，最多只能压到").append(after).append("字；要再压缩，需要").append(NEEDS_MODEL)
                    .append("，或者您直接在草稿里删改。");
        }
        return new Outcome(result, true, msg.toString(), List.of());
    }

    /** The best cut of a unit that keeps the total at or above {@code lower}, trying the tiers in order. */
    private static Cut choose(Unit u, List<Cut> cuts, int total, int lower) {
        for (int tier = 1; tier <= 4; tier++) {
            final int t = tier;
            List<Cut> ok = cuts.stream().filter(c -> c.tier == t && total - c.gain >= lower && c.gain > 0).toList();
            if (ok.isEmpty()) continue;
            if (tier == 3) {
                // The longest sentence first, from its end: its lead clause stays.
                return ok.stream().max(Comparator.comparingInt((Cut c) -> c.sentenceLength)
                        .thenComparingInt(c -> c.clause)).orElseThrow();
            }
            return ok.stream().max(Comparator.comparingInt(c -> c.gain)).orElseThrow();
        }
        return null;
    }

    /**
     * Every clause or sentence that may go, by tier: 1 an item's closing clause (the kind's words after the writer's
     * facts), 2 any other clause that is neither a fact nor holds a number (the kind's standing text), 3 a later clause
     * of a fact sentence, 4 a whole later sentence of an item. A lead sentence, the first clause of a sentence, a
     * placeholder and text without a final 。 (the opening's "现将有关情况报告如下：") are never cut.
     */
    private static List<Cut> cuts(Unit u, Set<String> factTexts) {
        List<Cut> out = new ArrayList<>();
        List<Sentence> ss = u.sentences;
        int before = CharCount.of(u.render());
        for (int si = 0; si < ss.size(); si++) {
            Sentence s = ss.get(si);
            if (s.placeholder() || s.lead() || s.end().isEmpty()) continue;
            if (u.item > 0 && s.item() != u.item) continue;
            boolean lastOfItem = s.item() > 0 && laterInItem(ss, si).isEmpty();
            int length = CharCount.of(s.text());
            for (int ci = 1; ci < s.clauses().size(); ci++) {
                String clause = s.clauses().get(ci);
                if (clause.isBlank()) continue;
                if (u.protect != null && !u.protect.isBlank() && clause.contains(u.protect)) continue;
                boolean number = hasNumber(clause);
                boolean fact = isFact(clause, factTexts);
                int tier = !number && !fact ? (ci == s.clauses().size() - 1 && lastOfItem ? 1 : 2) : 3;
                if (u.lastResort && tier > 2) continue;
                out.add(cut(u, si, s.without(ci), tier, ci, length, before));
            }
            if (!u.lastResort && earlierInItem(ss, si)) out.add(cut(u, si, null, 4, 0, length, before));
        }
        return out;
    }

    private static Cut cut(Unit u, int si, Sentence replacement, int tier, int clause, int length, int before) {
        List<Sentence> after = new ArrayList<>(u.sentences);
        if (replacement == null) after.remove(si);
        else after.set(si, replacement);
        return new Cut(u, after, before - CharCount.of(BodyText.render(after)), tier, clause, length);
    }

    private static List<Sentence> laterInItem(List<Sentence> ss, int si) {
        List<Sentence> out = new ArrayList<>();
        for (int j = si + 1; j < ss.size() && ss.get(j).item() == ss.get(si).item(); j++) {
            if (!ss.get(j).placeholder()) out.add(ss.get(j));
        }
        return out;
    }

    /** Whether a cuttable sentence of the same item comes before: the first one after the lead always stays. */
    private static boolean earlierInItem(List<Sentence> ss, int si) {
        for (int j = si - 1; j >= 0 && ss.get(j).item() == ss.get(si).item(); j--) {
            Sentence s = ss.get(j);
            if (!s.lead() && !s.placeholder() && !s.end().isEmpty()) return true;
        }
        return false;
    }

    private static boolean hasNumber(String text) {
        return ASCII_DIGIT.matcher(text).find() || !NumberParser.findAll(text).isEmpty();
    }

    private static boolean isFact(String clause, Set<String> factTexts) {
        String c = ItemComposer.stripEnd(clause);
        if (c.isEmpty()) return false;
        for (String f : factTexts) if (f.contains(c)) return true;
        return false;
    }

    /** The writer's facts as the draft wrote them (in the kind's register), to tell their clauses from the kind's own. */
    private static Set<String> factTexts(InterviewState state, String kindId) {
        Set<String> out = new LinkedHashSet<>();
        for (Fact f : state.facts()) if (f.thisYear()) out.add(ItemComposer.clause(f, kindId));
        return out;
    }

    private static boolean within(int count, int goal) {
        return count >= goal * (1 - TOLERANCE) && count <= goal * (1 + TOLERANCE);
    }

    /** One body being condensed; {@code item} > 0 limits cuts to that item. */
    private static final class Unit {
        final int index;
        final String original;
        final int item;
        final boolean lastResort;
        List<Sentence> sentences;
        int target;
        int fixedOutside;
        String protect;

        Unit(int index, String body, int item, boolean lastResort) {
            this.index = index;
            this.original = body;
            this.item = item;
            this.lastResort = lastResort;
            this.sentences = BodyText.parse(body);
        }

        String render() {
            return BodyText.render(sentences);
        }

        int count() {
            return CharCount.of(render()) - fixedOutside;
        }
    }

    private record Cut(Unit unit, List<Sentence> after, int gain, int tier, int clause, int sentenceLength) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // EXPAND

    private static Outcome expand(ReportKinds kinds, Draft draft, Refinement r, InterviewState state) {
        Target t = r.target();
        Optional<ReportKind> kind = kinds.find(draft.kind());
        List<Section> next = new ArrayList<>(draft.sections());
        int restored = 0;
        for (int i : indices(draft, t)) {
            Section s = draft.sections().get(i);
            if (kind.isEmpty() || s.body().isEmpty()) continue;
            Optional<SectionSpec> spec = kind.get().section(s.ref());
            if (spec.isEmpty()) continue;
            ReportKind.PartSpec part = kind.get().partOf(spec.get());
            boolean plan = TemplateDrafter.writtenAsPlan(part, spec.get());
            boolean problems = !plan && TemplateDrafter.ISSUES.equals(part.key());
            Integer onlyItem = t.scope() == Scope.ITEM ? t.item() : null;
            Expanded e = plan ? expandPlan(s.body(), spec.get(), state, draft.kind())
                    : problems ? expandProblems(s.body(), spec.get(), state, kind.get())
                    : expandItems(s.body(), spec.get(), state, onlyItem, draft.kind());
            if (e.added > 0) {
                next.set(i, s.withBody(e.body));
                restored += e.added;
            }
        }
        String what = describe(draft, t);
        List<String> gaps = placeholders(draft, t);
        if (restored > 0) {
            String msg = what + "补回了您提供过、但草稿里没有写进去的" + restored + "处内容（事实或各条的收束句），没有添加新的说法。";
            if (!gaps.isEmpty()) msg += "还缺：" + String.join("；", gaps) + "。告诉我这些情况，我再写进去。";
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true, msg, List.of());
        }
        String msg;
        if (!gaps.isEmpty()) {
            msg = what + "还有这些地方没有具体内容：" + String.join("；", gaps)
                    + "。离线模式只写您给出的事实：请告诉我这些情况（做法、数字、实例），我就能写进去；也可以" + NEEDS_MODEL + "后让模型展开。";
        } else {
            msg = what + "已经用上了您提供的全部事实。离线模式不会编写没有依据的内容：请再告诉我一些具体情况（做法、数字、典型事例），"
                    + "我会写进这一部分；或者" + NEEDS_MODEL + "，由模型展开。";
        }
        return unchanged(draft, msg);
    }

    private record Expanded(String body, int added) {
    }

    /** Items whose facts (or closing clause) are missing from the text get them back, in the kind's order. */
    private static Expanded expandItems(String body, SectionSpec spec, InterviewState state, Integer onlyItem,
                                        String kindId) {
        List<String> items = new ArrayList<>(BodyText.items(body));
        int added = 0;
        for (TopicSpec topic : spec.topics()) {
            String lead = ItemComposer.stripEnd(topic.lead());
            int k = -1;
            for (int j = 0; j < items.size(); j++) if (BodyText.lead(items.get(j)).equals(lead)) k = j;
            if (k < 0 || onlyItem != null && k + 1 != onlyItem) continue;
            List<Fact> facts = TemplateDrafter.writerFacts(state, topic.key());
            if (facts.isEmpty()) continue;
            String item = items.get(k);
            String head = Ordinals.item(k + 1) + lead + "。";
            String content = item.startsWith(head) ? item.substring(head.length()) : null;
            if (content == null) continue;
            String full = ItemComposer.sentence(facts, topic.frame(), topic.close(), kindId);
            if (content.equals(full)) continue;
            List<String> pieces = clausesOf(full);
            List<String> present = clausesOf(content);
            long missing = pieces.stream().filter(p -> !content.contains(p)).count();
            if (missing == 0) continue;
            String rebuilt;
            if (content.startsWith(ItemComposer.PLACEHOLDER_OPEN) || pieces.containsAll(present)) {
                // The text is only what the drafter made from these facts (maybe cut since): write it whole again.
                rebuilt = full;
            } else {
                // The writer edited the item: keep their text and add the missing facts before the final 。.
                List<String> extra = pieces.stream().filter(p -> !content.contains(p)).toList();
                rebuilt = ItemComposer.tidy(ItemComposer.stripEnd(content) + "；" + String.join("，", extra) + "。");
            }
            items.set(k, head + rebuilt);
            added += (int) missing;
        }
        return added == 0 ? new Expanded(body, 0) : new Expanded(BodyText.joinItems(BodyText.preamble(body), items), added);
    }

    /**
     * The problems part: when a problem the writer named is missing from the text, the part is written again from the
     * problems if the text is only what the drafter made of them (maybe cut since); a text the writer edited keeps
     * its words and gets the missing problems as items of their own after it.
     */
    private static Expanded expandProblems(String body, SectionSpec spec, InterviewState state, ReportKind kind) {
        List<String> missing = spec.topics().stream().flatMap(t -> TemplateDrafter.writerFacts(state, t.key()).stream())
                .map(f -> ItemComposer.clause(f, kind.id())).filter(c -> !c.isEmpty() && !body.contains(c)).toList();
        if (missing.isEmpty()) return new Expanded(body, 0);
        String full = TemplateDrafter.problems(spec.topics(), new TemplateDrafter.Context(kind, state));
        if (full.equals(body)) return new Expanded(body, 0);
        if (full.startsWith(ItemComposer.PLACEHOLDER_OPEN) || clausesOf(full).containsAll(clausesOf(body))) {
            return new Expanded(full, missing.size());
        }
        List<String> items = new ArrayList<>(BodyText.items(body));
        for (String m : missing) items.add(Ordinals.item(items.size() + 1) + ItemComposer.flowing(List.of(m), ""));
        return new Expanded(BodyText.joinItems(BodyText.preamble(body), items), missing.size());
    }

    /** A plan section: the writer's plans missing from the text are appended, each topic as one sentence. */
    private static Expanded expandPlan(String body, SectionSpec spec, InterviewState state, String kindId) {
        var out = new StringBuilder(body);
        int added = 0;
        for (TopicSpec topic : spec.topics()) {
            List<String> missing = TemplateDrafter.writerFacts(state, topic.key()).stream()
                    .map(f -> ItemComposer.clause(f, kindId)).filter(c -> !c.isEmpty() && !body.contains(c)).toList();
            if (missing.isEmpty()) continue;
            out.append(ItemComposer.flowing(missing, ""));
            added += missing.size();
        }
        return new Expanded(ItemComposer.tidy(out.toString()), added);
    }

    private static List<String> clausesOf(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("[，；。]")) if (!p.isBlank()) out.add(p);
        return out;
    }

    /** "二是把好党员发展入口关（缺：…）" for each placeholder in the target. */
    private static List<String> placeholders(Draft draft, Target t) {
        List<String> out = new ArrayList<>();
        Pattern p = Pattern.compile(Pattern.quote(ItemComposer.PLACEHOLDER_OPEN) + "(.*?)" + Pattern.quote(ItemComposer.PLACEHOLDER_CLOSE));
        for (int i : indices(draft, t)) {
            Section s = draft.sections().get(i);
            List<String> items = BodyText.items(s.body());
            List<String> texts = items.isEmpty() ? List.of(s.heading() + s.body()) : items;
            for (int k = 0; k < texts.size(); k++) {
                if (t.scope() == Scope.ITEM && k + 1 != t.item()) continue;
                Matcher m = p.matcher(texts.get(k));
                while (m.find()) {
                    String lead = items.isEmpty() ? "" : Ordinals.item(k + 1) + BodyText.lead(texts.get(k)) + "：";
                    out.add(lead + m.group(1));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // FORMALIZE, ADD, DELETE, REPLACE, REORDER, SET_YEAR

    private static Outcome formalize(Draft draft, Target t) {
        List<Section> next = new ArrayList<>(draft.sections());
        int count = 0;
        for (int i : indices(draft, t)) {
            Section s = draft.sections().get(i);
            String heading = s.heading();
            String body = s.body();
            if (t.scope() == Scope.ITEM) {
                List<String> items = new ArrayList<>(BodyText.items(body));
                FormalPhrases.Applied a = FormalPhrases.apply(items.get(t.item() - 1), draft.kind());
                items.set(t.item() - 1, a.text());
                body = BodyText.joinItems(BodyText.preamble(body), items);
                count += a.count();
            } else {
                FormalPhrases.Applied h = FormalPhrases.apply(heading, draft.kind());
                FormalPhrases.Applied b = FormalPhrases.apply(body, draft.kind());
                heading = h.text();
                body = b.text();
                count += h.count() + b.count();
            }
            if (!heading.equals(s.heading()) || !body.equals(s.body())) next.set(i, new Section(s.ref(), s.level(), heading, body));
        }
        String what = describe(draft, t);
        if (count == 0) {
            return unchanged(draft, what + "里没有找到口语化的说法（短语表 " + FormalPhrases.FILE + " 里的词）。"
                    + "要整体调整语气，需要" + NEEDS_MODEL + "；也可以告诉我具体要换掉的词，比如“把‘搞’改成‘开展’”。");
        }
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                what + "换掉了" + count + "处口语化的说法（如“搞”→“开展”“很多”→“大量”）。", List.of());
    }

    private static Outcome add(Draft draft, Refinement r) {
        Target t = r.target();
        String text = r.argument() == null ? "" : clean(r.argument(), draft.kind());
        if (text.isEmpty()) return unchanged(draft, "没有要添加的内容。请这样说：“在组织建设里加一条：发展新党员2名”。");
        if (t.scope() == Scope.WHOLE || t.scope() == Scope.TITLE
                || t.scope() == Scope.PART && draft.section(t.ref() + ".1").isPresent()) {
            return unchanged(draft, "请说明加在哪一节，比如“在第一部分第二节加一条：" + text + "”。");
        }
        int i = indices(draft, t).get(0);
        Section s = draft.sections().get(i);
        String body;
        if (t.scope() == Scope.OPENING) {
            int end = s.body().lastIndexOf(TemplateDrafter.OPENING_END);
            body = end < 0 ? s.body() + text + "。" : s.body().substring(0, end) + text + "。" + s.body().substring(end);
        } else if (t.scope() == Scope.ITEM) {
            List<String> items = new ArrayList<>(BodyText.items(s.body()));
            items.set(t.item() - 1, items.get(t.item() - 1) + text + "。");
            body = BodyText.joinItems(BodyText.preamble(s.body()), items);
        } else {
            int n = BodyText.itemCount(s.body());
            body = n == 0 ? s.body() + text + "。" : s.body() + Ordinals.item(n + 1) + text + "。";
        }
        List<Section> next = new ArrayList<>(draft.sections());
        next.set(i, s.withBody(ItemComposer.tidy(body)));
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                "已在" + describe(draft, t) + "加上：" + text + "。", List.of(text));
    }

    /**
     * The writer's text as a draft of {@code kindId} writes it: numbers in Arabic digits, list markers gone, full-width
     * marks, the spoken words in the kind's register.
     */
    static String clean(String text, String kindId) {
        String arabic = NumberParser.toArabic(text.strip());
        return ItemComposer.clause(new Fact("refine", "refine", arabic, List.of(), null, Fact.Origin.WRITER), kindId);
    }

    private static Outcome delete(Draft draft, Target t) {
        if (t.scope() == Scope.ITEM) {
            int i = indices(draft, t).get(0);
            Section s = draft.sections().get(i);
            List<String> items = new ArrayList<>(BodyText.items(s.body()));
            if (items.size() < 2) {
                return unchanged(draft, describe(draft, t) + "是这一节唯一的一条，删掉后这一节就空了。如要删除整节，请说“删掉"
                        + RefineParser.canonical(Target.of(Scope.SECTION, s.ref())) + "”。");
            }
            String removed = items.remove(t.item() - 1);
            List<Section> next = new ArrayList<>(draft.sections());
            next.set(i, s.withBody(BodyText.joinItems(BodyText.preamble(s.body()), items)));
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                    "已删掉" + describe(draft, t) + "（" + BodyText.lead(removed) + "），后面各条已重新编号。", List.of());
        }
        if (t.scope() == Scope.SECTION) {
            String part = t.ref().substring(0, t.ref().indexOf('.'));
            List<Integer> siblings = sectionsOfPart(draft, part);
            if (siblings.size() < 2) return unchanged(draft, "这一部分只有这一节，不能删掉。");
            int at = draft.sections().indexOf(draft.section(t.ref()).orElseThrow());
            List<Section> next = new ArrayList<>(draft.sections());
            next.remove(at);
            int pos = 0;
            for (int j = 0; j < next.size(); j++) {
                Section s = next.get(j);
                if (!isSectionOf(s, part)) continue;
                pos++;
                if (j >= at) next.set(j, renumbered(s, part, pos));
            }
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                    "已删掉" + describe(draft, t) + "，后面各节已重新编号。", List.of());
        }
        return unchanged(draft, "离线模式只删除某一条或某一节，不删除" + describe(draft, t)
                + "。请说明要删的一条，比如“删掉第二部分的三是”。");
    }

    private static Outcome replace(Draft draft, Refinement r) {
        Target t = r.target();
        String to = r.replacement() == null ? "" : r.replacement().strip();
        if (r.argument() == null || r.argument().isEmpty()) {
            if (t.scope() != Scope.TITLE) return unchanged(draft, "请说明要替换的词，比如“把‘大力’改成‘全力’”。");
            String title = ItemComposer.stripEnd(ItemComposer.toFullWidth(to)).replaceAll("\\s+", "");
            if (title.isEmpty()) return unchanged(draft, "标题不能为空。");
            if (title.equals(draft.title())) return unchanged(draft, "标题已经是“" + title + "”。");
            return withSection(draft, "title", s -> new Section(s.ref(), s.level(), title, s.body()),
                    "标题已改为：" + title);
        }
        String from = r.argument();
        List<Section> next = new ArrayList<>(draft.sections());
        int count = 0;
        for (int i : indices(draft, t)) {
            Section s = draft.sections().get(i);
            String heading = s.heading();
            String body = s.body();
            int inHeading = occurrences(heading, from, to);
            if (t.scope() == Scope.ITEM) {
                List<String> items = new ArrayList<>(BodyText.items(body));
                String item = items.get(t.item() - 1);
                int n = occurrences(item, from, to);
                if (n > 0) {
                    items.set(t.item() - 1, ItemComposer.tidy(replaceWord(item, from, to)));
                    body = BodyText.joinItems(BodyText.preamble(body), items);
                    count += n;
                }
            } else {
                int n = occurrences(body, from, to);
                if (inHeading > 0) heading = ItemComposer.stripEnd(ItemComposer.tidy(replaceWord(heading, from, to)));
                if (n > 0) body = ItemComposer.tidy(replaceWord(body, from, to));
                count += n + inHeading;
            }
            if (!heading.equals(s.heading()) || !body.equals(s.body())) next.set(i, new Section(s.ref(), s.level(), heading, body));
        }
        String what = describe(draft, t);
        if (count == 0) return unchanged(draft, what + "里没有找到“" + from + "”。");
        String did = to.isEmpty() ? "删去了" + count + "处“" + from + "”" : "把" + count + "处“" + from + "”改成了“" + to + "”";
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true, what + "里" + did + "。", List.of());
    }

    private static int occurrences(String text, String word, String to) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            if (!alreadyReplaced(text, at, word, to)) n++;
        }
        return n;
    }

    /** Each {@code word} replaced by {@code to}, except where it already stands inside {@code to} ("支部" in "党支部"). */
    static String replaceWord(String text, String word, String to) {
        var out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            if (alreadyReplaced(text, at, word, to)) continue;
            out.append(text, from, at).append(to);
            from = at + word.length();
        }
        return out.append(text.substring(from)).toString();
    }

    private static boolean alreadyReplaced(String text, int at, String word, String to) {
        for (int k = to.indexOf(word); k >= 0; k = to.indexOf(word, k + 1)) {
            int start = at - k;
            if (start >= 0 && text.startsWith(to, start)) return true;
        }
        return false;
    }

    private static Outcome reorder(Draft draft, Target t) {
        if (t.scope() == Scope.ITEM && t.otherItem() != null && (t.otherRef() == null || t.otherRef().equals(t.ref()))) {
            int i = indices(draft, t).get(0);
            Section s = draft.sections().get(i);
            List<String> items = new ArrayList<>(BodyText.items(s.body()));
            int a = t.item() - 1;
            int b = t.otherItem() - 1;
            if (b < 0 || b >= items.size() || a == b) return unchanged(draft, "找不到要对调的另一条。");
            String x = items.get(a);
            items.set(a, items.get(b));
            items.set(b, x);
            List<Section> next = new ArrayList<>(draft.sections());
            next.set(i, s.withBody(BodyText.joinItems(BodyText.preamble(s.body()), items)));
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                    "已把" + describe(draft, t) + "和" + Ordinals.item(b + 1) + "对调，并重新编号。", List.of());
        }
        if (t.scope() == Scope.SECTION && t.otherRef() != null) {
            String part = t.ref().substring(0, t.ref().indexOf('.'));
            if (!t.otherRef().startsWith(part + ".")) return unchanged(draft, "只能对调同一部分里的两节。");
            Optional<Section> x = draft.section(t.ref());
            Optional<Section> y = draft.section(t.otherRef());
            if (x.isEmpty() || y.isEmpty() || x.equals(y)) return unchanged(draft, "找不到要对调的两节。");
            int ix = draft.sections().indexOf(x.get());
            int iy = draft.sections().indexOf(y.get());
            List<Section> next = new ArrayList<>(draft.sections());
            // Refs follow position: "1.3" is always the third section of part 1, whatever text it holds now.
            next.set(ix, moved(y.get(), x.get()));
            next.set(iy, moved(x.get(), y.get()));
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                    "已把" + describe(draft, Target.of(Scope.SECTION, t.ref())) + "和" + headingOrdinal(y.get())
                            + "对调位置，小标题序号已按新位置重排。", List.of());
        }
        return unchanged(draft, "离线模式只能对调同一部分里的两节，或同一节里的两条；各部分的先后是文种的固定结构，不做调整。");
    }

    /** {@code content} put at {@code place}'s position: its ref and ordinal, its own heading words and body. */
    private static Section moved(Section content, Section place) {
        String words = SECTION_ORDINAL.matcher(content.heading()).replaceFirst("");
        return new Section(place.ref(), content.level(), headingOrdinal(place) + words, content.body());
    }

    private static String headingOrdinal(Section s) {
        Matcher m = SECTION_ORDINAL.matcher(s.heading());
        return m.find() ? m.group() : "";
    }

    private static Section renumbered(Section s, String part, int pos) {
        String words = SECTION_ORDINAL.matcher(s.heading()).replaceFirst("");
        return new Section(part + "." + pos, s.level(), Ordinals.section(pos) + words, s.body());
    }

    private static List<Integer> sectionsOfPart(Draft draft, String part) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < draft.sections().size(); i++) if (isSectionOf(draft.sections().get(i), part)) out.add(i);
        return out;
    }

    private static boolean isSectionOf(Section s, String part) {
        return s.ref().startsWith(part + ".");
    }

    private static Outcome setYear(Draft draft, String year) {
        if (year == null || !year.matches("(?:19|20)\\d{2}")) return unchanged(draft, "请给出四位数的年份，比如“标题改成2025年度”。");
        List<Section> next = new ArrayList<>(draft.sections());
        boolean changed = false;
        Optional<Section> title = draft.section("title");
        if (title.isPresent()) {
            String h = title.get().heading();
            String updated = h.contains(TemplateDrafter.MISSING_YEAR) ? h.replace(TemplateDrafter.MISSING_YEAR, year)
                    : YEAR.matcher(h).replaceFirst(year);
            if (!updated.equals(h)) {
                next.set(draft.sections().indexOf(title.get()), new Section("title", title.get().level(), updated, ""));
                changed = true;
            }
        }
        Optional<Section> opening = draft.section("opening");
        if (opening.isPresent()) {
            String b = opening.get().body();
            String updated = LEADING_YEAR.matcher(b).replaceFirst(year);
            if (!updated.equals(b)) {
                next.set(draft.sections().indexOf(opening.get()), opening.get().withBody(updated));
                changed = true;
            }
        }
        if (!changed) return unchanged(draft, "标题里已经是" + year + "年度了。");
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                "已把标题" + (opening.isPresent() ? "和开头" : "") + "的年份改为" + year + "年。正文里提到的其他年份没有改动。", List.of());
    }

    // ---------------------------------------------------------------------------------------------------------
    // targets

    /** Null when the target is in the draft, else a message saying what is missing. */
    private static String checkTarget(Draft draft, Target t) {
        if (t.scope() == Scope.WHOLE) return null;
        String ref = t.scope() == Scope.TITLE ? "title" : t.scope() == Scope.OPENING ? "opening" : t.ref();
        if (ref == null || draft.section(ref).isEmpty()) return "草稿里没有这一部分（" + ref + "）。";
        if (t.scope() == Scope.ITEM) {
            int n = BodyText.itemCount(draft.section(ref).get().body());
            if (t.item() == null || t.item() < 1 || t.item() > n) return "这一节没有第" + t.item() + "条。";
        }
        if (t.otherRef() != null && draft.section(t.otherRef()).isEmpty()) return "草稿里没有这一节（" + t.otherRef() + "）。";
        return null;
    }

    /** Indices of the sections a target covers, in draft order. */
    static List<Integer> indices(Draft draft, Target t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < draft.sections().size(); i++) {
            Section s = draft.sections().get(i);
            boolean in = switch (t.scope()) {
                case WHOLE -> true;
                case TITLE -> s.ref().equals("title");
                case OPENING -> s.ref().equals("opening");
                case PART -> s.ref().equals(t.ref()) || s.ref().startsWith(t.ref() + ".");
                case SECTION, ITEM -> s.ref().equals(t.ref());
            };
            if (in) out.add(i);
        }
        return out;
    }

    /** The target in words: "第一部分第二节（严密组织体系，增强支部凝聚力）". */
    static String describe(Draft draft, Target t) {
        String name = RefineParser.canonical(t);
        if (t.scope() == Scope.SECTION || t.scope() == Scope.PART) {
            String heading = draft.section(t.ref()).map(Section::heading).orElse("");
            String words = SECTION_ORDINAL.matcher(heading).replaceFirst("").replaceFirst("^[一二三四五六七八九十]{1,3}、", "");
            if (!words.isEmpty()) name += "（" + words + "）";
        }
        return name;
    }

    private static Outcome withSection(Draft draft, String ref, java.util.function.UnaryOperator<Section> change, String message) {
        List<Section> next = new ArrayList<>(draft.sections());
        Section s = draft.section(ref).orElseThrow();
        next.set(draft.sections().indexOf(s), change.apply(s));
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true, message, List.of());
    }

    private static Outcome unchanged(Draft draft, String message) {
        return new Outcome(draft, false, message, List.of());
    }
}
