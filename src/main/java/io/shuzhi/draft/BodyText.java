package io.shuzhi.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph of a draft cut the way the drafter built it: items ("一是{lead}。{facts}，{close}。"), sentences (ending
 * in 。, or a 【待补充：…】 placeholder, or the opening's closing "现将有关情况报告如下："), and clauses (between ，
 * and ；). Cuts never fall inside quotes, brackets or a number, so removing whole clauses keeps every number intact.
 */
public final class BodyText {
    private static final String OPEN = "“‘《（(【「『";
    private static final String CLOSE = "”’》）)】」』";

    private BodyText() {
    }

    /**
     * One sentence: {@code item} 0 is text before the first 一是, {@code lead} marks an item's first sentence
     * ("二是把好党员发展入口关"), {@code end} is "。" or "" (placeholder, or text without a final 。).
     */
    public record Sentence(int item, boolean lead, boolean placeholder, List<String> clauses, List<String> delims, String end) {
        public Sentence {
            clauses = List.copyOf(clauses);
            delims = List.copyOf(delims);
        }

        public String text() {
            var out = new StringBuilder();
            for (int i = 0; i < clauses.size(); i++) {
                out.append(clauses.get(i));
                if (i < delims.size()) out.append(delims.get(i));
            }
            return out.append(end).toString();
        }

        /** Without clause {@code i}; a middle clause takes its following mark with it, the last its preceding one. */
        public Sentence without(int i) {
            var c = new ArrayList<>(clauses);
            var d = new ArrayList<>(delims);
            c.remove(i);
            if (!d.isEmpty()) d.remove(i < d.size() ? i : i - 1);
            return new Sentence(item, lead, placeholder, c, d, end);
        }
    }

    /** Start offsets of the items 一是, 二是 … in order, numbered without gaps from 一是. */
    static List<Integer> itemStarts(String body) {
        List<Integer> starts = new ArrayList<>();
        int from = 0;
        for (int k = 1; k < 100; k++) {
            String marker = Ordinals.item(k);
            int at = -1;
            for (int i = body.indexOf(marker, from); i >= 0; i = body.indexOf(marker, i + 1)) {
                if (i == 0 || "。】；".indexOf(body.charAt(i - 1)) >= 0) {
                    at = i;
                    break;
                }
            }
            if (at < 0) break;
            starts.add(at);
            from = at + marker.length();
        }
        return starts;
    }

    /** How many items (一是, 二是 …) the body has. */
    public static int itemCount(String body) {
        return itemStarts(body).size();
    }

    /** The text of item {@code n} (1-based), from its marker to the next item's marker. */
    public static String item(String body, int n) {
        List<Integer> starts = itemStarts(body);
        int end = n < starts.size() ? starts.get(n) : body.length();
        return body.substring(starts.get(n - 1), end);
    }

    /** The items' texts in order; the text before the first item (usually "") is left out. */
    public static List<String> items(String body) {
        List<Integer> starts = itemStarts(body);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            out.add(body.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : body.length()));
        }
        return out;
    }

    /** The text before the first item: a plan section's standing paragraph, or the whole body when it has no items. */
    public static String preamble(String body) {
        List<Integer> starts = itemStarts(body);
        return starts.isEmpty() ? body : body.substring(0, starts.get(0));
    }

    /** An item's lead phrase: "二是把好党员发展入口关。…" → "把好党员发展入口关". */
    public static String lead(String itemText) {
        int marker = itemText.indexOf('是');
        int stop = itemText.indexOf('。');
        int placeholder = itemText.indexOf(ItemComposer.PLACEHOLDER_OPEN);
        if (stop < 0 || placeholder >= 0 && placeholder < stop) stop = placeholder;
        if (stop < 0) stop = itemText.length();
        return marker < 0 || marker >= stop ? "" : itemText.substring(marker + 1, stop);
    }

    /** The items joined again, each renumbered for its position: the result of a delete, add or swap. */
    public static String joinItems(String preamble, List<String> items) {
        var out = new StringBuilder(preamble);
        for (int i = 0; i < items.size(); i++) out.append(renumber(items.get(i), i + 1));
        return out.toString();
    }

    /** "三是…" → "二是…" for n = 2. */
    static String renumber(String itemText, int n) {
        int marker = itemText.indexOf('是');
        return Ordinals.item(n) + itemText.substring(marker + 1);
    }

    /** The whole body as sentences; {@link #render} gives the same text back. */
    public static List<Sentence> parse(String body) {
        List<Sentence> out = new ArrayList<>();
        List<Integer> starts = itemStarts(body);
        int first = starts.isEmpty() ? body.length() : starts.get(0);
        sentences(body.substring(0, first), 0, out);
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : body.length();
            sentences(body.substring(starts.get(k), end), k + 1, out);
        }
        return out;
    }

    /** The sentences as text again. */
    public static String render(List<Sentence> sentences) {
        var out = new StringBuilder();
        for (Sentence s : sentences) out.append(s.text());
        return out.toString();
    }

    private static void sentences(String text, int item, List<Sentence> out) {
        int depth = 0;
        int start = 0;
        boolean firstOfItem = item > 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && text.startsWith(ItemComposer.PLACEHOLDER_OPEN, i)) {
                if (i > start) {
                    out.add(sentence(text.substring(start, i), item, firstOfItem, false, ""));
                    firstOfItem = false;
                }
                int close = text.indexOf(ItemComposer.PLACEHOLDER_CLOSE, i);
                int end = close < 0 ? text.length() : close + 1;
                out.add(new Sentence(item, false, true, List.of(text.substring(i, end)), List.of(), ""));
                i = end - 1;
                start = end;
                continue;
            }
            if (OPEN.indexOf(c) >= 0) depth++;
            else if (CLOSE.indexOf(c) >= 0 && depth > 0) depth--;
            if (c == '。' && depth == 0) {
                out.add(sentence(text.substring(start, i), item, firstOfItem, false, "。"));
                firstOfItem = false;
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(sentence(text.substring(start), item, firstOfItem, false, ""));
    }

    private static Sentence sentence(String text, int item, boolean lead, boolean placeholder, String end) {
        List<String> clauses = new ArrayList<>();
        List<String> delims = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) depth++;
            else if (CLOSE.indexOf(c) >= 0 && depth > 0) depth--;
            else if ((c == '，' || c == '；') && depth == 0) {
                clauses.add(text.substring(start, i));
                delims.add(String.valueOf(c));
                start = i + 1;
            }
        }
        clauses.add(text.substring(start));
        return new Sentence(item, lead, placeholder, clauses, delims, end);
    }
}
