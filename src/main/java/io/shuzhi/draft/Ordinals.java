package io.shuzhi.draft;

import io.shuzhi.interview.ChineseNumerals;
import java.math.BigDecimal;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese ordinals of the genre's numbering levels, both ways: 3 → "三、", "（三）", "三是"; and "（三）", "三是", "三、",
 * "第三部分", "第三节" → 3. Numbers 1..99 are supported (a report never gets near the end of that range).
 */
final class Ordinals {
    private static final String NUMERAL = "[零〇一二两三四五六七八九十]{1,3}";
    private static final Pattern SECTION = Pattern.compile("^[（(](" + NUMERAL + ")[）)]$");
    private static final Pattern PART_OR_ITEM = Pattern.compile("^(" + NUMERAL + ")[、是]$");
    private static final Pattern NTH = Pattern.compile("^第(" + NUMERAL + "|[0-9]{1,2})(部分|节|项|条|点|段|个)?$");

    private Ordinals() {
    }

    /** Level one: "一、". */
    static String part(int n) {
        return numeral(n) + "、";
    }

    /** Level two: "（一）" (full-width brackets, nothing after). */
    static String section(int n) {
        return "（" + numeral(n) + "）";
    }

    /** Items inside a paragraph: "一是". */
    static String item(int n) {
        return numeral(n) + "是";
    }

    /** 1 → "一", 10 → "十", 12 → "十二", 20 → "二十", 21 → "二十一" ({@link ChineseNumerals#of(long)}). */
    static String numeral(int n) {
        if (n < 1 || n > 99) throw new IllegalArgumentException("ordinal out of range 1..99: " + n);
        return ChineseNumerals.of(n);
    }

    /**
     * The number an ordinal token names: "（三）", "(三)", "三、", "二是", "第二部分", "第二节", "第2节" → its value;
     * anything else → empty. Surrounding spaces are ignored.
     */
    static OptionalInt parse(String token) {
        if (token == null) return OptionalInt.empty();
        String t = token.strip();
        for (Pattern p : new Pattern[] {SECTION, PART_OR_ITEM, NTH}) {
            Matcher m = p.matcher(t);
            if (m.matches()) return value(m.group(1));
        }
        return OptionalInt.empty();
    }

    /** The value of a Chinese numeral 1..99 ("十二" → 12, "两" → 2) or of Arabic digits; empty when it is neither. */
    static OptionalInt value(String numeral) {
        if (numeral == null || numeral.isEmpty()) return OptionalInt.empty();
        if (numeral.chars().allMatch(Character::isDigit)) {
            return numeral.length() > 2 ? OptionalInt.empty() : positive(Integer.parseInt(numeral));
        }
        return ChineseNumerals.count(numeral).filter(v -> v.stripTrailingZeros().scale() <= 0
                        && v.compareTo(BigDecimal.valueOf(99)) <= 0)
                .map(v -> positive(v.intValue())).orElse(OptionalInt.empty());
    }

    private static OptionalInt positive(int n) {
        return n >= 1 && n <= 99 ? OptionalInt.of(n) : OptionalInt.empty();
    }
}
