package io.shuzhi.interview;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Chinese numerals both ways, the one place in the code that knows them: "十二" ↔ 12, "一百零五" ↔ 105,
 * "三千五" → 3500, "一万二" → 12000, "三亿六千八百万" ↔ 368000000, "三点五" ↔ 3.5, "二〇二五" → 2025 (read digit by
 * digit, as years are written). {@link NumberParser} finds numerals in text with this class; the drafter's ordinals,
 * the refine parser's 字 counts and years, the prior-report parser and the interviewers' "第三部分" delegate here.
 *
 * <p>Reading is strict: each of 千, 百, 十 at most once per four-digit group and in falling order, 万 above 亿 never,
 * so "十十", "一二三" as a count or "三四十" are not numerals ({@link #count}); {@link #value} also reads digit runs.
 */
public final class ChineseNumerals {
    /** Every digit character, 0 to 9, with 〇 and 两. */
    static final String DIGITS = "零〇一二两三四五六七八九";
    private static final String WRITTEN_DIGITS = "零一二三四五六七八九";
    private static final String YEAR_DIGITS = "〇一二三四五六七八九";
    private static final BigInteger WAN = BigInteger.valueOf(10_000);
    private static final BigInteger YI = BigInteger.valueOf(100_000_000);

    private ChineseNumerals() {
    }

    /** 0..9 for a digit character (零 〇 一 二 两 … 九), -1 for anything else. */
    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /**
     * The value of a numeral: a count ({@link #count}) or, for two digits or more with no 十/百/千/万/亿, the digits
     * read one by one ("二〇二五" → 2025, "三四" → 34). Empty when the string is neither.
     */
    static Optional<BigDecimal> value(String numeral) {
        if (numeral == null || numeral.isEmpty()) return Optional.empty();
        int dot = numeral.indexOf('点');
        String whole = dot < 0 ? numeral : numeral.substring(0, dot);
        if (whole.length() > 1 && allDigits(whole)) {
            Optional<BigDecimal> w = Optional.of(new BigDecimal(digitString(whole)));
            return dot < 0 ? w : withFraction(w, numeral.substring(dot + 1));
        }
        return count(numeral);
    }

    /**
     * The value of a counting numeral: "十二", "两", "一百零五", "三千五" (3500), "一万二千", "一万二" (12000), "百"
     * (100), "三亿六千八百万", "三点五" (3.5), "零点八五". Empty for a digit run read one by one ("一二"), for a
     * malformed numeral ("十十", "三四十") and for anything else.
     */
    public static Optional<BigDecimal> count(String numeral) {
        if (numeral == null || numeral.isEmpty()) return Optional.empty();
        int dot = numeral.indexOf('点');
        if (dot >= 0) return withFraction(count(numeral.substring(0, dot)), numeral.substring(dot + 1));
        BigInteger v = integer(numeral);
        return v == null ? Optional.empty() : Optional.of(new BigDecimal(v));
    }

    /** A year written digit by digit, "二〇二五" or "二零二五" → 2025; empty unless four digits between 1900 and 2100. */
    public static OptionalInt year(String numeral) {
        if (numeral == null || numeral.length() != 4 || !allDigits(numeral)) return OptionalInt.empty();
        int y = Integer.parseInt(digitString(numeral));
        return y >= 1900 && y <= 2100 ? OptionalInt.of(y) : OptionalInt.empty();
    }

    /** 2025 → "二〇二五": a year as it is written in Chinese. */
    static String yearDigits(int year) {
        if (year < 0) throw new IllegalArgumentException("negative year: " + year);
        var out = new StringBuilder();
        for (char c : String.valueOf(year).toCharArray()) out.append(YEAR_DIGITS.charAt(c - '0'));
        return out.toString();
    }

    /**
     * How a count is said: 0 "零", 10 "十", 12 "十二", 20 "二十", 105 "一百零五", 110 "一百一十", 10050 "一万零五十",
     * 100010000 "一亿零一万". Always 二, never 两.
     */
    public static String of(long n) {
        if (n < 0) throw new IllegalArgumentException("negative: " + n);
        return n == 0 ? "零" : say(n, true);
    }

    /** A decimal as it is said: 3.5 "三点五", 0.85 "零点八五", 12 "十二". */
    static String of(BigDecimal n) {
        if (n.signum() < 0) throw new IllegalArgumentException("negative: " + n);
        String plain = n.stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        if (dot < 0) return of(Long.parseLong(plain));
        var out = new StringBuilder(of(Long.parseLong(plain.substring(0, dot)))).append('点');
        for (char c : plain.substring(dot + 1).toCharArray()) out.append(WRITTEN_DIGITS.charAt(c - '0'));
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** n > 0: the groups above 10⁴ and 10⁸ said before 万 and 亿, a 零 where a lower group falls short. */
    private static String say(long n, boolean leading) {
        if (n < 10_000) return group(n, leading);
        long unit = n >= 100_000_000L ? 100_000_000L : 10_000L;
        long high = n / unit;
        long low = n % unit;
        String out = say(high, leading) + (unit == 10_000L ? "万" : "亿");
        if (low == 0) return out;
        return out + (low < unit / 10 ? "零" : "") + say(low, false);
    }

    private static String group(long n, boolean leading) {
        var out = new StringBuilder();
        long[] units = {1000, 100, 10, 1};
        String[] names = {"千", "百", "十", ""};
        boolean zero = false;
        boolean any = false;
        for (int i = 0; i < units.length; i++) {
            int d = (int) (n / units[i] % 10);
            if (d == 0) {
                if (any) zero = true;
                continue;
            }
            if (zero) out.append('零');
            // "十二" at the head of a number, "一百一十" and "一万零一十" inside one.
            if (!(d == 1 && units[i] == 10 && leading && !any)) out.append(WRITTEN_DIGITS.charAt(d));
            out.append(names[i]);
            any = true;
            zero = false;
        }
        return out.toString();
    }

    /** An integer numeral with 十百千万亿, or a single digit; null when malformed. */
    private static BigInteger integer(String s) {
        // "零一" is no count; a zero leads only the lower groups ("一万零五").
        if (s.length() > 1 && digit(s.charAt(0)) == 0) return null;
        int yi = s.lastIndexOf('亿');
        if (yi >= 0) {
            BigInteger high = yi == 0 ? BigInteger.ONE : integer(s.substring(0, yi));
            if (high == null) return null;
            String rest = s.substring(yi + 1);
            if (rest.isEmpty()) return high.multiply(YI);
            BigInteger low = belowYi(rest, 10_000_000L);
            return low == null ? null : high.multiply(YI).add(low);
        }
        return belowYi(s, 0);
    }

    /** 0..99999999; {@code shortUnit} is what a lone trailing digit means after a higher group ("一亿二" → 2 × 10⁷). */
    private static BigInteger belowYi(String s, long shortUnit) {
        int wan = s.indexOf('万');
        if (wan >= 0) {
            if (s.indexOf('万', wan + 1) >= 0) return null;
            Long high = wan == 0 ? Long.valueOf(1) : section(s.substring(0, wan), 0);
            if (high == null || high == 0) return null;
            String rest = s.substring(wan + 1);
            if (rest.isEmpty()) return BigInteger.valueOf(high).multiply(WAN);
            Long low = section(rest, 1000);
            return low == null ? null : BigInteger.valueOf(high * 10_000 + low);
        }
        if (shortUnit > 0 && s.length() == 1 && digit(s.charAt(0)) > 0) {
            return BigInteger.valueOf(digit(s.charAt(0)) * shortUnit);
        }
        Long v = section(s, 0);
        return v == null ? null : BigInteger.valueOf(v);
    }

    /**
     * 0..9999 from 千百十 and digits: "三千零五", "十二", "一百一十", "三千五" (a lone digit after 千 or 百 stands for
     * the next unit down); {@code shortUnit} is what a lone digit alone means (after 万: "一万二" → 2000).
     */
    private static Long section(String s, long shortUnit) {
        if (s.isEmpty()) return null;
        if (s.length() == 1 && digit(s.charAt(0)) >= 0) {
            int d = digit(s.charAt(0));
            return shortUnit > 0 && d > 0 ? d * shortUnit : (long) d;
        }
        long total = 0;
        long lastUnit = 10_000;
        int pending = -1;
        boolean zeroBefore = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d == 0) {
                if (pending >= 0) return null;
                zeroBefore = true;
                continue;
            }
            if (d > 0) {
                if (pending >= 0) return null;
                pending = d;
                continue;
            }
            long unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
            if (unit == 0 || unit >= lastUnit) return null;
            // A unit with no digit before it: only at the head ("十二", "百余", "千余").
            if (pending < 0 && i != 0) return null;
            total += (pending < 0 ? 1 : pending) * unit;
            lastUnit = unit;
            pending = -1;
            zeroBefore = false;
        }
        if (pending >= 0) {
            boolean shortened = !zeroBefore && lastUnit >= 100 && lastUnit < 10_000;
            total += shortened ? pending * (lastUnit / 10) : pending;
        }
        return total;
    }

    private static Optional<BigDecimal> withFraction(Optional<BigDecimal> whole, String fraction) {
        if (whole.isEmpty() || fraction.isEmpty() || !allDigits(fraction)) return Optional.empty();
        return Optional.of(whole.get().add(new BigDecimal("0." + digitString(fraction))));
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (digit(s.charAt(i)) < 0) return false;
        }
        return !s.isEmpty();
    }

    private static String digitString(String s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) out.append(digit(s.charAt(i)));
        return out.toString();
    }
}
