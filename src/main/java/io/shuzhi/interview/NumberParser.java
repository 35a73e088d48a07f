package io.shuzhi.interview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quantities in Chinese text: Arabic and Chinese numerals with the unit that follows, approximations
 * (余/多/几, 近/约/将近/逾/超过, …左右) and percentages. It is also the core of the number guard, so it leaves out what
 * is not a count: years, ordinals (一是, 第一, （一）, 1.) and numerals inside fixed terms listed in
 * {@code prompts/fixed-terms.txt}.
 *
 * <p>万 and 亿 rule: a trailing 万/亿 stays with the writer's unit, so "3.5万元" is value 3.5 unit "万元" and "2万人" is
 * value 2 unit "万人"; {@link Quantity#display()} then renders "3.5万元" and "2万人" as written. A 万 inside a numeral
 * ("一万二千人") is part of the value (12000, unit "人").
 */
public final class NumberParser {

    /** Longest first, so "人次" wins over "人" and "个月" over "个". */
    private static final List<String> UNITS = sortedLongestFirst(List.of(
            "人次", "万元", "小时", "课时", "个月", "次", "人", "名", "项", "期", "册", "本", "篇", "场", "个", "元",
            "家", "户", "条", "件", "类", "堂", "节", "批", "天", "轮", "份", "处", "支", "组"));
    private static final List<String> APPROX_BEFORE = List.of("将近", "接近", "大约", "超过", "约", "近", "逾");
    private static final String DIGITS = "零〇一二两三四五六七八九";
    private static final String SMALL_UNITS = "十百千";
    private static final String CHINESE_START = "一二两三四五六七八九十百千";
    private static final String CHINESE_BODY = DIGITS + SMALL_UNITS + "万亿";
    private static final Pattern ARABIC = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?![\\d.])|\\d+(?:\\.\\d+)?");
    private static final Pattern ASCII_DIGIT = Pattern.compile("[0-9]");
    /** After a count noun, 数 ends a word ("人数十二人"); elsewhere "数十" "数百" are vague. */
    private static final String COUNT_NOUNS = "人次户件项册篇场个名期本类";
    /** Where a list marker ("1." "一、") can start: the start of a line or of a clause. */
    private static final String LIST_START = "\n\r \t\u3000。；;：:，,！!？?";
    private static final String YEAR_RANGE_DASH = "—–-~～至到";

    private static volatile List<String> fixedTerms;

    private NumberParser() {
    }

    /** Quantities with a unit (including "%"), in order of appearance. */
    public static List<Quantity> find(String text) {
        return scan(text).stream().filter(m -> !m.quantity.unit().isEmpty()).map(Match::quantity).toList();
    }

    /**
     * Every number in the text, with or without a unit: what a draft audit must account for. Years, ordinals and
     * fixed terms are still left out, and so is a lone Chinese digit with no unit ("一" in prose is almost never a
     * count).
     */
    public static List<Quantity> findAll(String text) {
        return scan(text).stream().map(Match::quantity).toList();
    }

    /** The text with each quantity written in Arabic digits ("十二次" → "12次"), every other character unchanged. */
    public static String toArabic(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        var out = new StringBuilder(text.length());
        int from = 0;
        for (Match m : scan(text)) {
            // Digits the writer typed stay exactly as typed.
            if (m.quantity.unit().isEmpty() || ASCII_DIGIT.matcher(m.quantity.raw()).find()) continue;
            out.append(text, from, m.start).append(render(m.quantity));
            from = m.end;
        }
        return out.append(text, from, text.length()).toString();
    }

    /**
     * The value of a numeral on its own: "12", "1,200", "3.5", "十二", "两", "一百零五", "三万", "三点五", "百分之八十"
     * (→ 80). Empty when the string is not one numeral.
     */
    public static Optional<BigDecimal> parseNumeral(String numeral) {
        if (numeral == null) return Optional.empty();
        String s = numeral.strip();
        if (s.startsWith("百分之")) s = s.substring(3);
        if (s.endsWith("%") || s.endsWith("％")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty()) return Optional.empty();
        if (ARABIC.matcher(s).matches()) return Optional.of(new BigDecimal(s.replace(",", "")));
        return chineseValue(s);
    }

    /** How a quantity reads in Arabic digits, keeping the writer's approximation words in their place. */
    static String render(Quantity q) {
        String raw = q.raw();
        String n = q.value().stripTrailingZeros().toPlainString();
        String before = APPROX_BEFORE.stream().filter(raw::startsWith).findFirst().orElse("");
        String after = raw.endsWith("左右") ? "左右" : "";
        String unit = q.unit();
        String wan = "";
        if (unit.startsWith("万") || unit.startsWith("亿")) {
            wan = unit.substring(0, 1);
            unit = unit.substring(1);
        }
        String marker = "";
        for (String m : List.of("余", "多", "几")) {
            if (raw.contains(m)) {
                marker = m.equals("几") ? "余" : m;
                break;
            }
        }
        if (q.unit().equals("%")) return before + n + marker + "%" + after;
        // "二十余万元" puts the marker before 万, "两万余人" after it: follow the writer.
        boolean markerAfterWan = !wan.isEmpty() && (raw.contains(wan + "余") || raw.contains(wan + "多"));
        String body = markerAfterWan ? n + wan + marker + unit : n + marker + wan + unit;
        return before + body + after;
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Match(int start, int end, Quantity quantity) {
    }

    private static List<Match> scan(String text) {
        List<Match> found = new ArrayList<>();
        if (text == null || text.isEmpty()) return found;
        List<int[]> fixed = fixedTermSpans(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("百分之", i)) {
                int next = percentAt(text, i, found);
                if (next > i) {
                    i = next;
                    continue;
                }
            }
            if (isAsciiDigit(c)) {
                i = arabicAt(text, i, fixed, found);
            } else if (CHINESE_START.indexOf(c) >= 0) {
                i = chineseAt(text, i, fixed, found);
            } else {
                i++;
            }
        }
        return found;
    }

    private static int percentAt(String text, int at, List<Match> found) {
        int p = at + 3;
        int end;
        BigDecimal value;
        Matcher am = ARABIC.matcher(text).region(p, text.length());
        if (am.lookingAt()) {
            end = am.end();
            value = new BigDecimal(am.group().replace(",", ""));
        } else {
            end = chineseRunEnd(text, p);
            if (end == p) return at;
            Optional<BigDecimal> v = chineseValue(text.substring(p, end));
            if (v.isEmpty()) return at;
            value = v.get();
        }
        int start = approxStart(text, at);
        boolean approx = start < at;
        if (text.startsWith("左右", end)) {
            end += 2;
            approx = true;
        }
        found.add(new Match(start, end, new Quantity(text.substring(start, end), value, "%", approx)));
        return end;
    }

    private static int arabicAt(String text, int at, List<int[]> fixed, List<Match> found) {
        Matcher m = ARABIC.matcher(text).region(at, text.length());
        if (!m.lookingAt()) return at + 1;
        int end = m.end();
        String digits = m.group();
        char prev = at > 0 ? text.charAt(at - 1) : '\n';
        char next = end < text.length() ? text.charAt(end) : '\n';
        // "5G", "A4", "GB/T 9704": codes, not counts.
        if (isCode(text, at) || isAsciiLetter(next) || prev == '.') return end;
        if (isYear(text, at, end, digits.length() == 4 ? Integer.parseInt(digits) : -1)) return end;
        if (isOrdinal(text, at, end)) return end;
        if (prev == '第') return end;
        return withUnit(text, at, end, new BigDecimal(digits.replace(",", "")), found);
    }

    private static int chineseAt(String text, int at, List<int[]> fixed, List<Match> found) {
        int end = chineseRunEnd(text, at);
        if (end == at) return at + 1;
        int valueEnd = end;
        // A trailing 万/亿 belongs to the unit ("三万人" → 3, 万人), see the class comment.
        while (valueEnd > at + 1 && "万亿".indexOf(text.charAt(valueEnd - 1)) >= 0) valueEnd--;
        String numeral = text.substring(at, valueEnd);
        char prev = at > 0 ? text.charAt(at - 1) : '\n';
        if (insideFixedTerm(fixed, at, end)) return end;
        if (notACountBefore(text, at, numeral)) return end;
        if (isChineseYear(text, numeral, end)) return end;
        if (isOrdinal(text, at, end)) return end;
        // 一是、二是 …: the genre's item markers.
        if (end < text.length() && text.charAt(end) == '是' && numeral.length() <= 2) return end;
        // Counts are never read digit by digit: "七一", "五四", "一二九" are names, "三四次" a range left as written.
        boolean onlyDigits = numeral.chars().allMatch(ch -> DIGITS.indexOf(ch) >= 0);
        if (onlyDigits && numeral.length() > 1) return end;
        Optional<BigDecimal> value = chineseValue(numeral);
        if (value.isEmpty()) return end;
        int before = found.size();
        int next = withUnit(text, at, valueEnd, value.get(), found);
        // A lone Chinese digit with no unit is a word, not a number ("一心", "三思").
        if (found.size() > before && found.get(found.size() - 1).quantity.unit().isEmpty() && numeral.length() == 1) {
            found.remove(found.size() - 1);
        }
        return next;
    }

    /** Reads 万/亿, 余/多/几, the unit and 左右 after a number, and records the match. */
    private static int withUnit(String text, int start, int numberEnd, BigDecimal value, List<Match> found) {
        int p = numberEnd;
        String wan = "";
        boolean approx = false;
        if (p < text.length() && "万亿".indexOf(text.charAt(p)) >= 0) {
            wan = String.valueOf(text.charAt(p));
            p++;
        }
        if (p < text.length() && "余多几".indexOf(text.charAt(p)) >= 0 && !text.startsWith("多元", p)) {
            approx = true;
            p++;
            if (wan.isEmpty() && p < text.length() && "万亿".indexOf(text.charAt(p)) >= 0) {
                wan = String.valueOf(text.charAt(p));
                p++;
            }
        }
        String unit = "";
        if (p < text.length() && (text.charAt(p) == '%' || text.charAt(p) == '％')) {
            unit = "%";
            p++;
        } else {
            for (String u : UNITS) {
                if (text.startsWith(u, p)) {
                    unit = u;
                    p += u.length();
                    break;
                }
            }
            unit = wan + unit;
        }
        if (unit.isEmpty() && approx && wan.isEmpty() && text.charAt(p - 1) == '多') {
            // "20多" ends a phrase, but in "三多部门" the 多 starts the next word.
            char next = p < text.length() ? text.charAt(p) : '\n';
            if (Character.isLetter(next)) {
                approx = false;
                p--;
            }
        }
        if (!unit.isEmpty() && text.startsWith("左右", p)) {
            approx = true;
            p += 2;
        }
        int s = approxStart(text, start);
        if (s < start) approx = true;
        found.add(new Match(s, p, new Quantity(text.substring(s, p), value, unit, approx)));
        return p;
    }

    private static int approxStart(String text, int numberStart) {
        for (String a : APPROX_BEFORE) {
            int s = numberStart - a.length();
            if (s < 0 || !text.startsWith(a, s)) continue;
            char before = s > 0 ? text.charAt(s - 1) : '\n';
            // 最近、附近、预约、节约 … are words of their own, not approximations.
            if (a.equals("近") && "最附亲贴就临将接".indexOf(before) >= 0) continue;
            if (a.equals("约") && "预节制特邀签违履相契合公大隐".indexOf(before) >= 0) continue;
            return s;
        }
        return numberStart;
    }

    private static int chineseRunEnd(String text, int at) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (CHINESE_BODY.indexOf(c) >= 0) {
                i++;
            } else if (c == '点' && i > at && i + 1 < text.length() && DIGITS.indexOf(text.charAt(i + 1)) >= 0
                    && DIGITS.indexOf(text.charAt(i - 1)) >= 0) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** 第一 (ordinal), 其一, 每一名 (distributive), 数十 / 几百 (vague): not counts. */
    private static boolean notACountBefore(String text, int at, String numeral) {
        if (at == 0) return false;
        char prev = text.charAt(at - 1);
        if (prev == '第' || prev == '其' || prev == '几') return true;
        if (prev == '每' && numeral.equals("一")) return true;
        if (prev == '数') return at < 2 || COUNT_NOUNS.indexOf(text.charAt(at - 2)) < 0;
        return false;
    }

    private static boolean isYear(String text, int start, int end, int fourDigits) {
        if (fourDigits < 1900 || fourDigits > 2100) return false;
        if (text.startsWith("年", end)) return true;
        int p = end;
        while (p < text.length() && text.charAt(p) == ' ') p++;
        if (p < text.length() && YEAR_RANGE_DASH.indexOf(text.charAt(p)) >= 0) {
            p++;
            while (p < text.length() && text.charAt(p) == ' ') p++;
            Matcher m = Pattern.compile("\\d{4}").matcher(text).region(p, text.length());
            return m.lookingAt();
        }
        return false;
    }

    private static boolean isChineseYear(String text, String numeral, int end) {
        boolean digitsOnly = numeral.chars().allMatch(ch -> DIGITS.indexOf(ch) >= 0);
        if (!digitsOnly || numeral.length() < 2) return false;
        if (text.startsWith("年", end)) return true;
        if (numeral.length() != 4) return false;
        int y = chineseValue(numeral).map(BigDecimal::intValue).orElse(-1);
        return y >= 1900 && y <= 2100;
    }

    /** "1." "1、" "一、" at the start of a line or clause, and "（一）" "(1)" anywhere. */
    private static boolean isOrdinal(String text, int start, int end) {
        char prev = start > 0 ? text.charAt(start - 1) : '\n';
        char next = end < text.length() ? text.charAt(end) : '\n';
        if ((prev == '（' || prev == '(') && (next == '）' || next == ')')) return true;
        if (LIST_START.indexOf(prev) < 0) return false;
        if (next == '、' || next == '）' || next == ')') return true;
        if (next == '.' || next == '．') {
            char after = end + 1 < text.length() ? text.charAt(end + 1) : '\n';
            return !isAsciiDigit(after);
        }
        return false;
    }

    private static boolean insideFixedTerm(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (s[0] <= start && end <= s[1]) return true;
        }
        return false;
    }

    private static List<int[]> fixedTermSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        for (String term : fixedTerms()) {
            int at = text.indexOf(term);
            while (at >= 0) {
                spans.add(new int[]{at, at + term.length()});
                at = text.indexOf(term, at + 1);
            }
        }
        return spans;
    }

    /** Value of a Chinese numeral with no trailing unit: "十二" 12, "一百零五" 105, "三千五" 3500, "三点五" 3.5. */
    private static Optional<BigDecimal> chineseValue(String s) {
        if (s.isEmpty()) return Optional.empty();
        int dot = s.indexOf('点');
        if (dot >= 0) {
            Optional<BigDecimal> whole = chineseValue(s.substring(0, dot));
            String frac = s.substring(dot + 1);
            if (whole.isEmpty() || frac.isEmpty()) return Optional.empty();
            var digits = new StringBuilder();
            for (char c : frac.toCharArray()) {
                int d = digitValue(c);
                if (d < 0) return Optional.empty();
                digits.append(d);
            }
            return Optional.of(whole.get().add(new BigDecimal("0." + digits)));
        }
        boolean hasUnit = s.chars().anyMatch(ch -> (SMALL_UNITS + "万亿").indexOf(ch) >= 0);
        if (!hasUnit) {
            // Digit by digit, as in "二〇二五".
            var digits = new StringBuilder();
            for (char c : s.toCharArray()) {
                int d = digitValue(c);
                if (d < 0) return Optional.empty();
                digits.append(d);
            }
            return Optional.of(new BigDecimal(digits.toString()));
        }
        long total = 0;
        long section = 0;
        long number = 0;
        long lastUnit = 1;
        boolean zeroSinceUnit = false;
        boolean lastWasDigit = false;
        for (char c : s.toCharArray()) {
            int d = digitValue(c);
            if (d == 0) {
                zeroSinceUnit = true;
                number = 0;
                lastWasDigit = false;
            } else if (d > 0) {
                if (lastWasDigit) return Optional.empty();
                number = d;
                lastWasDigit = true;
            } else if (SMALL_UNITS.indexOf(c) >= 0) {
                long u = c == '十' ? 10 : c == '百' ? 100 : 1000;
                if (number == 0 && !lastWasDigit) number = 1;
                section += number * u;
                number = 0;
                lastUnit = u;
                zeroSinceUnit = false;
                lastWasDigit = false;
            } else if (c == '万' || c == '亿') {
                long u = c == '万' ? 10_000L : 100_000_000L;
                section += number;
                if (section == 0) section = 1;
                total = (total + section) * u;
                section = 0;
                number = 0;
                lastUnit = u;
                zeroSinceUnit = false;
                lastWasDigit = false;
            } else {
                return Optional.empty();
            }
        }
        // "三千五" and "一万二" leave the next unit down unsaid.
        if (lastWasDigit && !zeroSinceUnit && lastUnit >= 100) section += number * (lastUnit / 10);
        else section += number;
        return Optional.of(BigDecimal.valueOf(total + section));
    }

    private static int digitValue(char c) {
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

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A number right after Latin letters ("A4", "GB/T 9704", "ISO 9001") is part of a code. */
    private static boolean isCode(String text, int at) {
        int p = at - 1;
        while (p >= 0 && text.charAt(p) == ' ') p--;
        return p >= 0 && (isAsciiLetter(text.charAt(p)) || text.charAt(p) == '/' || text.charAt(p) == '-' && p > 0
                && isAsciiLetter(text.charAt(p - 1)));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static List<String> sortedLongestFirst(List<String> units) {
        return units.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static List<String> fixedTerms() {
        List<String> terms = fixedTerms;
        if (terms == null) {
            terms = loadFixedTerms();
            fixedTerms = terms;
        }
        return terms;
    }

    private static List<String> loadFixedTerms() {
        String name = "prompts/fixed-terms.txt";
        try {
            Path file = Path.of(name);
            if (Files.isRegularFile(file)) return parseTerms(Files.readString(file, StandardCharsets.UTF_8));
            try (InputStream in = NumberParser.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) return parseTerms(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be read", e);
        }
        // Without the list the guard would report 两个维护 and 三会一课 as numbers: better to stop.
        throw new IllegalStateException(name + " not found on disk or on the classpath");
    }

    private static List<String> parseTerms(String content) {
        return content.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
    }
}
