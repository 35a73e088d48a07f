package io.shuzhi.draft;

import io.shuzhi.prompts.PromptFiles;
import io.shuzhi.prompts.TsvLines;
import io.shuzhi.draft.Proofreader.Suggestion;
import io.shuzhi.draft.ProofreadingRules.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 提法 of {@code prompts/proofreading/years.tsv} that belong to certain report years: a campaign of another year,
 * "十四五" as the current plan in a 2026 report, a plenary a report of that year cannot yet cite. Dated data, not code:
 * the code only decides where a term is looked back on or planned ahead and so is right in any year.
 */
final class YearRules {
    static final String FILE = "prompts/proofreading/years.tsv";
    static final String CATEGORY = "提法";

    /** One entry; a null bound is open, an unsure bound is never flagged. */
    record Entry(String id, String term, Integer from, boolean fromSure, Integer to, boolean toSure, String ifLater,
                 String ifEarlier, String note, List<Condition> when) {
    }

    private static final String QUOTES = "“”\"‘’'「」";
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern REPORT_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    /** Words that put a sentence in another year than the report's. */
    private static final Pattern OTHER_TIME = Pattern.compile("去年|上年|上一年|前年|明年|来年|下一年|新的一年|过去|以往|往年|回顾");
    private static final Pattern LEVEL1 = Pattern.compile("(?m)^[一二三四五六七八九十]{1,2}、([^\\n]*)");
    private static final Pattern PLANS_HEADING = Pattern.compile("举措|打算|思路|努力方向|下一步|下步|计划|措施|安排|设想|工作重点");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；\\n]");

    private final List<Entry> entries;
    /** Each year's campaign, for a replacement that names it ("{campaign}"). */
    private final YearTerms campaigns;

    YearRules(List<Entry> entries, YearTerms campaigns) {
        this.entries = List.copyOf(entries);
        this.campaigns = campaigns;
    }

    /** The rules of {@code prompts/proofreading/years.tsv}, naming campaigns from {@code campaigns}. */
    static YearRules load(YearTerms campaigns) {
        return new YearRules(parse(PromptFiles.read(FILE), FILE), campaigns);
    }

    int size() {
        return entries.size();
    }

    /** The report's year: the first "2025年" of the title or, failing that, of the paragraph after it. */
    static OptionalInt yearOf(String text) {
        if (text == null) return OptionalInt.empty();
        String[] paras = text.strip().split("\\n+", 3);
        for (int i = 0; i < Math.min(2, paras.length); i++) {
            Matcher m = REPORT_YEAR.matcher(paras[i]);
            if (m.find()) return OptionalInt.of(Integer.parseInt(m.group(1)));
        }
        return OptionalInt.empty();
    }

    /** Findings in {@code text} for a report of {@code year}; offsets into the text. */
    List<Suggestion> check(String text, int year) {
        StringBuilder bare = new StringBuilder(text.length());
        int[] at = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            if (QUOTES.indexOf(text.charAt(i)) >= 0) continue;
            at[bare.length()] = i;
            bare.append(text.charAt(i));
        }
        String b = bare.toString();
        List<Suggestion> out = new ArrayList<>();
        for (Entry e : entries) {
            int hit = b.indexOf(e.term());
            while (hit >= 0) {
                int end = hit + e.term().length();
                Suggestion s = judge(e, text, b, at, hit, end, year);
                if (s != null) out.add(s);
                hit = b.indexOf(e.term(), end);
            }
        }
        return out;
    }

    private Suggestion judge(Entry e, String text, String bare, int[] at, int hit, int end, int year) {
        int start = at[hit];
        int stop = at[end - 1] + 1;
        boolean later = e.to() != null && year > e.to();
        // The plans part speaks of next year: its terms are right there a year early.
        int earliest = inPlans(text, start) ? year + 1 : year;
        boolean earlier = e.from() != null && earliest < e.from();
        if (later && !e.toSure() || earlier && !e.fromSure() || !later && !earlier) return null;
        if (!e.when().stream().allMatch(c -> c.holds(bare, hit, end))) return null;
        if (otherYear(bare, hit, year)) return null;
        String right = (later ? e.ifLater() : e.ifEarlier());
        if (right.contains("{campaign}")) {
            right = campaigns.of(String.valueOf(year)).map(YearTerms.Year::campaign)
                    .filter(c -> !c.equals(e.term())).map(c -> right(e, c)).orElse("");
        }
        // Quotation marks inside the span are kept where they stood when the replacement has the term's shape.
        String wrong = text.substring(start, stop);
        if (!right.isEmpty() && right.length() == e.term().length()) {
            var r = new StringBuilder();
            int k = 0;
            for (char c : wrong.toCharArray()) r.append(QUOTES.indexOf(c) >= 0 ? c : right.charAt(k++));
            right = r.toString();
        } else if (!wrong.equals(e.term()) && start > 0 && QUOTES.indexOf(text.charAt(start - 1)) >= 0) {
            start--; // “不忘初心、牢记使命”主题教育: the whole quoted name is replaced
            wrong = text.substring(start, stop);
        }
        String range = e.from() != null && e.to() != null
                ? (e.from().equals(e.to()) ? e.from() + "年" : e.from() + "—" + e.to() + "年")
                : e.from() != null ? e.from() + "年以后" : e.to() + "年以前";
        String note = e.note() + "。这份是" + year + "年度的报告，“" + e.term() + "”适用于" + range + "的报告"
                + (later ? "；回顾往年时请写明年份或写“…期间”" : "") + "。";
        return new Suggestion(e.id(), null, start, stop, wrong, right, CATEGORY, note);
    }

    private static String right(Entry e, String campaign) {
        return campaign;
    }

    /** Whether the hit is in a part whose 一、 heading is about plans (下步工作举措, 今后努力方向 …). */
    private static boolean inPlans(String text, int offset) {
        Matcher m = LEVEL1.matcher(text);
        String heading = null;
        while (m.find() && m.start() < offset) heading = m.group(1);
        return heading != null && PLANS_HEADING.matcher(heading).find();
    }

    /** Whether the sentence before the hit places it in another year ("2025年是…", "去年…", "明年…"). */
    private static boolean otherYear(String bare, int hit, int year) {
        int from = 0;
        Matcher m = SENTENCE_END.matcher(bare);
        while (m.find() && m.start() < hit) from = m.end();
        String before = bare.substring(from, hit);
        Matcher y = YEAR.matcher(before);
        while (y.find()) {
            if (Integer.parseInt(y.group(1)) != year) return true;
        }
        return OTHER_TIME.matcher(before).find();
    }

    static List<Entry> parse(String content, String source) {
        List<Entry> out = new ArrayList<>();
        for (TsvLines.Line line : TsvLines.of(content)) {
            String where = line.where(source);
            String[] c = line.cols();
            if (c.length < 6) throw new IllegalStateException(where + ": expected term, from, to, if_later, if_earlier, note");
            String term = c[0].strip();
            if (term.isEmpty()) throw new IllegalStateException(where + ": empty term");
            for (char q : term.toCharArray()) {
                if (QUOTES.indexOf(q) >= 0) throw new IllegalStateException(where + ": write the term without quotation marks");
            }
            String from = c[1].strip();
            String to = c[2].strip();
            Integer f = year(from, where);
            Integer t = year(to, where);
            if (f == null && t == null) throw new IllegalStateException(where + ": give at least one of from, to");
            if (f != null && t != null && f > t) throw new IllegalStateException(where + ": from is after to");
            String note = c[5].strip();
            if (note.isEmpty()) throw new IllegalStateException(where + ": the note says why; it is shown to the writer");
            List<Condition> when = c.length > 6 ? ProofreadingRules.conditions(c[6].strip(), where) : List.of();
            out.add(new Entry("y" + line.line(), term, f, !from.endsWith("?"), t, !to.endsWith("?"), c[3].strip(),
                    c[4].strip(), note, when));
        }
        if (out.isEmpty()) throw new IllegalStateException(source + ": no entries");
        return List.copyOf(out);
    }

    private static Integer year(String s, String where) {
        if (s.isEmpty()) return null;
        String y = s.endsWith("?") ? s.substring(0, s.length() - 1) : s;
        if (!y.matches("(?:19|20)\\d{2}")) throw new IllegalStateException(where + ": '" + s + "' is not a year");
        return Integer.parseInt(y);
    }
}
