package io.shuzhi.interview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quantities in Chinese text: Arabic and Chinese numerals with the unit that follows, approximations
 * (余/多/几, 近/约/将近/逾/超过, …左右, …以上/以下), percentages (95%, 99.5％, 百分之九十九点五), 成 (两成), 倍 (1.5倍),
 * 翻一番, and ranges (3至5次, 3-5次, 三到五人). It is also the core of the number guard, so it leaves out what is not
 * a count: years, ordinals (一是, 第一, （一）, 1.) and numerals inside fixed terms listed in
 * {@code prompts/fixed-terms.txt}. Chinese numerals are read by {@link ChineseNumerals}.
 *
 * <p>The forms a writer types: decimals of any length (12.8万元, 0.85天), thousands separated by a half-width comma
 * in groups of three (1,260家), full-width digits and points (１２次, ３．５万元) read as their half-width twins. A
 * full-width comma is a clause break, never a thousands separator: "1，260家" is the numbers 1 and 260家 as written
 * (in Chinese chat "，" separates clauses, and the usual input methods type "," after a digit anyway).
 *
 * <p>万 and 亿 rule: a trailing 万/亿 stays with the writer's unit, so "3.5万元" is value 3.5 unit "万元" and "2万人" is
 * value 2 unit "万人"; {@link Quantity#display()} then renders "3.5万元" and "2万人" as written. A 万 inside a numeral
 * ("一万二千人") is part of the value (12000, unit "人"); "3亿6800万元" and "三亿六千八百万元" are 36800 万元.
 *
 * <p>A fixed term hides a numeral that lies inside it together with its unit ("最多跑一次", "一批", "一个",
 * "两个维护"); the unit may run past a term only where the term ends inside the unit word ("一个月" is a month).
 */
public final class NumberParser {

    /** Longest first, so "人次" wins over "人" and "个月" over "个". */
    private static final List<String> UNITS = sortedLongestFirst(List.of(
            "人次", "万元", "小时", "课时", "个月", "次", "人", "名", "项", "期", "册", "本", "篇", "场", "个", "元",
            "家", "户", "条", "件", "类", "堂", "节", "批", "天", "轮", "份", "处", "支", "组", "倍", "成",
            // counts of things a unit's report tallies: 电梯12部, 手术126例, 车辆29辆, 事故1起, 资金3笔, 农田8600亩
            "部", "台", "辆", "座", "例", "起", "宗", "笔", "套", "亩", "公里", "吨", "台次", "例次", "户次", "分钟",
            // "降了0.31个百分点": a difference of two rates, not a count of 个
            "个百分点", "百分点"));
    private static final List<String> APPROX_BEFORE = List.of("将近", "接近", "大约", "超过", "约", "近", "逾");
    private static final List<String> APPROX_AFTER = List.of("左右", "以上", "以下");
    private static final String DIGITS = ChineseNumerals.DIGITS;
    private static final String CHINESE_START = "一二两三四五六七八九十百千";
    private static final String CHINESE_BODY = DIGITS + "十百千万亿";
    private static final Pattern ARABIC = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");
    private static final Pattern ASCII_DIGIT = Pattern.compile("[0-9]");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern WAN_AFTER_YI = Pattern.compile("\\d{1,4}(?=万)");
    private static final Pattern ARABIC_MULTIPLIERS = Pattern.compile("(十|百|千|万|亿)(?:(\\d{1,4})万)?");
    /** After a count noun, 数 ends a word ("人数十二人"); elsewhere "数十" "数百" are vague. */
    private static final String COUNT_NOUNS = "人次户件项册篇场个名期本类";
    /** Where a list marker ("1." "一、") can start: the start of a line or of a clause. */
    private static final String LIST_START = "\n\r \t\u3000。；;：:，,！!？?";
    private static final String YEAR_RANGE_DASH = "—–-~～至到";
    private static final String RANGE_DASH = "至到~～-—–";
    /** 成 is a tenth only as a count of tenths: not in 成员, 成立, 成果, 成为 …. */
    private static final String NOT_AFTER_CHENG = "员立果效绩就本熟长功型交为都套批效";

    /** The fixed terms of {@code prompts/fixed-terms.txt}, in the file's order. */
    private final List<String> fixedTerms;

    /** A parser that leaves alone the numerals inside {@code fixedTerms} (see {@link Lexicon}). */
    NumberParser(List<String> fixedTerms) {
        this.fixedTerms = List.copyOf(fixedTerms);
    }

    /** A number found in a text, with where it stands: {@code text.substring(start, end)} is its raw text. */
    public record Found(int start, int end, Quantity quantity) {
    }

    /** Quantities with a unit (including "%"), in order of appearance. */
    public List<Quantity> find(String text) {
        return scan(text).stream().filter(m -> !m.quantity.unit().isEmpty()).map(Found::quantity).toList();
    }

    /**
     * Every number in the text, with or without a unit: what a draft audit must account for. Years, ordinals and
     * fixed terms are still left out, and so is a lone Chinese digit with no unit ("一" in prose is almost never a
     * count).
     */
    public List<Quantity> findAll(String text) {
        return scan(text).stream().map(Found::quantity).toList();
    }

    /** {@link #findAll} with the place of each number in the text. */
    public List<Found> locate(String text) {
        return scan(text);
    }

    /**
     * Where a quantity with this raw text stands in {@code text} at or after {@code from}: the first place this parser
     * finds it as a number, else the first occurrence that is not inside a fixed term ("一次" of "最多跑一次" is never
     * taken for a count); -1 when there is none.
     */
    public int indexOf(String text, String raw, int from) {
        if (text == null || raw == null || raw.isEmpty()) return -1;
        for (Found f : scan(text)) {
            if (f.start >= from && f.quantity.raw().equals(raw)) return f.start;
        }
        List<int[]> fixed = fixedTermSpans(normalized(text));
        for (int at = text.indexOf(raw, Math.max(0, from)); at >= 0; at = text.indexOf(raw, at + 1)) {
            if (!coveredBy(fixed, at, at + raw.length())) return at;
        }
        return -1;
    }

    /** The text with each quantity written in Arabic digits ("十二次" → "12次"), every other character unchanged. */
    public String toArabic(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        var out = new StringBuilder(text.length());
        int from = 0;
        for (Found m : scan(text)) {
            // Digits the writer typed stay exactly as typed.
            if (m.quantity.unit().isEmpty() || ASCII_DIGIT.matcher(m.quantity.raw()).find()) continue;
            out.append(text, from, m.start).append(render(m.quantity));
            from = m.end;
        }
        return out.append(text, from, text.length()).toString();
    }

    /**
     * The value of a numeral on its own: "12", "1,200", "3.5", "１２", "十二", "两", "一百零五", "三万", "三点五",
     * "二〇二五", "百分之八十" and "80%" (→ 80), "3千" and "1.5万" (→ 3000, 15000). Empty when the string is not one
     * numeral.
     */
    public static Optional<BigDecimal> parseNumeral(String numeral) {
        if (numeral == null) return Optional.empty();
        String s = normalized(numeral.strip());
        if (s.startsWith("百分之")) s = s.substring(3);
        if (s.endsWith("%") || s.endsWith("％")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty()) return Optional.empty();
        Matcher m = ARABIC.matcher(s);
        if (m.lookingAt()) {
            BigDecimal v = arabicValue(m.group());
            String rest = s.substring(m.end());
            if (rest.isEmpty()) return Optional.of(v);
            // "3千", "1.5万", "3亿6800万": Arabic digits with the writer's multipliers.
            Matcher tail = ARABIC_MULTIPLIERS.matcher(rest);
            if (!tail.matches()) return Optional.empty();
            v = v.multiply(multiplier(tail.group(1).charAt(0)));
            if (tail.group(2) != null) {
                if (!tail.group(1).equals("亿")) return Optional.empty();
                v = v.add(new BigDecimal(tail.group(2)).multiply(multiplier('万')));
            }
            return Optional.of(v);
        }
        return ChineseNumerals.value(s);
    }

    /** How a quantity reads in Arabic digits, keeping the writer's approximation words in their place. */
    static String render(Quantity q) {
        String raw = q.raw();
        // "两成", "翻一番" are said in words; "2成" and "翻1番" are not how a report writes them.
        if (q.unit().equals("成") || q.unit().equals("番")) return raw;
        String n = plain(q.value());
        if (q.upper() != null) n = n + rangeDash(raw) + plain(q.upper());
        String before = APPROX_BEFORE.stream().filter(raw::startsWith).findFirst().orElse("");
        String after = APPROX_AFTER.stream().filter(raw::endsWith).findFirst().orElse("");
        String unit = q.unit();
        String wan = "";
        if (unit.startsWith("万") || unit.startsWith("亿")) {
            wan = unit.substring(0, 1);
            unit = unit.substring(1);
        }
        String marker = "";
        for (String m : List.of("余", "多", "几", "来")) {
            if (raw.contains(m)) {
                marker = m.equals("几") || m.equals("来") ? "余" : m;
                break;
            }
        }
        if (q.unit().equals("%")) return before + n + marker + "%" + after;
        // "三亿六千八百万元" is 36800 万元, written as the writer grouped it: "3亿6800万元".
        if (wan.equals("万") && q.upper() == null && raw.contains("亿") && q.value().compareTo(BigDecimal.valueOf(10_000)) >= 0
                && q.value().stripTrailingZeros().scale() <= 0) {
            BigDecimal[] yiWan = q.value().divideAndRemainder(BigDecimal.valueOf(10_000));
            boolean round = yiWan[1].signum() == 0;
            n = plain(yiWan[0]) + "亿" + (round ? "" : plain(yiWan[1]));
            if (round) wan = "";
        }
        // "二十余万元" puts the marker before 万, "两万余人" after it: follow the writer.
        boolean markerAfterWan = !wan.isEmpty() && (raw.contains(wan + "余") || raw.contains(wan + "多"));
        String body = markerAfterWan ? n + wan + marker + unit : n + marker + wan + unit;
        return before + body + after;
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<Found> scan(String original) {
        List<Found> found = new ArrayList<>();
        if (original == null || original.isEmpty()) return found;
        String normalized = normalized(original);
        Scan s = new Scan(original, normalized, fixedTermSpans(normalized), found);
        String text = s.text;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("百分之", i)) {
                int next = percentAt(s, i);
                if (next > i) {
                    i = next;
                    continue;
                }
            }
            if (isAsciiDigit(c)) {
                i = arabicAt(s, i);
            } else if (CHINESE_START.indexOf(c) >= 0 || isLoneWanStart(text, i) || isZeroPointStart(text, i)) {
                i = chineseAt(s, i);
            } else {
                i++;
            }
        }
        found.removeIf(f -> !isFigure(f.quantity.value()) || f.quantity.upper() != null && !isFigure(f.quantity.upper()));
        return found;
    }

    /** Significant digits a quantity may have: more is an identifier or a string of digits, not a count. */
    static final int MAX_DIGITS = 15;

    /**
     * Whether a value can be a quantity: at most {@link #MAX_DIGITS} significant digits, below 10^15 and with at most
     * 15 decimals. A longer figure ("发展党员" + 1,001 digits) is text: it stays in the statement as written and is
     * never stored as a number, so every stored quantity is small enough to be read back.
     */
    public static boolean isFigure(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.precision() <= MAX_DIGITS && s.scale() <= MAX_DIGITS && v.scale() <= MAX_DIGITS
                && v.abs().compareTo(LARGEST) < 0;
    }

    private static final BigDecimal LARGEST = BigDecimal.TEN.pow(MAX_DIGITS);

    /** The text being scanned: as written (for raw text), normalized (for reading) and its fixed-term spans. */
    private record Scan(String original, String text, List<int[]> fixed, List<Found> found) {
    }

    /** Full-width digits as half-width, and a full-width point between digits as "."; same length as the input. */
    private static String normalized(String text) {
        char[] out = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= '０' && out[i] <= '９') {
                out[i] = (char) (out[i] - '０' + '0');
                changed = true;
            }
        }
        for (int i = 1; i + 1 < out.length; i++) {
            if (out[i] == '．' && isAsciiDigit(out[i - 1]) && isAsciiDigit(out[i + 1])) {
                out[i] = '.';
                changed = true;
            }
        }
        return changed ? new String(out) : text;
    }

    private static int percentAt(Scan s, int at) {
        String text = s.text;
        int p = at + 3;
        int end;
        BigDecimal value;
        Matcher am = ARABIC.matcher(text).region(p, text.length());
        if (am.lookingAt()) {
            end = am.end();
            value = arabicValue(am.group());
        } else {
            end = chineseRunEnd(text, p);
            if (end == p) return at;
            Optional<BigDecimal> v = ChineseNumerals.count(text.substring(p, end));
            if (v.isEmpty()) return at;
            value = v.get();
        }
        int start = approxStart(text, at);
        boolean approx = start < at;
        for (String a : APPROX_AFTER) {
            if (text.startsWith(a, end)) {
                end += a.length();
                approx = true;
                break;
            }
        }
        s.found.add(new Found(start, end, new Quantity(s.original.substring(start, end), value, "%", approx)));
        return end;
    }

    private static int arabicAt(Scan s, int at) {
        String text = s.text;
        Matcher m = ARABIC.matcher(text).region(at, text.length());
        if (!m.lookingAt()) return at + 1;
        int end = m.end();
        String digits = m.group();
        char prev = at > 0 ? text.charAt(at - 1) : '\n';
        char next = end < text.length() ? text.charAt(end) : '\n';
        // "5G", "A4", "GB/T 9704": codes, not counts.
        if (isCode(text, at) || isAsciiLetter(next) || prev == '.') return end;
        if (FOUR_DIGITS.matcher(digits).matches() && isYear(text, at, end, Integer.parseInt(digits))) return end;
        if (isOrdinal(text, at, end)) return end;
        if (prev == '第') return end;
        BigDecimal value = arabicValue(digits);
        BigDecimal upper = null;
        int numberEnd = end;
        // "3至5次", "15-20人"; "0571-8888" is a telephone number, not a range.
        if (end + 1 < text.length() && RANGE_DASH.indexOf(next) >= 0 && !leadingZero(digits)) {
            Matcher u = ARABIC.matcher(text).region(end + 1, text.length());
            if (u.lookingAt() && !leadingZero(u.group()) && !isAsciiLetter(charAt(text, u.end()))) {
                BigDecimal high = arabicValue(u.group());
                if (high.compareTo(value) > 0) {
                    upper = high;
                    numberEnd = u.end();
                }
            }
        }
        Found q = withUnit(s, at, numberEnd, value, upper);
        if (insideFixedTerm(s.fixed, at, end, q.end)) return Math.max(end, numberEnd);
        s.found.add(q);
        return q.end;
    }

    private static int chineseAt(Scan s, int at) {
        String text = s.text;
        int end = chineseRunEnd(text, at);
        if (end == at) return at + 1;
        int valueEnd = end;
        // A trailing 万/亿 belongs to the unit ("三万人" → 3, 万人), see the class comment.
        while (valueEnd > at + 1 && "万亿".indexOf(text.charAt(valueEnd - 1)) >= 0) valueEnd--;
        String numeral = text.substring(at, valueEnd);
        if (numeral.equals("万") || numeral.equals("亿")) {
            // "万余元", "近万人": 1 万.
            numeral = "一";
            valueEnd = at;
        }
        int doubling = doublingAt(s, at, end);
        if (doubling > 0) return doubling;
        if (notACountBefore(text, at, numeral)) return end;
        if (isChineseYear(text, numeral, end)) return end;
        if (isOrdinal(text, at, end)) return end;
        // 一是、二是 …: the genre's item markers.
        if (end < text.length() && text.charAt(end) == '是' && numeral.length() <= 2) return end;
        // Counts are never read digit by digit: "七一", "五四", "一二九" are names, "三四次" a range left as written.
        boolean onlyDigits = numeral.chars().allMatch(ch -> DIGITS.indexOf(ch) >= 0);
        if (onlyDigits && numeral.length() > 1) return end;
        Optional<BigDecimal> value = chineseValue(text.substring(at, end), numeral);
        if (value.isEmpty()) return end;
        BigDecimal upper = null;
        int numberEnd = valueEnd;
        if (valueEnd == end && end + 1 < text.length() && RANGE_DASH.indexOf(text.charAt(end)) >= 0) {
            // "三至五次", "三到五万元" (both ends in 万).
            int highEnd = chineseRunEnd(text, end + 1);
            while (highEnd > end + 2 && "万亿".indexOf(text.charAt(highEnd - 1)) >= 0) highEnd--;
            Optional<BigDecimal> high = highEnd > end + 1
                    ? ChineseNumerals.count(text.substring(end + 1, highEnd)) : Optional.empty();
            if (high.isPresent() && high.get().compareTo(value.get()) > 0) {
                upper = high.get();
                numberEnd = highEnd;
            }
        }
        Found q = withUnit(s, at, numberEnd, value.get(), upper);
        if (insideFixedTerm(s.fixed, at, end, q.end)) return end;
        // "一天都没断过货", "一分钱也没收": not a single one, said for emphasis — never the figure 1
        if (numeral.equals("一") && upper == null && !q.quantity.unit().isEmpty()
                && NOT_EVEN_ONE.matcher(text).region(q.end, text.length()).lookingAt()) {
            return end;
        }
        // A lone Chinese digit with no unit is a word, not a number ("一心", "三思", "百姓").
        if (q.quantity.unit().isEmpty() && !q.quantity.approx() && numeral.length() == 1 && upper == null) return end;
        s.found.add(q);
        return Math.max(q.end, end);
    }

    /** A Latin letter typed for 万 after digits: "27.5w", "8w多", "10W+". */
    private static final Pattern LATIN_WAN = Pattern.compile("(?<=[0-9])[wW](?![A-Za-z])");

    /** The text with 万 where the writer typed "w" for it: "粉丝涨到了27.5w" → "粉丝涨到了27.5万". */
    public static String withChineseMultipliers(String text) {
        return text == null ? null : LATIN_WAN.matcher(text).replaceAll("万");
    }

    /** "三千五百" 3500; "三亿六千八百" before 万 is 36800 (万), not 300006800. */
    private static Optional<BigDecimal> chineseValue(String run, String numeral) {
        if (numeral.contains("亿") && run.endsWith("万") && !run.contains("点")) {
            return ChineseNumerals.count(run).map(v -> v.divide(multiplier('万')));
        }
        return ChineseNumerals.count(numeral);
    }

    /** "翻一番", "翻了两番": a doubling count, unit 番. Returns where it ends, or 0 when this is not one. */
    private static int doublingAt(Scan s, int at, int end) {
        String text = s.text;
        int start = at > 0 && text.charAt(at - 1) == '翻' ? at - 1
                : at > 1 && text.charAt(at - 1) == '了' && text.charAt(at - 2) == '翻' ? at - 2 : -1;
        if (start < 0 || end >= text.length() || text.charAt(end) != '番') return 0;
        Optional<BigDecimal> v = ChineseNumerals.count(text.substring(at, end));
        if (v.isEmpty()) return 0;
        s.found.add(new Found(start, end + 1, new Quantity(s.original.substring(start, end + 1), v.get(), "番", false)));
        return end + 1;
    }

    /** Reads 万/亿, 余/多/几, the unit, 左右/以上/以下 after a number. */
    private static Found withUnit(Scan s, int start, int numberEnd, BigDecimal value, BigDecimal upper) {
        String text = s.text;
        int p = numberEnd;
        String wan = "";
        boolean approx = false;
        // "5.4个亿", "两个亿": 个 before 亿 or 万 is speech for the amount itself
        // ("2个亿元以上项目" counts projects: 个 before 亿元 stays a measure word)
        if ((text.startsWith("个亿", p) || text.startsWith("个万", p)) && !text.startsWith("元", p + 2)
                && !text.startsWith("个万人", p)) p++;
        if (p < text.length() && "万亿".indexOf(text.charAt(p)) >= 0) {
            wan = String.valueOf(text.charAt(p));
            p++;
            // "3亿6800万元": the 亿 and the 万 of one amount.
            Matcher w = WAN_AFTER_YI.matcher(text).region(p, text.length());
            if (wan.equals("亿") && upper == null && value.stripTrailingZeros().scale() <= 0 && w.lookingAt()) {
                value = value.multiply(multiplier('万')).add(new BigDecimal(w.group()));
                wan = "万";
                p = w.end() + 1;
            }
        }
        // "860来万", "三十来个": 来 is 余 when an amount or a unit follows it
        final int at = p;
        boolean lai = at + 1 < text.length() && text.charAt(at) == '来'
                && ("万亿".indexOf(text.charAt(at + 1)) >= 0 || UNITS.stream().anyMatch(u -> text.startsWith(u, at + 1)));
        if (p < text.length() && ("余多几".indexOf(text.charAt(p)) >= 0 || lai) && !text.startsWith("多元", p)) {
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
                if (text.startsWith(u, p) && fits(u, text, p, wan, value, upper)) {
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
        if (!unit.isEmpty()) {
            for (String a : APPROX_AFTER) {
                if (text.startsWith(a, p)) {
                    approx = true;
                    p += a.length();
                    break;
                }
            }
        }
        int from = approxStart(text, start);
        if (from < start) approx = true;
        return new Found(from, p, new Quantity(s.original.substring(from, p), value, unit, approx, upper));
    }

    /** 成 counts tenths (两成, 8成) and is no unit after 万 or in 成员, 成立, 成为 …. */
    private static boolean fits(String unit, String text, int at, String wan, BigDecimal value, BigDecimal upper) {
        if (!unit.equals("成")) return true;
        BigDecimal most = upper == null ? value : upper;
        char next = charAt(text, at + 1);
        return wan.isEmpty() && most.compareTo(BigDecimal.TEN) <= 0 && NOT_AFTER_CHENG.indexOf(next) < 0;
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

    /** 万 or 亿 opening a number: "万余元", "近万人", "逾亿元" (not "万众", "万家灯火"). */
    private static boolean isLoneWanStart(String text, int at) {
        char c = text.charAt(at);
        if (c != '万' && c != '亿') return false;
        if (at > 0 && CHINESE_BODY.indexOf(text.charAt(at - 1)) >= 0) return false;
        char next = charAt(text, at + 1);
        return next == '余' || next == '多' || approxStart(text, at) < at;
    }

    /** "零点八五天": a Chinese decimal below one (a lone 零 is no count). */
    private static boolean isZeroPointStart(String text, int at) {
        return text.charAt(at) == '零' && charAt(text, at + 1) == '点' && DIGITS.indexOf(charAt(text, at + 2)) >= 0
                && (at == 0 || CHINESE_BODY.indexOf(text.charAt(at - 1)) < 0);
    }

    private static int chineseRunEnd(String text, int at) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (CHINESE_BODY.indexOf(c) >= 0) {
                i++;
            } else if (c == '点' && i > at && i + 1 < text.length() && DIGITS.indexOf(text.charAt(i + 1)) >= 0
                    && text.indexOf('点', at) == i) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static final Pattern NOT_EVEN_ONE = Pattern.compile("(?:都|也)(?:没|不|未|无)");
    private static final Pattern NEGATION_BEFORE_ONE = Pattern.compile("(?:没有|没|无|未有|未)$");

    /** 第一 (ordinal), 其一, 每一名 (distributive), 数十 / 几百 (vague), 没有一件 (none): not counts. */
    private static boolean notACountBefore(String text, int at, String numeral) {
        if (at == 0) return false;
        char prev = text.charAt(at - 1);
        if (prev == '第' || prev == '其' || prev == '几') return true;
        if (prev == '每' && numeral.equals("一")) return true;
        // "没有一件超期", "无一例", "未有一人": not a single one — a zero, said the spoken way; never the figure 1.
        if (numeral.equals("一") && NEGATION_BEFORE_ONE.matcher(text.substring(Math.max(0, at - 2), at)).find()) {
            return true;
        }
        if (prev == '数') return at < 2 || COUNT_NOUNS.indexOf(text.charAt(at - 2)) < 0;
        return false;
    }

    private static boolean isYear(String text, int start, int end, int fourDigits) {
        if (fourDigits < 1900 || fourDigits > 2100) return false;
        if (text.startsWith("年", end)) return true;
        // The second year of "2025-2026学年".
        int b = start - 1;
        while (b >= 0 && text.charAt(b) == ' ') b--;
        if (b >= 4 && YEAR_RANGE_DASH.indexOf(text.charAt(b)) >= 0) {
            b--;
            while (b >= 3 && text.charAt(b) == ' ') b--;
            if (b >= 3 && FOUR_DIGITS.matcher(text).region(b - 3, b + 1).matches()
                    && (b < 4 || !isAsciiDigit(text.charAt(b - 4)))) {
                return true;
            }
        }
        int p = end;
        while (p < text.length() && text.charAt(p) == ' ') p++;
        if (p < text.length() && YEAR_RANGE_DASH.indexOf(text.charAt(p)) >= 0) {
            p++;
            while (p < text.length() && text.charAt(p) == ' ') p++;
            return FOUR_DIGITS.matcher(text).region(p, text.length()).lookingAt();
        }
        return false;
    }

    private static boolean isChineseYear(String text, String numeral, int end) {
        boolean digitsOnly = numeral.chars().allMatch(ch -> DIGITS.indexOf(ch) >= 0);
        if (!digitsOnly || numeral.length() < 2) return false;
        if (text.startsWith("年", end)) return true;
        return ChineseNumerals.year(numeral).isPresent();
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

    /**
     * A numeral [start, numeralEnd) whose quantity ends at {@code end} is part of a fixed term when the term holds the
     * numeral and does not end inside the unit: "一次" in "最多跑一次", "上百" in "上百人", but not "一个" in
     * "一个月".
     */
    private static boolean insideFixedTerm(List<int[]> spans, int start, int numeralEnd, int end) {
        for (int[] s : spans) {
            if (s[0] <= start && numeralEnd <= s[1] && !(numeralEnd < s[1] && s[1] < end)) return true;
        }
        return false;
    }

    private static boolean coveredBy(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (s[0] <= start && end <= s[1]) return true;
        }
        return false;
    }

    private List<int[]> fixedTermSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        for (String term : fixedTerms) {
            int at = text.indexOf(term);
            while (at >= 0) {
                spans.add(new int[]{at, at + term.length()});
                at = text.indexOf(term, at + 1);
            }
        }
        // "“一人所”", "“两个确立”": a short quoted name in Chinese numerals is a name, its numerals no count
        Matcher quoted = QUOTED_NAME.matcher(text);
        while (quoted.find()) spans.add(new int[]{quoted.start(), quoted.end()});
        return spans;
    }

    /** A quoted name of up to twelve characters with no Arabic digit in it. */
    private static final Pattern QUOTED_NAME = Pattern.compile("“[^“”0-9]{1,12}”");

    private static boolean leadingZero(String digits) {
        return digits.length() > 1 && digits.charAt(0) == '0' && digits.charAt(1) != '.';
    }

    private static BigDecimal arabicValue(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }

    private static BigDecimal multiplier(char c) {
        return switch (c) {
            case '十' -> BigDecimal.TEN;
            case '百' -> BigDecimal.valueOf(100);
            case '千' -> BigDecimal.valueOf(1000);
            case '万' -> BigDecimal.valueOf(10_000);
            case '亿' -> BigDecimal.valueOf(100_000_000);
            default -> BigDecimal.ONE;
        };
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** The writer's range mark ("至", "到", "-", "~"), found in the raw text. */
    private static String rangeDash(String raw) {
        for (int i = 1; i < raw.length(); i++) {
            if (RANGE_DASH.indexOf(raw.charAt(i)) >= 0) return String.valueOf(raw.charAt(i));
        }
        return "至";
    }

    private static char charAt(String text, int at) {
        return at >= 0 && at < text.length() ? text.charAt(at) : '\n';
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

    /** The fixed terms whose numerals are not counts ("两个维护", "三会一课"), in the file's order. */
    List<String> fixedTerms() {
        return fixedTerms;
    }

    /** The terms of a fixed-terms file: one a line, "#" comments and blank lines left out, each once. */
    static List<String> parseTerms(String content) {
        return content.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
    }
}
