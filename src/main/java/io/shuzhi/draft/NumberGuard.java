package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The promise that every number in a draft comes from the writer: checks model-written text against the writer's
 * fact quantities and replaces each number without a source by {@code 【待核实：原文“…”】}. No Spring; its one table
 * is the number parser's fixed terms.
 *
 * <p>A number in the text is sourced when some writer quantity has the same value (万/亿 multiplied out, so
 * "1.2万人" matches "一万二千人") and a compatible unit: equal, or of one family (人/名/位, 册/本, 次/场/轮), or
 * missing on one side ("研讨24" is 24次 said short). Approximation words (余/多/近) do not take part: "20余人" and
 * "20人" name the writer's number either way; a range ("3至5次") is sourced by the same range, and 两成 by 20%.
 * Years, ordinals and fixed terms are not numbers to
 * {@link NumberParser#findAll}; numbers inside 【…】 placeholders are not checked.
 */
public final class NumberGuard {
    private static final List<List<String>> UNIT_FAMILIES = List.of(
            List.of("人", "名", "位"), List.of("册", "本"), List.of("次", "场", "轮"), List.of("小时", "课时"));
    private static final Map<Character, BigDecimal> MULTIPLIERS = Map.of(
            '万', BigDecimal.valueOf(10_000), '亿', BigDecimal.valueOf(100_000_000));

    /** Evaluative adjectives after 一 + a measure word: "一次深刻的…", "一项重要任务". */
    private static final java.util.regex.Pattern DESCRIPTIVE = java.util.regex.Pattern.compile(
            "(?:重要|重大|深刻|生动|难忘|难得|宝贵|有力|有益|有效|良好|全新|崭新|新的|很好|较好|扎实|鲜活|特殊|严肃|全面|"
                    + "真正|实实在在|沉甸甸|可贵|光荣|神圣|艰巨|长期|系统性)");

    private final NumberParser numbers;

    /** Checks the numbers {@code numbers} finds (fixed terms are not numbers). */
    public NumberGuard(NumberParser numbers) {
        this.numbers = numbers;
    }

    /**
     * The guarded text and the numbers flagged in it.
     *
     * @param flagged each unsourced number as the text had it ("87次"), in order
     */
    public record GuardResult(String text, List<String> flagged) {
        public GuardResult {
            flagged = List.copyOf(flagged);
        }

        public boolean clean() {
            return flagged.isEmpty();
        }
    }

    /** Checks {@code text} against the quantities of the writer's facts (facts from last year's report do not count). */
    public GuardResult check(String text, Collection<Fact> facts) {
        List<Quantity> allowed = facts.stream().filter(Fact::thisYear)
                .flatMap(f -> f.quantities().stream()).toList();
        return checkAgainst(text, allowed);
    }

    /** Checks {@code text} against {@code allowed} quantities. */
    public GuardResult checkAgainst(String text, Collection<Quantity> allowed) {
        if (text == null || text.isEmpty()) return new GuardResult(text == null ? "" : text, List.of());
        var out = new StringBuilder(text.length() + 32);
        var flagged = new ArrayList<String>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('【', i);
            int end = open < 0 ? text.length() : open;
            out.append(guardPlain(text.substring(i, end), allowed, flagged));
            if (open < 0) break;
            int close = text.indexOf('】', open);
            // An unclosed 【 (a stream cut off inside a placeholder) protects nothing after it.
            if (close < 0) {
                out.append('【');
                i = open + 1;
                continue;
            }
            out.append(text, open, close + 1);
            i = close + 1;
        }
        return new GuardResult(out.toString(), flagged);
    }

    /** True when {@code q} names one of the {@code allowed} quantities (a range: both its ends). */
    static boolean sourced(Quantity q, Collection<Quantity> allowed) {
        Normal n = normal(q);
        for (Quantity a : allowed) {
            Normal m = normal(a);
            if (n.value.compareTo(m.value) == 0 && sameUpper(n.upper, m.upper) && unitsCompatible(n.unit, m.unit)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameUpper(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private String guardPlain(String plain, Collection<Quantity> allowed, List<String> flagged) {
        if (plain.isEmpty()) return plain;
        var out = new StringBuilder(plain.length());
        int from = 0;
        for (NumberParser.Found found : numbers.locate(plain)) {
            Quantity q = found.quantity();
            if (sourced(q, allowed) || indefinite(plain, found)) continue;
            out.append(plain, from, found.start()).append("【待核实：原文“").append(q.raw()).append("”】");
            flagged.add(q.raw());
            from = found.end();
        }
        return out.append(plain, from, plain.length()).toString();
    }

    /**
     * "一次" in "接受了一次深刻的党性教育", "一项" in "作为一项重要任务": 一 and a measure word before an adjective is the
     * indefinite article of the genre, not a count; "开展一次专题研讨" (a noun follows) stays a count to check.
     */
    static boolean indefinite(String text, NumberParser.Found found) {
        String raw = found.quantity().raw();
        if (raw.length() != 2 || raw.charAt(0) != '一') return false;
        return DESCRIPTIVE.matcher(text).region(found.end(), text.length()).lookingAt();
    }

    private record Normal(BigDecimal value, BigDecimal upper, String unit) {
    }

    /** 万/亿 at the head of a unit multiplied into the value: 3.5 万元 → 35000 元; 成 as tenths: 两成 → 20%. */
    private static Normal normal(Quantity q) {
        String unit = q.unit();
        BigDecimal value = q.value();
        BigDecimal upper = q.upper();
        while (!unit.isEmpty() && MULTIPLIERS.containsKey(unit.charAt(0))) {
            BigDecimal m = MULTIPLIERS.get(unit.charAt(0));
            value = value.multiply(m);
            upper = upper == null ? null : upper.multiply(m);
            unit = unit.substring(1);
        }
        if (unit.equals("成")) {
            value = value.multiply(BigDecimal.TEN);
            upper = upper == null ? null : upper.multiply(BigDecimal.TEN);
            unit = "%";
        }
        return new Normal(value, upper, unit);
    }

    static boolean unitsCompatible(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.equals(b)) return true;
        if (a.equals("%") || b.equals("%")) return false;
        return UNIT_FAMILIES.stream().anyMatch(f -> f.contains(a) && f.contains(b));
    }
}
