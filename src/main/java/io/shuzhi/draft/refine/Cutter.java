package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.OfflineRefiner.NEEDS_MODEL;
import static io.shuzhi.draft.refine.OfflineRefiner.unchanged;

import io.shuzhi.draft.BodyText;
import io.shuzhi.draft.BodyText.Sentence;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftingRules;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.refine.OfflineRefiner.Outcome;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.NumberParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How CONDENSE and LENGTH shorten text without a model: whole clauses and sentences are cut, the kind's set phrases
 * before the writer's facts, never a lead sentence, a number or a placeholder, until the count is near the goal.
 */
final class Cutter {
    /** Near N: "左右" means within 10%. */
    static final double TOLERANCE = 0.10;
    /** "精简一些" without a number aims at this share of the current length. */
    static final double DEFAULT_CONDENSE = 0.70;
    private static final Pattern ASCII_DIGIT = Pattern.compile("[0-9]");

    private final DraftingRules rules;
    private final NumberParser numbers;

    /** Cuts with the drafter's {@code rules} (to tell the writer's facts) and the figures {@code numbers} finds. */
    Cutter(DraftingRules rules, NumberParser numbers) {
        this.rules = rules;
        this.numbers = numbers;
    }

    static Outcome tooShort(Draft draft, String what, int total, int goal) {
        return unchanged(draft, what + "现在是" + total + "字，比" + goal + "字短。离线模式不会用套话凑字数："
                + "请再告诉我一些具体情况（做法、数字、典型事例），我会写进对应的部分；或者" + NEEDS_MODEL + "，由模型扩写。");
    }

    Outcome runCondense(Draft draft, InterviewState state, List<Unit> units, int fixed, int goal,
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
    private List<Cut> cuts(Unit u, Set<String> factTexts) {
        List<Cut> out = new ArrayList<>();
        List<Sentence> ss = u.sentences;
        int before = DraftingRules.charCount(u.render());
        for (int si = 0; si < ss.size(); si++) {
            Sentence s = ss.get(si);
            if (s.placeholder() || s.lead() || s.end().isEmpty()) continue;
            if (u.item > 0 && s.item() != u.item) continue;
            boolean lastOfItem = s.item() > 0 && laterInItem(ss, si).isEmpty();
            int length = DraftingRules.charCount(s.text());
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
        return new Cut(u, after, before - DraftingRules.charCount(BodyText.render(after)), tier, clause, length);
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

    private boolean hasNumber(String text) {
        return ASCII_DIGIT.matcher(text).find() || !numbers.findAll(text).isEmpty();
    }

    private static boolean isFact(String clause, Set<String> factTexts) {
        String c = DraftingRules.stripEnd(clause);
        if (c.isEmpty()) return false;
        for (String f : factTexts) if (f.contains(c)) return true;
        return false;
    }

    /** The writer's facts as the draft wrote them (in the kind's register), to tell their clauses from the kind's own. */
    private Set<String> factTexts(InterviewState state, String kindId) {
        Set<String> out = new LinkedHashSet<>();
        for (Fact f : state.facts()) if (f.thisYear()) out.add(rules.clause(f, kindId));
        return out;
    }

    static boolean within(int count, int goal) {
        return count >= goal * (1 - TOLERANCE) && count <= goal * (1 + TOLERANCE);
    }

    /** One body being condensed; {@code item} > 0 limits cuts to that item. */
    static final class Unit {
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
            return DraftingRules.charCount(render()) - fixedOutside;
        }
    }

    private record Cut(Unit unit, List<Sentence> after, int gain, int tier, int clause, int sentenceLength) {
    }
}
