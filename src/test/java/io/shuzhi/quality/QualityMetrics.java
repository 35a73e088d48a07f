package io.shuzhi.quality;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quality benchmark's checks, as plain functions of texts. Written independently of the product (no
 * NumberParser, no RuleExtractor), so a bug there shows up here instead of being repeated.
 */
final class QualityMetrics {
    private QualityMetrics() {}

    // ---------------------------------------------------------------- normalising

    private static final Pattern THOUSANDS = Pattern.compile("(?<![\\d.])\\d{1,3}(?:,\\d{3})+(?![\\d])");
    private static final Pattern PLACEHOLDER = Pattern.compile("【[^】]*】");

    /** Full-width digits and signs to half-width, thousands separators dropped ("１，２６０" → "1260"). */
    static String normalize(String s) {
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') out.append((char) ('0' + (c - '０')));
            else if (c == '．') out.append('.');
            else if (c == '％') out.append('%');
            else out.append(c);
        }
        String t = out.toString();
        // "1，260" (full-width comma between digit groups) is a thousands separator too.
        t = t.replaceAll("(?<=\\d)，(?=\\d{3}(?!\\d))", ",");
        Matcher m = THOUSANDS.matcher(t);
        var sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, m.group().replace(",", ""));
        m.appendTail(sb);
        return sb.toString();
    }

    static String stripPlaceholders(String s) {
        return PLACEHOLDER.matcher(s).replaceAll("");
    }

    /** Characters without whitespace. */
    static int length(String draft) {
        return (int) draft.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000').count();
    }

    /** How many 【待补充…】 placeholders the draft still has. */
    static int placeholders(String draft) {
        int n = 0;
        for (int i = draft.indexOf("【待补充"); i >= 0; i = draft.indexOf("【待补充", i + 1)) n++;
        return n;
    }

    // ---------------------------------------------------------------- figures

    static final String CN_DIGITS = "零〇一二两三四五六七八九十百千万亿";

    /**
     * Whether {@code text} holds the figure or one of its "|" alternatives, after normalising both. A figure matches
     * only at a number boundary: "2次" is not in "12次", "三名" is not in "十三名".
     */
    static boolean containsFigure(String text, String alternatives) {
        String t = normalize(text);
        for (String alt : alternatives.split("\\|")) {
            String f = normalize(alt.strip());
            if (f.isEmpty()) continue;
            for (int i = t.indexOf(f); i >= 0; i = t.indexOf(f, i + 1)) {
                if (i == 0) return true;
                char before = t.charAt(i - 1);
                char first = f.charAt(0);
                boolean digitClash = Character.isDigit(first) && (Character.isDigit(before) || before == '.');
                boolean cnClash = CN_DIGITS.indexOf(first) >= 0 && CN_DIGITS.indexOf(before) >= 0;
                if (!digitClash && !cnClash) return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- numbers

    /** A number in the draft that no writer message gave, with the sentence it stands in. */
    record NumberHit(String number, String sentence) {}

    /** Measure words a Chinese numeral must be followed by to count as a quantity (longest first). */
    static final List<String> MEASURES = List.of("个工作日", "工作日", "人次", "场次", "批次", "课时", "小时", "分钟",
            "公里", "万元", "亿元", "立方米", "次", "个", "名", "人", "位", "项", "件", "份", "篇", "册", "本", "期", "场",
            "支", "条", "户", "家", "所", "处", "轮", "类", "批", "座", "部", "台", "例", "节", "起", "块", "张", "辆",
            "亩", "米", "元", "天", "日", "周", "月", "年", "岁", "成", "倍", "遍", "趟", "届", "折", "吨", "套", "棵");

    private static final Pattern ARABIC = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?");
    private static final Pattern CHINESE = Pattern.compile("[" + CN_DIGITS + "]+");
    private static final BigDecimal WAN = new BigDecimal("10000");
    private static final BigDecimal YI = new BigDecimal("100000000");

    /**
     * Numbers in the draft — Arabic ones, and Chinese numerals followed by a measure word — whose value appears in no
     * writer message and is not the report year. Placeholders are ignored; numerals inside fixed terms (三会一课) and
     * ordinals (第一, 一是, （一）) are not numbers. Values are compared loosely: "3.68亿元" matches a writer's
     * "3亿6800万元", "90%" a writer's "九成", "12次" a writer's "十二次".
     */
    static List<NumberHit> inventedNumbers(String draft, Collection<String> writerTexts, int year,
                                           Collection<String> fixedTerms) {
        Set<BigDecimal> given = new LinkedHashSet<>();
        for (String w : writerTexts) given.addAll(allValues(mask(normalize(w), fixedTerms)));
        given.add(BigDecimal.valueOf(year));

        String text = mask(normalize(stripPlaceholders(draft)), fixedTerms);
        List<NumberHit> hits = new ArrayList<>();
        for (Found f : findNumbers(text, true)) {
            if (f.values.stream().noneMatch(given::contains)) hits.add(new NumberHit(f.raw, sentenceAt(text, f.start)));
        }
        return hits;
    }

    private record Found(String raw, int start, Set<BigDecimal> values) {}

    private static Set<BigDecimal> allValues(String text) {
        Set<BigDecimal> out = new LinkedHashSet<>();
        for (Found f : findNumbers(text, false)) out.addAll(f.values);
        return out;
    }

    /**
     * Every number in {@code text} with its possible values (the value as written, times 万/亿 when one follows, a
     * "3亿6800万" composite, ×10 for 成). With {@code quantitiesOnly}, a Chinese numeral counts only when a measure
     * word follows and no 第 precedes it.
     */
    private static List<Found> findNumbers(String text, boolean quantitiesOnly) {
        List<Found> out = new ArrayList<>();
        Matcher a = ARABIC.matcher(text);
        while (a.find()) {
            BigDecimal v = new BigDecimal(a.group());
            Set<BigDecimal> values = scaled(v, text, a.end());
            // 3亿6800万: the second number completes the first.
            String after = text.substring(a.end());
            Matcher next = Pattern.compile("^([万亿])(\\d+(?:\\.\\d+)?)([万])?").matcher(after);
            if (next.find()) {
                BigDecimal high = v.multiply(next.group(1).equals("亿") ? YI : WAN);
                BigDecimal low = new BigDecimal(next.group(2));
                if (next.group(3) != null) low = low.multiply(WAN);
                values.add(strip(high.add(low)));
            }
            out.add(new Found(a.group(), a.start(), values));
        }
        Matcher c = CHINESE.matcher(text);
        while (c.find()) {
            int s = c.start();
            char before = s > 0 ? text.charAt(s - 1) : ' ';
            if (Character.isDigit(before) || before == '.') continue; // the 万 of "12.8万元"
            String run = c.group();
            BigDecimal v = chineseValue(run);
            if (v == null) continue;
            if (quantitiesOnly) {
                if (before == '第' || before == '初') continue;
                // "下一年", "上一年": next and last, not a count
                if ((before == '下' || before == '上') && run.equals("一")) continue;
                String rest = text.substring(c.end());
                if (!rest.isEmpty() && "多余几".indexOf(rest.charAt(0)) >= 0) rest = rest.substring(1);
                final String r = rest;
                if (MEASURES.stream().noneMatch(r::startsWith)) continue;
            }
            out.add(new Found(run, s, scaled(v, text, c.end())));
        }
        out.sort(Comparator.comparingInt(Found::start));
        return out;
    }

    private static Set<BigDecimal> scaled(BigDecimal v, String text, int end) {
        Set<BigDecimal> values = new LinkedHashSet<>();
        values.add(strip(v));
        char next = end < text.length() ? text.charAt(end) : ' ';
        if (next == '万') values.add(strip(v.multiply(WAN)));
        if (next == '亿') values.add(strip(v.multiply(YI)));
        if (next == '成') values.add(strip(v.multiply(BigDecimal.TEN)));
        return values;
    }

    private static BigDecimal strip(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The value of a Chinese numeral ("三十" 30, "一万二千" 12000, "二〇二六" 2026, "两" 2); null if none. */
    static BigDecimal chineseValue(String run) {
        boolean units = run.chars().anyMatch(ch -> "十百千万亿".indexOf(ch) >= 0);
        if (!units) {
            var digits = new StringBuilder();
            for (char ch : run.toCharArray()) digits.append(digit(ch));
            return strip(new BigDecimal(digits.toString()));
        }
        BigDecimal total = BigDecimal.ZERO;
        long section = 0;
        long number = 0;
        for (char ch : run.toCharArray()) {
            int d = digit(ch);
            if (d >= 0) {
                number = d;
            } else if (ch == '十' || ch == '百' || ch == '千') {
                long unit = ch == '十' ? 10 : ch == '百' ? 100 : 1000;
                section += (number == 0 ? 1 : number) * unit;
                number = 0;
            } else if (ch == '万') {
                long part = section + number;
                total = total.add(BigDecimal.valueOf(part == 0 && total.signum() == 0 ? 1 : part).multiply(WAN));
                section = 0;
                number = 0;
            } else if (ch == '亿') {
                BigDecimal part = total.add(BigDecimal.valueOf(section + number));
                total = (part.signum() == 0 ? BigDecimal.ONE : part).multiply(YI);
                section = 0;
                number = 0;
            }
        }
        return strip(total.add(BigDecimal.valueOf(section + number)));
    }

    private static int digit(char ch) {
        return switch (ch) {
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
     * Replaces each fixed term by as many □ (longest terms first), so its numerals are not read as numbers — except
     * where the term is part of a longer numeral ("万一" inside "一万一千", "千万" inside "三千万").
     */
    static String mask(String text, Collection<String> fixedTerms) {
        List<String> terms = fixedTerms.stream().filter(t -> !t.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        var out = new StringBuilder(text);
        for (String t : terms) {
            for (int i = out.indexOf(t); i >= 0; i = out.indexOf(t, i + 1)) {
                int end = i + t.length();
                boolean runsOnBefore = isNumeral(t.charAt(0)) && i > 0 && isNumeral(out.charAt(i - 1));
                boolean runsOnAfter = isNumeral(t.charAt(t.length() - 1)) && end < out.length() && isNumeral(out.charAt(end));
                if (runsOnBefore || runsOnAfter) continue;
                out.replace(i, end, "□".repeat(t.length()));
            }
        }
        return out.toString();
    }

    private static boolean isNumeral(char c) {
        return CN_DIGITS.indexOf(c) >= 0 || Character.isDigit(c);
    }

    private static String sentenceAt(String text, int at) {
        int s = at;
        while (s > 0 && "。；！？\n".indexOf(text.charAt(s - 1)) < 0) s--;
        int e = at;
        while (e < text.length() && "。；！？\n".indexOf(text.charAt(e)) < 0) e++;
        String sentence = text.substring(s, Math.min(text.length(), e + 1)).strip();
        return sentence.length() > 120 ? sentence.substring(0, 120) + "…" : sentence;
    }

    // ---------------------------------------------------------------- points

    enum Placement { RIGHT, WRONG_PART, NOWHERE }

    /** Where a point was found: in its part or not; {@code sectionRight} is null when no section was expected. */
    record PointResult(Placement placement, Boolean sectionRight, List<Integer> partsFound) {}

    /**
     * A point is in the right part when every one of its words ("a|b": either) is in the text of the expected part
     * (and, if a section is given, {@code sectionRight} says whether they are all in that section). Otherwise it is in
     * a wrong part when all its words are in some other part, else nowhere. Placeholders do not count as text.
     *
     * @param partTexts   part number → text of the part (its heading, sections and items)
     * @param sectionTexts "part.section" → text of that section
     */
    static PointResult placePoint(Map<Integer, String> partTexts, Map<String, String> sectionTexts,
                                  List<String> words, int part, Integer section) {
        List<Integer> found = new ArrayList<>();
        for (var e : partTexts.entrySet()) if (hasAll(stripPlaceholders(e.getValue()), words)) found.add(e.getKey());
        Placement p = found.contains(part) ? Placement.RIGHT : found.isEmpty() ? Placement.NOWHERE : Placement.WRONG_PART;
        Boolean sectionRight = null;
        if (section != null) {
            String s = sectionTexts.getOrDefault(part + "." + section, "");
            sectionRight = p == Placement.RIGHT && hasAll(stripPlaceholders(s), words);
        }
        return new PointResult(p, sectionRight, found);
    }

    static boolean hasAll(String text, List<String> words) {
        for (String w : words) {
            boolean any = false;
            for (String alt : w.split("\\|")) if (!alt.isBlank() && text.contains(alt.strip())) any = true;
            if (!any) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- chat words

    /** A colloquial word; {@code kinds} empty = every kind. */
    record ChatWord(String word, Set<String> kinds) {
        boolean appliesTo(String kind) {
            return kinds.isEmpty() || kinds.contains(kind);
        }
    }

    record ChatHit(String word, String sentence) {}

    /**
     * Chat words of the kind in the draft, as whole words: the word must be exactly a run of consecutive HanLP tokens
     * of a sentence ("吧" is not found in "酒吧", "前面提过" is found as 前面/提/过). Each place counts once: a word
     * inside a longer hit at the same place ("搞" inside "搞了") is not counted again.
     */
    static List<ChatHit> chatWords(String draft, Collection<ChatWord> words, String kind) {
        List<ChatHit> hits = new ArrayList<>();
        for (String sentence : draft.split("(?<=[。；！？\n])")) {
            if (sentence.isBlank()) continue;
            List<String> tokens = null;
            List<int[]> spans = new ArrayList<>(); // {from, to (exclusive), index into found}
            List<String> found = new ArrayList<>();
            for (ChatWord w : words) {
                if (!w.appliesTo(kind) || !sentence.contains(w.word())) continue;
                if (tokens == null) {
                    tokens = new ArrayList<>();
                    for (Term t : HanLP.segment(sentence)) tokens.add(t.word);
                }
                for (int[] span : tokenSpans(tokens, w.word())) {
                    spans.add(new int[] {span[0], span[1], found.size()});
                    found.add(w.word());
                }
            }
            for (int[] a : spans) {
                boolean inside = false;
                for (int[] b : spans) {
                    if (a == b) continue;
                    boolean covers = b[0] <= a[0] && a[1] <= b[1];
                    boolean larger = (b[1] - b[0]) > (a[1] - a[0]) || found.get(b[2]).length() > found.get(a[2]).length()
                            || (b[0] == a[0] && b[1] == a[1] && b[2] < a[2]);
                    if (covers && larger) inside = true;
                }
                if (!inside) hits.add(new ChatHit(found.get(a[2]), sentence.strip()));
            }
        }
        return hits;
    }

    /** Token index ranges [from, to) whose tokens joined are exactly {@code word}. */
    private static List<int[]> tokenSpans(List<String> tokens, String word) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            var joined = new StringBuilder();
            for (int j = i; j < tokens.size() && joined.length() < word.length(); j++) {
                joined.append(tokens.get(j));
                if (joined.toString().equals(word)) out.add(new int[] {i, j + 1});
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- noise, quotes, fixed terms, 提法

    /**
     * The noise strings (a writer's question, wish or aside) found in {@code haystack} — the facts and the draft.
     * Punctuation and spaces are ignored; a noise string counts as found when any run of six of its characters (or
     * the whole of a shorter one) is there.
     */
    static List<String> noiseFound(Collection<String> noise, String haystack) {
        String h = bare(haystack);
        List<String> found = new ArrayList<>();
        for (String n : noise) {
            String b = bare(n);
            if (b.isEmpty()) continue;
            int w = Math.min(6, b.length());
            for (int i = 0; i + w <= b.length(); i++) {
                if (h.contains(b.substring(i, i + w))) {
                    found.add(n);
                    break;
                }
            }
        }
        return found;
    }

    private static String bare(String s) {
        return s.replaceAll("[\\p{P}\\p{S}\\s]", "");
    }

    /** Paragraphs where “ and ”, 《 and 》, ‘ and ’ do not pair up (shortened for the report). */
    static List<String> unbalancedQuotes(String draft) {
        List<String> out = new ArrayList<>();
        for (String para : draft.split("\n")) {
            if (count(para, '“') != count(para, '”') || count(para, '《') != count(para, '》')
                    || count(para, '‘') != count(para, '’') || count(para, '"') % 2 != 0) {
                out.add(para.length() > 80 ? para.substring(0, 80) + "…" : para);
            }
        }
        return out;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /**
     * Fixed terms the writer used whose numerals the draft turned into digits ("最多跑1次", "三会1课", "14五").
     * Returns "term → as written in the draft".
     */
    static List<String> fixedTermsAltered(String draft, String writerText, Collection<String> fixedTerms) {
        String d = normalize(draft);
        List<String> out = new ArrayList<>();
        List<String[]> hits = new ArrayList<>();
        for (String term : fixedTerms) {
            if (!standsAlone(writerText, term, CN_DIGITS) || term.chars().noneMatch(ch -> CN_DIGITS.indexOf(ch) >= 0)) continue;
            // "21个" is not "一个" altered: a variant counts only where no other digit runs into it.
            for (String v : digitVariants(term)) if (standsAlone(d, v, "0123456789.")) hits.add(new String[] {term, v});
        }
        // "1件事" inside "1件事1次办" is one alteration, not two.
        for (String[] h : hits) {
            boolean inside = hits.stream().anyMatch(o -> o != h && o[1].length() > h[1].length() && o[1].contains(h[1]));
            if (!inside) out.add(h[0] + " → " + h[1]);
        }
        return out;
    }

    /** Whether {@code what} occurs in {@code text} with no character of {@code digits} right before it. */
    static boolean standsAlone(String text, String what, String digits) {
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            if (at == 0 || digits.indexOf(text.charAt(at - 1)) < 0) return true;
        }
        return false;
    }

    /** Every way of writing some of a term's numerals as digits: 三会一课 → 3会1课, 3会一课, 三会1课. */
    static List<String> digitVariants(String term) {
        // Split the term into numeral pieces (longest valid numeral first) and other text.
        List<String> pieces = new ArrayList<>();
        List<Boolean> numeral = new ArrayList<>();
        int i = 0;
        while (i < term.length()) {
            if (CN_DIGITS.indexOf(term.charAt(i)) >= 0) {
                int end = i + 1;
                while (end < term.length() && CN_DIGITS.indexOf(term.charAt(end)) >= 0) end++;
                int best = i + 1;
                for (int e = end; e > i; e--) if (validNumeral(term.substring(i, e))) { best = e; break; }
                pieces.add(term.substring(i, best));
                numeral.add(true);
                i = best;
            } else {
                int end = i + 1;
                while (end < term.length() && CN_DIGITS.indexOf(term.charAt(end)) < 0) end++;
                pieces.add(term.substring(i, end));
                numeral.add(false);
                i = end;
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) if (numeral.get(k)) idx.add(k);
        List<String> out = new ArrayList<>();
        for (int mask = 1; mask < (1 << idx.size()); mask++) {
            var sb = new StringBuilder();
            for (int k = 0; k < pieces.size(); k++) {
                int pos = idx.indexOf(k);
                if (pos >= 0 && (mask & (1 << pos)) != 0) sb.append(chineseValue(pieces.get(k)).toPlainString());
                else sb.append(pieces.get(k));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static final Pattern VALID_NUMERAL = Pattern.compile(
            "^(?:[一二两三四五六七八九]千)?(?:零?[一二两三四五六七八九]百)?(?:零?[一二三四五六七八九]?十)?(?:零?[一二两三四五六七八九])?$");

    private static boolean validNumeral(String s) {
        return !s.isEmpty() && VALID_NUMERAL.matcher(s).matches();
    }

    /** A 提法 and the report years it belongs to. */
    record Campaign(String term, int from, int to) {}

    /** 提法 in the draft that belong to other report years than {@code year} (quotation marks ignored). */
    static List<String> otherYearTerms(String draft, int year, Collection<Campaign> campaigns) {
        String d = unquote(draft);
        List<String> out = new ArrayList<>();
        for (Campaign c : campaigns) {
            if ((year < c.from() || year > c.to()) && d.contains(unquote(c.term()))) {
                out.add(c.term() + "（" + c.from() + (c.to() != c.from() ? "–" + c.to() : "") + "）");
            }
        }
        return out;
    }

    private static String unquote(String s) {
        return s.replaceAll("[“”\"‘’「」]", "");
    }

    // ---------------------------------------------------------------- spoken phrasing

    /** The kinds of spoken phrasing counted, in the order the report lists them. */
    static final List<String> SPOKEN_KINDS = List.of("bare label", "thousands separator", "people counted with 个",
            "demonstrative of speech", "没有一个", "就是 between nouns", "要 + verb plan", "clause ending in 的", "是个",
            "discourse opener", "numeral inside a word", "均 read with the word before", "本人 for another's 自己",
            "spoken verb", "clause ending in 了", "verb repeated after its object", "topic marked with 上 + 是",
            "clause opening with 是", "clause ending in a one-character verb", "spoken adverb or phrase", "spoken noun");

    /** A spoken pattern in a draft: its kind (one of {@link #SPOKEN_KINDS}), the words matched, the sentence. */
    record SpokenHit(String kind, String text, String sentence) {}

    private static final Pattern HEADING = Pattern.compile(
            "^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\\d+[.．])");
    private static final Pattern ORDINAL_LEAD = Pattern.compile(
            "^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]?|首先|其次|再次|最后)");
    private static final Pattern THOUSANDS_IN_TEXT = Pattern.compile("(?<![\\d.])\\d{1,3}(?:,\\d{3})+(?![\\d])");
    private static final Pattern DEMONSTRATIVE = Pattern.compile("(?:那场|那次|那回|那阵|那会|那个|这个)(?=\\p{IsHan})");
    private static final Pattern NONE_ONE = Pattern.compile("没有[一1](?:个|名|起|例|件|位|人)");
    private static final Pattern MODAL_AT_END = Pattern.compile(
            "要(?:建成|建起来|建好|搞|弄|抓起来|做起来|推开|铺开|补上|跟上|落实下去|完成|落实|到位)(?:起来|好|完|了)?$");
    private static final Pattern MODAL_COLLOQUIAL = Pattern.compile("要(?:搞|弄)");
    private static final Pattern IS_A = Pattern.compile("是个(?=\\p{IsHan})");
    /** "主要是这几块，…", "主要干了几块": an announcement of what follows, pasted into the sentence. */
    private static final Pattern OPENER = Pattern.compile("(?:这么?|那)几(?:块|个方面|件事)|干了几块|干的事");
    /** 搞上去/开展上去, 建个/搞个, "到…去1次", "插手…的事": verbs of speech a report does not use. */
    private static final Pattern SPOKEN_VERB = Pattern.compile(
            "(?:搞|弄|开展|抓)上去|(?:建|搞|弄|整)(?:个|一个)(?=\\p{IsHan})|去了?[\\d一二两三四五六七八九十几]+(?:次|趟|回)|的事(?:情)?$");
    /** A clause that starts with a verb and its directional complement: "管起来农村集体聚餐方面". */
    private static final Pattern VERB_FIRST_COMPLEMENT = Pattern.compile("^(?:管|抓|搞|弄|做|建|干)(?:起来|上去|下去)\\p{IsHan}");
    /** Someone other than the writer as the subject of 觉得/认为, then 本人 later in the sentence. */
    private static final Pattern OTHERS_SELF = Pattern.compile("(?<!本人|我)(?:觉得|认为|以为|感觉|觉着)[^。；]*本人");
    /** 天天, 那段时间, 按要求来, "被动学的多": adverbs and phrases of speech a report says otherwise. */
    private static final Pattern SPOKEN_ADVERB = Pattern.compile(
            "天天|老是|还行|凑合|那段时间|那阵子?|这阵子|按要求来|[咋啥]|(?<=\\p{IsHan})的(?:多|少)$");
    /** 大项目, 大头, 科室的人, 局里人: nouns of speech. */
    private static final Pattern SPOKEN_NOUN = Pattern.compile(
            "大项目|大头|大活|(?:科室|股室|单位|局里|所里|队里|村里|院里|厂里)的?人(?![员才民口数均次])");
    /** Nouns of people: a count of them takes 名/人, not 个. */
    static final Set<String> PEOPLE = Set.of("人", "党员", "干部", "民警", "辅警", "职工", "员工", "老师", "教师", "医生",
            "护士", "同志", "村民", "居民", "学生", "群众", "积极分子", "人员", "村干部", "党员干部", "工作人员", "委员",
            "支委", "预备党员", "骨干", "代表", "志愿者", "党支部书记", "书记", "职员", "工人");

    /**
     * Spoken phrasing left in a draft, by kind. Headings (一、, （一）…'s first sentence) and placeholders are not read.
     * <ul>
     * <li>bare label: a clause of only a noun phrase of one or two HanLP words (every word a noun, a verbal or
     * adjectival noun, or 方面), with no figure, followed by another clause in the same sentence ("产业，引进…",
     * "监督方面，…"); an item's ordinal (一是, 第一) is not part of the clause;</li>
     * <li>thousands separator in running Chinese text ("4,200亩");</li>
     * <li>people counted with 个: a numeral + 个 + a noun of people ("两个人"), or such a noun, a numeral and 个 ending
     * the clause ("发展党员2个");</li>
     * <li>demonstrative of speech before a word: 那场/那次/那个/这个…("七月那场暴雨");</li>
     * <li>没有一个/没有1名 … (a report says 零 …);</li>
     * <li>就是 between two content words ("理论学习就是党委中心组");</li>
     * <li>要 + verb ending a clause, the plan said object first ("…制度要建成"), or 要搞/要弄 anywhere;</li>
     * <li>a clause ending in a bare 的 ("三级教育有走过场的", "均为按要求开的");</li>
     * <li>是个 + word ("是个年轻的数学老师").</li>
     * </ul>
     */
    static List<SpokenHit> spokenPhrasing(String draft) {
        List<SpokenHit> hits = new ArrayList<>();
        for (String para : stripPlaceholders(draft).split("\n")) {
            String p = para.strip();
            if (p.isEmpty()) continue;
            List<String> sentences = new ArrayList<>(List.of(p.split("(?<=[。；！？])")));
            if (HEADING.matcher(p).find()) sentences.remove(0); // a heading line or a run-in heading sentence
            for (String sentence : sentences) {
                String s = sentence.strip();
                if (s.isEmpty()) continue;
                spokenInSentence(s, hits);
            }
        }
        return hits;
    }

    private static void spokenInSentence(String sentence, List<SpokenHit> hits) {
        Matcher m = THOUSANDS_IN_TEXT.matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("thousands separator", m.group(), sentence));
        m = DEMONSTRATIVE.matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("demonstrative of speech", m.group(), sentence));
        m = NONE_ONE.matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("没有一个", m.group(), sentence));
        m = MODAL_COLLOQUIAL.matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("要 + verb plan", m.group(), sentence));
        m = IS_A.matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("是个", m.group(), sentence));
        m = OPENER.matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("discourse opener", m.group(), sentence));
        m = OTHERS_SELF.matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("本人 for another's 自己", m.group(), sentence));
        spokenJun(sentence, hits);
        m = SPOKEN_NOUN.matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("spoken noun", m.group(), sentence));

        String body = sentence.replaceAll("[。；！？]$", "");
        String[] clauses = body.split("[，：:]");
        for (int i = 0; i < clauses.length; i++) {
            String clause = clauses[i].strip();
            if (i == 0) clause = ORDINAL_LEAD.matcher(clause).replaceFirst("");
            if (clause.isEmpty()) continue;
            List<Term> terms = new ArrayList<>();
            for (Term t : HanLP.segment(clause)) {
                if (!t.word.isBlank() && !t.nature.toString().startsWith("w")) terms.add(t);
            }
            if (terms.isEmpty()) continue;
            boolean last = i == clauses.length - 1;
            if (!last && labelLike(terms) && !clause.matches(".*[\\d" + CN_DIGITS + "].*")) {
                hits.add(new SpokenHit("bare label", clause, sentence));
            }
            if (!MODAL_COLLOQUIAL.matcher(clause).find() && MODAL_AT_END.matcher(clause).find()) {
                hits.add(new SpokenHit("要 + verb plan", clause, sentence));
            }
            if (terms.size() > 1 && terms.get(terms.size() - 1).word.equals("的")) {
                hits.add(new SpokenHit("clause ending in 的", clause, sentence));
            }
            if (terms.size() > 1 && terms.get(terms.size() - 1).word.equals("了")) {
                hits.add(new SpokenHit("clause ending in 了", clause, sentence));
            }
            Matcher a = SPOKEN_ADVERB.matcher(clause);
            while (a.find()) hits.add(new SpokenHit("spoken adverb or phrase", a.group(), sentence));
            for (Term t : terms) {
                if (t.word.equals("挺") && t.nature.toString().equals("d") && !clause.contains("挺在")) {
                    hits.add(new SpokenHit("spoken adverb or phrase", "挺", sentence));
                }
            }
            if (i > 0 && terms.get(0).word.equals("是") && terms.size() > 1 && !clause.startsWith("是个")) {
                hits.add(new SpokenHit("clause opening with 是", clause, sentence));
            }
            if (topicWith上(terms)) hits.add(new SpokenHit("topic marked with 上 + 是", clause, sentence));
            if (bareVerbAtEnd(terms)) hits.add(new SpokenHit("clause ending in a one-character verb", clause, sentence));
            if (verbRepeated(terms)) hits.add(new SpokenHit("verb repeated after its object", clause, sentence));
            Matcher v = SPOKEN_VERB.matcher(clause);
            while (v.find()) hits.add(new SpokenHit("spoken verb", v.group(), sentence));
            if (VERB_FIRST_COMPLEMENT.matcher(clause).find()) hits.add(new SpokenHit("spoken verb", clause, sentence));
            for (int k = 0; k + 2 < terms.size(); k++) {
                // numeral, measure, then a one-character measure or suffix: "警示2次片" (the 片 of 警示片)
                if (isNumeral(terms.get(k).word) && terms.get(k + 1).nature.toString().startsWith("q")
                        && terms.get(k + 2).nature.toString().equals("q") && terms.get(k + 2).word.length() == 1) {
                    hits.add(new SpokenHit("numeral inside a word", clause, sentence));
                }
            }
            for (int k = 0; k < terms.size(); k++) {
                String w = terms.get(k).word;
                if (w.equals("就是") && k > 0 && k + 1 < terms.size() && contentWord(terms.get(k - 1))
                        && contentWord(terms.get(k + 1))) {
                    hits.add(new SpokenHit("就是 between nouns", clause, sentence));
                }
                if (peopleWith个(terms, k)) hits.add(new SpokenHit("people counted with 个", clause, sentence));
            }
        }
    }

    /**
     * 均 that reads together with the character before it as another word: "家里人均在外地" (人均), HanLP's "人均/在"
     * included; and 均 before a spoken degree word ("均不太准了"). 人均 before a noun or a figure is the word 人均.
     */
    private static void spokenJun(String sentence, List<SpokenHit> hits) {
        List<Term> terms = HanLP.segment(sentence);
        for (int k = 0; k < terms.size(); k++) {
            String w = terms.get(k).word;
            String next = k + 1 < terms.size() ? terms.get(k + 1).nature.toString() : "w";
            boolean adverbNext = next.startsWith("p") || next.startsWith("d") || next.startsWith("v");
            if (w.equals("均") && k > 0) {
                String prev = terms.get(k - 1).word;
                String pair = prev.substring(prev.length() - 1) + "均";
                if (!pair.equals("平均") && com.hankcs.hanlp.dictionary.CoreDictionary.contains(pair)) {
                    hits.add(new SpokenHit("均 read with the word before", prev + w, sentence));
                }
            } else if (w.length() == 2 && w.endsWith("均") && !w.equals("平均") && adverbNext) {
                hits.add(new SpokenHit("均 read with the word before", w, sentence));
            }
        }
        Matcher m = Pattern.compile("均不(?:太|大|怎么)").matcher(sentence);
        while (m.find()) hits.add(new SpokenHit("均 read with the word before", m.group(), sentence));
    }

    /**
     * A clause ending in a one-character verb right after a noun, an adjective, a time or place word or a two-character
     * adverb: "进度拖", "天天盯", "正常开", "网上办". Written style says 滞后, 紧盯, 召开, 办理. Not after a numeral ("312起",
     * "三成"), another one-character word ("以案促改", "精文减会", "办结") or a verb ("支委分工抓", "带队建").
     */
    private static boolean bareVerbAtEnd(List<Term> terms) {
        if (terms.size() < 2) return false;
        Term end = terms.get(terms.size() - 1);
        String n = end.nature.toString();
        if (end.word.length() != 1 || !(n.equals("v") || n.equals("vi") || n.equals("vf"))) return false;
        Term prev = terms.get(terms.size() - 2);
        String p = prev.nature.toString();
        if (prev.word.length() < 2) return false;
        return (p.startsWith("n") && !p.equals("nx")) || p.equals("a") || p.equals("t") || p.equals("s")
                || p.equals("f") || p.equals("d");
    }

    /** "学习上主要是…", "工作上就是…": a topic marked with 上, then a copula. "思想上高度重视" is written style. */
    private static boolean topicWith上(List<Term> terms) {
        for (int k = 1; k <= 2 && k + 1 < terms.size(); k++) {
            if (!terms.get(k).word.equals("上")) continue;
            if (!terms.subList(0, k).stream().allMatch(t -> nounLike(t) || isVerb(t))) return false;
            String rest = terms.subList(k + 1, Math.min(terms.size(), k + 3)).stream().map(t -> t.word)
                    .reduce("", String::concat);
            return rest.matches("(?:主要|就|还|也|基本|大多|多)?是.*");
        }
        return false;
    }

    /**
     * A verb said again after its object: "谈心谈20多次" (谈心 then 谈), "开会开了5次", "跑项目跑了10趟". Written style
     * says the verb once.
     */
    private static boolean verbRepeated(List<Term> terms) {
        for (int k = 0; k + 1 < terms.size(); k++) {
            Term t = terms.get(k);
            Term n = terms.get(k + 1);
            if (isVerb(t) && t.word.length() == 2 && n.word.length() == 1 && isVerb(n)
                    && t.word.charAt(0) == n.word.charAt(0)) return true;
            // "跑项目跑了10趟", not the written parallel "到岗到人": the second verb takes 了, a count or ends the clause
            if (k + 2 < terms.size() && t.word.length() == 1 && isVerb(t) && terms.get(k + 2).word.equals(t.word)
                    && nounLike(n) && (k + 3 == terms.size() || terms.get(k + 3).word.equals("了")
                    || terms.get(k + 3).nature.toString().startsWith("m"))) return true;
        }
        return false;
    }

    /** Time words say when, not what: "全年，…" is not a label. */
    private static final Pattern TIME_WORD = Pattern.compile(".*(?:年|月|日|季度|期间|以来|年初|年底|年末|目前|当前).*");

    /**
     * One or two words that name a topic: nouns (or verbal nouns, 方面); or a noun and a verb that together name one
     * ("乡村/振兴", "安全/投入"); or a single verb of two characters or more standing for its topic ("学习，…").
     */
    private static boolean labelLike(List<Term> terms) {
        if (terms.isEmpty() || terms.size() > 2) return false;
        if (terms.stream().anyMatch(t -> TIME_WORD.matcher(t.word).matches() || t.nature.toString().startsWith("t"))) {
            return false;
        }
        if (terms.stream().allMatch(QualityMetrics::nounLike)) return true;
        if (terms.size() == 1) return isVerb(terms.get(0)) && terms.get(0).word.length() >= 2;
        return nounLike(terms.get(0)) && isVerb(terms.get(1)) && terms.get(1).word.length() >= 2;
    }

    private static boolean isVerb(Term t) {
        String n = t.nature.toString();
        return n.equals("v") || n.equals("vn") || n.equals("vi");
    }

    private static boolean nounLike(Term t) {
        String n = t.nature.toString();
        return (n.startsWith("n") && !n.equals("nx")) || n.equals("vn") || n.equals("an") || t.word.equals("方面");
    }

    private static boolean contentWord(Term t) {
        String n = t.nature.toString();
        return n.startsWith("n") || n.startsWith("v") || n.equals("an") || n.equals("gi") || n.equals("gm");
    }

    private static boolean isNumeral(String w) {
        return !w.isEmpty() && w.chars().allMatch(c -> Character.isDigit(c) || CN_DIGITS.indexOf(c) >= 0 || c == '.'
                || c == '多' || c == '余' || c == '几');
    }

    /** At k: "两/个/人" (HanLP may join 两个 or 个人), or "党员/2/个" ending the clause. */
    private static boolean peopleWith个(List<Term> terms, int k) {
        String w = terms.get(k).word;
        String next = k + 1 < terms.size() ? terms.get(k + 1).word : "";
        String prev = k > 0 ? terms.get(k - 1).word : "";
        // numeral + 个 + people noun: "两个人", "2个党员", HanLP's "两个" or "个人" included.
        if (k > 0 && terms.get(Math.max(0, k - (w.length() > 1 ? 1 : 2))).word.equals("没有")) return false; // 没有一个
        if (w.endsWith("个") && (w.length() > 1 ? isNumeral(w.substring(0, w.length() - 1)) : isNumeral(prev))
                && PEOPLE.contains(next)) return true;
        if (w.equals("个人") && isNumeral(prev)) return true;
        // people noun + numeral + 个 at the clause's end: "发展党员2个".
        boolean endsHere = k == terms.size() - 1;
        if (endsHere && w.endsWith("个")) {
            String num = w.length() > 1 ? w.substring(0, w.length() - 1) : prev;
            int nounAt = w.length() > 1 ? k - 1 : k - 2;
            return isNumeral(num) && nounAt >= 0 && PEOPLE.contains(terms.get(nounAt).word);
        }
        return false;
    }

    // ---------------------------------------------------------------- replies

    /** Openings of a reply that acknowledge a stored fact rather than answer. */
    static final List<String> ACK_OPENINGS = List.of("记下", "已记下", "好的，记下", "好的，已记", "好，记下", "收到",
            "已记录", "记录了", "已更新", "已补充", "已改", "已修改", "已收录", "已保存", "已添加");

    static boolean startsWithAck(String reply) {
        String r = reply.strip();
        return ACK_OPENINGS.stream().anyMatch(r::startsWith);
    }

    /**
     * Whether a reply answers a question or takes up a wish: after removing any echo of the writer's own words, it
     * holds one of {@code answerWords} (when given), and a turn that was nothing but the question is not answered by
     * an acknowledgement of a fact.
     */
    static boolean answered(String reply, Collection<String> answerWords, Collection<String> noise, boolean pureNoise) {
        String r = reply;
        for (String n : noise) r = r.replace(n, "");
        boolean hasAnswer = answerWords.isEmpty() || answerWords.stream().anyMatch(r::contains);
        return hasAnswer && !(pureNoise && startsWithAck(reply));
    }
}
