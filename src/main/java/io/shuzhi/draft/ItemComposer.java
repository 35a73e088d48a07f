package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import io.shuzhi.interview.ReportKind.TopicSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the writer's facts into the sentences of a draft: one item "一是{lead}。{facts}，{close}。" per topic, or the
 * topic's placeholder when the writer gave nothing. It writes no number of its own: the only numbers are those in
 * the facts, with Chinese-numeral quantities shown in Arabic digits ("二十余人" → "20余人").
 */
final class ItemComposer {
    static final String PLACEHOLDER_OPEN = "【待补充：";
    static final String PLACEHOLDER_CLOSE = "】";

    private static final Pattern ASCII_DIGIT = Pattern.compile("[0-9]");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s。．.，,；;、：:！!？?…~～]+$");
    private static final Pattern START_PUNCTUATION = Pattern.compile("^[\\s。．，,；;、：:！!？?]+");
    /** Spoken fillers at the start of a clause; 本人 and 我院/我校/我局… are kept, they are the genre's own. */
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:嗯|呃|啊|那个|就是说|就是|然后|另外|还有就是|我觉得|我认为|我们的|咱们的|我们|咱们)+");
    private static final Pattern ADVERB_AFTER_FILLER = Pattern.compile("^(?:也|还|都|又|就)(?=\\S)");
    private static final Pattern PERSONAL_I = Pattern.compile("^我(?![国党军省市县区乡镇村院校局厅处科委所部办司队站中行社团室单方支公])");
    private static final Pattern TRAILING_PARTICLE = Pattern.compile("(?:啊|吧|呢|嘛|哈|呀|啦)+$");
    /** The writer's own list markers ("1." "2、" "（3）" "一是" "二、") at the start of a clause. */
    private static final Pattern LIST_MARKER = Pattern.compile(
            "(^|[，；。,;.\\s]+)\\s*(?:\\d{1,2}[.．、)）](?!\\d)|[（(]\\d{1,2}[)）]|[一二三四五六七八九十]{1,2}[是、])\\s*");
    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile("(?<=[^\\x00-\\x7F])\\s+(?=[^\\x00-\\x7F])");
    private static final Pattern SPACE_BESIDE_CJK = Pattern.compile("(?<=[^\\x00-\\x7F])\\s+|\\s+(?=[^\\x00-\\x7F])");
    private static final Pattern DOUBLED = Pattern.compile("[，；、：]*。[。，；、]*|，{2,}|；{2,}|[，、]；|；，");

    private ItemComposer() {
    }

    /** "二是{lead}。{sentence}" for a topic with facts, "二是{lead}。【待补充：{missing}】" for one without. */
    static String item(int n, TopicSpec topic, List<Fact> facts) {
        String head = Ordinals.item(n) + stripEnd(topic.lead()) + "。";
        String sentence = sentence(facts, topic.close());
        return sentence.isEmpty() ? head + placeholder(topic.missing()) : head + sentence;
    }

    /** "【待补充：{what}】". */
    static String placeholder(String what) {
        String named = what == null || what.isBlank() ? "相关情况" : stripEnd(what);
        return PLACEHOLDER_OPEN + named + PLACEHOLDER_CLOSE;
    }

    /**
     * The facts as one sentence ending in 。, then the optional closing clause. Facts are joined with "，"; with "；"
     * when a fact has clauses of its own (so its parts stay together); with "。" when a fact has sentences of its own.
     */
    static String sentence(List<Fact> facts, String close) {
        List<String> parts = new ArrayList<>(new LinkedHashSet<>(facts.stream().map(ItemComposer::clause)
                .filter(s -> !s.isEmpty()).toList()));
        if (parts.isEmpty()) return "";
        String joined = String.join(separator(parts), parts);
        String tail = close == null || close.isBlank() ? "" : "，" + stripEnd(toFullWidth(close.strip()));
        return tidy(joined + tail + "。");
    }

    /** One fact as the draft writes it: numbers in display form, fillers gone, full-width marks, no final mark. */
    static String clause(Fact fact) {
        String text = toFullWidth(spacesAsCommas(withoutListMarkers(
                withDisplayNumbers(fact.text().strip(), fact.quantities()))));
        List<String> clauses = new ArrayList<>();
        for (String piece : text.split("(?<=[，；])")) {
            String cleaned = withoutFillers(piece);
            if (!cleaned.isEmpty() && !isOnlyPunctuation(cleaned)) clauses.add(cleaned);
        }
        return stripEnd(String.join("", clauses));
    }

    /** Each quantity's raw text replaced, in order, by how a draft writes it. */
    static String withDisplayNumbers(String text, List<Quantity> quantities) {
        var out = new StringBuilder();
        int from = 0;
        for (Quantity q : quantities) {
            int at = NumberParser.indexOf(text, q.raw(), from);
            if (at < 0) continue;
            out.append(text, from, at).append(display(q));
            from = at + q.raw().length();
        }
        return out.append(text.substring(from)).toString();
    }

    /** A quantity as the draft writes it: typed digits exactly as written, Chinese numerals as {@link Quantity#display()}. */
    static String display(Quantity q) {
        String raw = q.raw().strip();
        return ASCII_DIGIT.matcher(raw).find() ? raw : q.display();
    }

    /** The text without trailing punctuation or spaces. */
    static String stripEnd(String text) {
        return text == null ? "" : END_PUNCTUATION.matcher(text.strip()).replaceAll("");
    }

    /** Collapses what joining can leave behind: "。。", "，。", "；。", "，，". */
    static String tidy(String text) {
        return DOUBLED.matcher(text).replaceAll(m -> m.group().contains("。") ? "。" : m.group().substring(0, 1));
    }

    /** Half-width marks to full-width; a "." or "," between digits (3.5, 1,200) is left alone. */
    static String toFullWidth(String text) {
        var out = new StringBuilder(text.length());
        boolean openQuote = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean betweenDigits = i > 0 && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
            switch (c) {
                case ',' -> out.append(betweenDigits ? "," : "，");
                case '.' -> out.append(betweenDigits ? "." : "。");
                case ';' -> out.append('；');
                case ':' -> out.append(betweenDigits ? ":" : "：");
                case '?' -> out.append('？');
                case '!' -> out.append('！');
                case '(' -> out.append('（');
                case ')' -> out.append('）');
                case '"' -> {
                    out.append(openQuote ? '“' : '”');
                    openQuote = !openQuote;
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** "1.开展研讨 2.购买书籍" → "开展研讨；购买书籍": the draft numbers its own items. */
    static String withoutListMarkers(String text) {
        return LIST_MARKER.matcher(text).replaceAll(m -> {
            String before = m.group(1);
            if (before.isEmpty()) return "";
            return before.isBlank() ? "；" : Matcher.quoteReplacement(before);
        });
    }

    /** A space between Chinese words separates clauses ("开展研讨 组织参观"); beside Latin text it is dropped. */
    private static String spacesAsCommas(String text) {
        return SPACE_BESIDE_CJK.matcher(SPACE_BETWEEN_CJK.matcher(text).replaceAll("，")).replaceAll("");
    }

    private static String withoutFillers(String piece) {
        String s = START_PUNCTUATION.matcher(piece.strip()).replaceAll("");
        String afterFiller = LEADING_FILLER.matcher(s).replaceFirst("");
        if (!afterFiller.equals(s)) s = ADVERB_AFTER_FILLER.matcher(afterFiller).replaceFirst("");
        s = PERSONAL_I.matcher(s).replaceFirst("本人");
        String end = piece.endsWith("，") || piece.endsWith("；") ? piece.substring(piece.length() - 1) : "";
        String body = TRAILING_PARTICLE.matcher(stripEnd(s)).replaceAll("");
        return body.isEmpty() ? "" : body + end;
    }

    private static boolean isOnlyPunctuation(String s) {
        return stripEnd(s).isEmpty();
    }

    private static String separator(List<String> parts) {
        if (parts.size() < 2) return "";
        if (parts.stream().anyMatch(p -> p.contains("。"))) return "。";
        if (parts.stream().anyMatch(p -> p.contains("，") || p.contains("；"))) return "；";
        return "，";
    }
}
