package io.shuzhi.draft;

import io.shuzhi.draft.Proofreader.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks that are code, not word lists: numbering levels and sequences, half-width punctuation in Chinese text,
 * doubled words, punctuation in the title, and the title's year against the opening's. Offsets are into the whole
 * text; {@link Proofreader} maps them to sections.
 */
final class StructureChecks {
    static final String NUMBERING = "序号";
    static final String PUNCTUATION = "标点";
    static final String TYPO = "错别字";
    static final String YEAR = "年份";

    private static final String CN = "[一二三四五六七八九十]{1,3}";
    private static final Pattern LEVEL1 = Pattern.compile("^(" + CN + ")([、.．，,：:])");
    private static final Pattern LEVEL2 = Pattern.compile("^([（(])(" + CN + ")([）)])([、.．，,]?)");
    private static final Pattern LEVEL3 = Pattern.compile("^(\\d{1,2})([.．、])(?!\\d)");
    private static final Pattern LEVEL4 = Pattern.compile("^([（(])(\\d{1,2})([）)])([、.．]?)");
    /** "1." or "（1）" inside a paragraph, after a sentence or a colon. */
    private static final Pattern INLINE_LOW = Pattern.compile("(?<=[。；：])(?:(\\d{1,2})([.．、])(?!\\d)|([（(])(\\d{1,2})([）)])([、]?))");
    private static final Pattern ITEM = Pattern.compile("(?<=^|[。；：，！？\\s])([一二三四五六七八九十]{1,2})是");
    private static final String HALF_PUNCT = ",;:?!";
    private static final Pattern HALF_BRACKETS = Pattern.compile("\\(([^()\\n]{1,60})\\)");
    private static final String DOUBLE_CHARS = "的是在与及并把被对将从为也都就又还";
    private static final Pattern DOUBLED = Pattern.compile("(\\p{IsHan}{2,6})\\1");
    /** ABAB that is two words meeting: "党组织/组织力". */
    private static final java.util.Set<String> DOUBLED_OK = java.util.Set.of("组织组织");
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("(\\d{4})年");
    private static final Pattern YEAR_IN_OPENING = Pattern.compile("(?<!\\d)(\\d{4})年(?!以来|以前|前|起|至|到|—|-|～)");
    private static final Pattern TITLE_PUNCT = Pattern.compile("[，。；：！？,.;:!?、]");

    private StructureChecks() {
    }

    /** A paragraph of the text: its line and where it starts. */
    private record Para(String text, int start) {
    }

    static List<Suggestion> check(String text) {
        List<Suggestion> out = new ArrayList<>();
        List<Para> paras = paragraphs(text);
        numbering(paras, out);
        items(paras, out);
        punctuation(paras, out);
        doubled(paras, out);
        titleAndYear(paras, out);
        return out;
    }

    private static List<Para> paragraphs(String text) {
        List<Para> paras = new ArrayList<>();
        int at = 0;
        for (String line : text.split("\n", -1)) {
            // Leading spaces (an indent typed by hand) do not move a marker off the start of the paragraph.
            int lead = 0;
            while (lead < line.length() && (line.charAt(lead) == ' ' || line.charAt(lead) == '\u3000'
                    || line.charAt(lead) == '\t' || line.charAt(lead) == '\r')) lead++;
            String body = line.substring(lead).replace("\r", "");
            if (!body.isEmpty()) paras.add(new Para(body, at + lead));
            at += line.length() + 1;
        }
        return paras;
    }

    // ----- numbering --------------------------------------------------------------------------------------------

    private static void numbering(List<Para> paras, List<Suggestion> out) {
        int[] last = new int[5];
        for (Para p : paras) {
            Matcher m;
            if ((m = LEVEL1.matcher(p.text)).find()) {
                if (!m.group(2).equals("、")) {
                    add(out, "num-sep1", p.start + m.start(), p.start + m.end(), m.group(), m.group(1) + "、", NUMBERING,
                            "一级标题序号“一、”后用顿号");
                }
                level(out, last, 1, m.group(1), p.start + m.start(), p.start + m.end(), m.group());
            } else if ((m = LEVEL2.matcher(p.text)).find()) {
                lowOrSecond(out, last, 2, m, p.start, true);
            } else if ((m = LEVEL3.matcher(p.text)).find()) {
                third(out, last, m.group(1), m.group(2), p.start + m.start(), p.start + m.end());
            } else if ((m = LEVEL4.matcher(p.text)).find()) {
                lowOrSecond(out, last, 4, m, p.start, false);
            }
            Matcher in = INLINE_LOW.matcher(p.text);
            while (in.find()) {
                if (in.group(1) != null) {
                    third(out, last, in.group(1), in.group(2), p.start + in.start(), p.start + in.end());
                } else {
                    int s = p.start + in.start();
                    String marker = in.group();
                    String right = "（" + in.group(4) + "）";
                    if (!marker.equals(right)) {
                        add(out, "num-form4", s, s + marker.length(), marker, right, NUMBERING,
                                "四级序号用全角括号“（1）”，括号后不加标点");
                    }
                    level(out, last, 4, in.group(4), s, s + marker.length(), marker);
                }
            }
        }
    }

    private static void lowOrSecond(List<Suggestion> out, int[] last, int level, Matcher m, int base, boolean chinese) {
        int s = base + m.start();
        int e = base + m.end();
        String right = "（" + m.group(2) + "）";
        if (!m.group().equals(right)) {
            add(out, "num-form" + level, s, e, m.group(), right, NUMBERING,
                    (chinese ? "二级序号“（一）”" : "四级序号“（1）”") + "用全角括号，括号后不加标点");
        }
        level(out, last, level, m.group(2), s, e, m.group());
    }

    private static void third(List<Suggestion> out, int[] last, String n, String sep, int s, int e) {
        if (!sep.equals(".")) {
            if (sep.equals("、")) {
                add(out, "num-sep3", s, e, n + sep, n + ".", NUMBERING, "三级序号写作“1.”，不用“1、”");
            }
        }
        level(out, last, 3, n, s, e, n + sep);
    }

    /** Sequence within a level (no skip, no repeat) and no level skipped below its parent. */
    private static void level(List<Suggestion> out, int[] last, int level, String numeral, int s, int e, String marker) {
        OptionalInt v = Ordinals.value(numeral);
        if (v.isEmpty()) return;
        int n = v.getAsInt();
        int expected = last[level] + 1;
        if (level >= 3 && last[level - 1] == 0 && last[level - 2] > 0) {
            add(out, "num-skip-level", s, e, marker, "", NUMBERING,
                    "层次跳级：序号依次为“一、”“（一）”“1.”“（1）”，" + (level == 3 ? "“一、”之下应先用“（一）”" : "“（一）”之下应先用“1.”"));
        }
        if (n != expected) {
            String want = level == 1 ? Ordinals.numeral(expected) + "、"
                    : level == 2 ? "（" + Ordinals.numeral(expected) + "）"
                    : level == 3 ? expected + "." : "（" + expected + "）";
            add(out, "num-seq", s, e, marker, want, NUMBERING,
                    n < expected ? "序号重复或倒退：此处应为“" + want + "”" : "序号跳号：此处应为“" + want + "”");
        }
        last[level] = n;
        for (int k = level + 1; k < last.length; k++) last[k] = 0;
    }

    /** 一是、二是 … run in order within a paragraph, and on into the next paragraph when it carries on. */
    private static void items(List<Para> paras, List<Suggestion> out) {
        int prev = 0;
        for (Para p : paras) {
            if (LEVEL1.matcher(p.text).find() || LEVEL2.matcher(p.text).find()) prev = 0;
            boolean first = true;
            Matcher m = ITEM.matcher(p.text);
            while (m.find()) {
                OptionalInt v = Ordinals.value(m.group(1));
                if (v.isEmpty()) continue;
                int n = v.getAsInt();
                if (first && n == 1) prev = 0;
                first = false;
                if (n != prev + 1) {
                    String want = Ordinals.numeral(prev + 1) + "是";
                    add(out, "item-seq", p.start + m.start(), p.start + m.end(), m.group(), want, NUMBERING,
                            prev == 0 ? "条目应从“一是”开始" : "“一是、二是……”顺序有误：此处应为“" + want + "”");
                }
                prev = n;
            }
            if (first) prev = 0;
        }
    }

    // ----- punctuation, doubled words ---------------------------------------------------------------------------

    private static void punctuation(List<Para> paras, List<Suggestion> out) {
        for (Para p : paras) {
            String t = p.text;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                int k = HALF_PUNCT.indexOf(c);
                if (k < 0) continue;
                char before = i > 0 ? t.charAt(i - 1) : '\n';
                char after = i + 1 < t.length() ? t.charAt(i + 1) : '\n';
                boolean end = after == '\n';
                if (isCjk(before) && (isCjk(after) || end && "?!:".indexOf(c) >= 0)) {
                    String right = String.valueOf("，；：？！".charAt(k));
                    add(out, "punct-half", p.start + i, p.start + i + 1, String.valueOf(c), right, PUNCTUATION,
                            "中文行文用全角标点“" + right + "”");
                }
            }
            Matcher b = HALF_BRACKETS.matcher(t);
            while (b.find()) {
                String inner = b.group(1);
                if (inner.matches("[一二三四五六七八九十\\d]{1,3}")) continue; // an ordinal: the numbering check has it
                boolean chinese = inner.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
                if (!chinese) continue;
                add(out, "punct-bracket", p.start + b.start(), p.start + b.end(), b.group(), "（" + inner + "）",
                        PUNCTUATION, "中文行文用全角括号“（）”");
            }
            int quotes = 0;
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) != '"') continue;
                boolean open = quotes % 2 == 0;
                quotes++;
                char before = i > 0 ? t.charAt(i - 1) : '\n';
                char after = i + 1 < t.length() ? t.charAt(i + 1) : '\n';
                if (isHan(before) || isHan(after)) {
                    String right = open ? "“" : "”";
                    add(out, "punct-quote", p.start + i, p.start + i + 1, "\"", right, PUNCTUATION,
                            "中文行文用全角引号“”");
                }
            }
        }
    }

    private static void doubled(List<Para> paras, List<Suggestion> out) {
        for (Para p : paras) {
            String t = p.text;
            for (int i = 1; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == t.charAt(i - 1) && DOUBLE_CHARS.indexOf(c) >= 0) {
                    add(out, "double", p.start + i - 1, p.start + i + 1, "" + c + c, String.valueOf(c), TYPO,
                            "“" + c + "”字重复");
                }
            }
            Matcher m = DOUBLED.matcher(t);
            while (m.find()) {
                String w = m.group(1);
                // "一步一步" "一项一项" are a way of speaking; "研究研究" is speech, not a report.
                if (w.startsWith("一") || w.chars().distinct().count() == 1 || DOUBLED_OK.contains(m.group())) continue;
                add(out, "double", p.start + m.start(), p.start + m.end(), m.group(), w, TYPO, "“" + w + "”重复");
            }
        }
    }

    // ----- title ------------------------------------------------------------------------------------------------

    private static void titleAndYear(List<Para> paras, List<Suggestion> out) {
        if (paras.size() < 2) return;
        Para title = paras.get(0);
        if (title.text.length() > 60 || LEVEL1.matcher(title.text).find() || LEVEL2.matcher(title.text).find()) return;
        Matcher tp = TITLE_PUNCT.matcher(title.text);
        while (tp.find()) {
            add(out, "title-punct", title.start + tp.start(), title.start + tp.end(), tp.group(), "", PUNCTUATION,
                    "标题除书名号、引号外一般不用标点");
        }
        Matcher ty = YEAR_IN_TITLE.matcher(title.text);
        if (!ty.find()) return;
        Para opening = null;
        for (Para p : paras.subList(1, paras.size())) {
            if (LEVEL1.matcher(p.text).find() || LEVEL2.matcher(p.text).find()) break;
            opening = p;
            break;
        }
        if (opening == null) return;
        Matcher oy = YEAR_IN_OPENING.matcher(opening.text);
        if (oy.find() && !oy.group(1).equals(ty.group(1))) {
            add(out, "year", opening.start + oy.start(), opening.start + oy.end(), oy.group(), ty.group(1) + "年", YEAR,
                    "标题为" + ty.group(1) + "年度，开头写的是" + oy.group(1) + "年：请核对年份");
        }
    }

    // ----- helpers ----------------------------------------------------------------------------------------------

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean isCjk(char c) {
        return isHan(c) || "，。；：？！、“”‘’（）《》【】—…".indexOf(c) >= 0;
    }

    private static void add(List<Suggestion> out, String rule, int start, int end, String wrong, String right,
                            String category, String note) {
        out.add(new Suggestion(rule, null, start, end, wrong, right, category, note));
    }
}
