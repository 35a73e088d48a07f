package io.shuzhi.interview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the writer's unit ("机关第一党支部") and the report's year from the answer to the opening question. */
final class ProfileParser {

    /** What the answer gave; either part may be null. */
    public record Profile(String unit, String year) {
        public boolean complete() {
            return unit != null && year != null;
        }
    }

    private static final String UNIT_END = "党支部委员会|支部委员会|党总支部委员会|党总支部|党总支|党支部|党工委|党委|党组|支部";
    private static final Pattern QUOTED = Pattern.compile("[“\"「『《‘']([^”\"」』》’']{2,40})[”\"」』》’']");
    private static final Pattern UNIT_WORD = Pattern.compile(UNIT_END);
    private static final Pattern ENDS_AS_UNIT = Pattern.compile("(?:" + UNIT_END + ")$");
    /** Words that come before the unit's name in a spoken answer, not part of it. */
    private static final Pattern LEAD_IN = Pattern.compile("^(?:(?:19|20)[0-9]{2}年度?|[一二〇零三四五六七八九]{4}年度?|今年|去年"
            + "|我们|咱们|本人|我|这里|单位|所在|来自|全称|名称|名字|全名|叫做|叫|是|在|的|党组织"
            + "|(?:党支部|支部)(?=是|叫|的|全称|名称))+");
    private static final Pattern REPORT_NAME = Pattern.compile(
            "\\s*(?:的)?(?:年度)?(?:个人)?(?:工作)?(?:总结|述职报告|述职|述责述廉报告|述责述廉|报告)(?:吧|啊|呢)?$");
    private static final Pattern ARABIC_YEAR = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])");
    private static final Pattern CHINESE_YEAR = Pattern.compile("([一二〇零两三四五六七八九]{4})年?");

    private final Words words;
    private final NumberParser numbers;

    /** Reads answers in {@code words}, with the figures {@code numbers} finds (see {@link Lexicon}). */
    ProfileParser(Words words, NumberParser numbers) {
        this.words = words;
        this.numbers = numbers;
    }

    /** The unit and year in {@code text}; "今年" and "去年" are read against {@code currentYear}. */
    public Profile parse(String text, int currentYear) {
        if (text == null || text.isBlank()) return new Profile(null, null);
        return new Profile(unit(text), year(text, currentYear));
    }

    /**
     * As {@link #parse(String, int)}, for a kind whose {@code {unit}} is not a party organisation ("单位和职务":
     * "市财政局预算处处长"; "单位名称": "市财政局预算处"): when no party word names the unit, the answer without its
     * year and spoken lead-in is the unit.
     */
    public Profile parse(String text, int currentYear, String unitLabel) {
        if (text != null && unitLabel != null && unitLabel.contains("职务")) {
            String withPost = unitWithPost(text);
            if (withPost != null) return new Profile(withPost, year(text, currentYear));
        }
        Profile p = parse(text, currentYear);
        if (p.unit() != null || text == null || unitLabel == null || unitLabel.contains("党")) return p;
        String rest = text.replaceAll("(?:19|20)[0-9]{2}\\s*年?度?|[一二〇零两三四五六七八九]{4}年度?|今年|去年|本年度?", " ");
        String free = null;
        for (String clause : rest.split("[，,。；;！!？?\\n]+")) {
            String c = stripQuotes(LEAD_IN.matcher(clause.strip()).replaceFirst("").strip())
                    .replaceAll("^[的是在：:]+|[的了呢吧。]+$", "").strip();
            // "宁川县税务局 工作总结": the name of the report after the unit is not part of it.
            c = REPORT_NAME.matcher(c).replaceFirst("").strip();
            boolean figures = numbers.find(c).stream().anyMatch(q -> !q.unit().isEmpty());
            // What is left names a unit only if it has a noun: "我要写个人述职" leaves "要写".
            boolean noun = words.of(c).stream().anyMatch(w -> w.pos().startsWith("n"));
            if (c.length() >= 2 && c.length() <= 40 && !figures && noun
                    && !c.matches(".*(?:报告|述职|总结|年份|年度).*")) {
                free = c;
                break;
            }
        }
        return new Profile(free, p.year());
    }

    /** Words that end a post ("副局长", "党组成员", "支部书记"); a clause with one names the writer's unit and post. */
    private static final Pattern POST = Pattern.compile(
            "(?:局长|处长|科长|股长|主任|书记|校长|院长|所长|站长|经理|部长|主席|委员|成员|镇长|乡长|县长|区长|市长|队长|组长|"
                    + "馆长|行长|厅长|司长|总监|董事长|总经理|主管|干事|专员|调研员|政委|教导员|村长|社长|会长|秘书长|厂长|"
                    + "车间主任|护士长|园长|台长|总工程师|副职|负责人|理事长|监事长|主委)");

    /**
     * "我是某县住建局党组成员、副局长，2026年" → "某县住建局党组成员、副局长": for a kind whose {unit} is the unit and
     * the post, the clause naming the post is kept whole (a party word inside it, such as 党组, does not end it).
     */
    String unitWithPost(String text) {
        String[] clauses = text.split("[，,。；;！!？?\\n]+");
        for (int i = 0; i < clauses.length; i++) {
            String clause = clauses[i];
            Matcher m = POST.matcher(clause);
            int last = -1;
            while (m.find()) last = m.end();
            if (last < 0) continue;
            String name = clause.substring(0, last)
                    .replaceAll("(?:19|20)[0-9]{2}\\s*年?度?的?|今年|去年|本年度?", "");
            name = stripQuotes(LEAD_IN.matcher(name.strip()).replaceFirst("")).replaceAll("^(?:现任|担任|任|作为)", "")
                    .strip();
            // "梧桐县统计局，局长兼党组书记": the unit said in the clause before the post
            String before = i > 0 ? stripQuotes(LEAD_IN.matcher(clauses[i - 1].strip()).replaceFirst("").strip()) : "";
            if (!before.isEmpty() && ORGANISATION.matcher(before).find() && !name.contains(before)
                    && numbers.find(before).isEmpty() && startsWithPost(name)) {
                name = before + name;
            }
            if (name.length() >= 3 && !name.matches("(?:" + POST.pattern() + ")")) return partyPostFirst(name);
        }
        return null;
    }

    /** "局长兼党组书记" as a title writes it: the party post first, "党组书记、局长". */
    private static final Pattern POST_THEN_PARTY = Pattern.compile(
            "^(.*?)((?:副|常务副)?(?:局长|主任|院长|校长|所长|站长|馆长|镇长|乡长|区长|县长|经理|总经理|董事长|行长|部长|处长|科长))兼"
                    + "(党(?:组|委|工委|总支|支部)(?:副)?书记|党组成员|党委委员)$");

    static String partyPostFirst(String name) {
        Matcher m = POST_THEN_PARTY.matcher(name);
        return m.matches() ? m.group(1) + m.group(3) + "、" + m.group(2) : name;
    }

    /** A unit's name ends with a word for an organisation: 局, 开发区, 中心, 卫生院, 街道… */
    private static final Pattern ORGANISATION = Pattern.compile(
            "^\\p{IsHan}{2,20}(?:局|厅|委|办|处|科|股|所|站|队|院|馆|校|园|区|县|市|镇|乡|街道|社区|村|中心|公司|集团|厂|行|庭|部|室|库"
                    // people's organisations, often said short: 残联, 妇联, 科协, 红十字会, 供销社
                    + "|联|协|会|社)$");

    /** The post clause begins with the post or a party body of the unit ("党工委副书记", "局长兼党组书记"). */
    private static boolean startsWithPost(String name) {
        Matcher m = POST.matcher(name);
        return name.matches("^(?:党工委|党委|党组|党总支|党支部|管委会|班子).*") || m.find() && m.start() == 0
                || name.matches("^(?:副|常务副|主要)?(?:" + POST.pattern() + ").*");
    }

    static String unit(String text) {
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            String inside = q.group(1).strip();
            if (ENDS_AS_UNIT.matcher(inside).find()) return inside;
        }
        for (String clause : text.split("[，,。；;：:！!？?\\s、]+")) {
            Matcher m = UNIT_WORD.matcher(clause);
            int last = -1;
            while (m.find()) last = m.end();
            if (last < 0) continue;
            // "我是机关第一党支部书记" → cut after the last party word, then drop the spoken lead-in.
            String name = stripQuotes(LEAD_IN.matcher(clause.substring(0, last)).replaceFirst(""));
            // "党支部" alone names no unit; the writer must say which one.
            if (!name.isEmpty() && !name.matches("(?:" + UNIT_END + ")")) return name;
        }
        q.reset();
        // A quoted name without a party word ("“财务处”") is still the writer's own answer.
        if (q.find() && q.group(1).strip().length() >= 2 && !q.group(1).matches(".*\\d{4}.*")) return q.group(1).strip();
        return null;
    }

    static String year(String text, int currentYear) {
        Matcher a = ARABIC_YEAR.matcher(text);
        if (a.find()) return a.group(1);
        Matcher c = CHINESE_YEAR.matcher(text);
        while (c.find()) {
            var v = NumberParser.parseNumeral(c.group(1));
            if (v.isPresent() && v.get().intValue() >= 1900 && v.get().intValue() <= 2100) {
                return String.valueOf(v.get().intValue());
            }
        }
        if (text.contains("今年") || text.contains("本年度") || text.contains("本年")) return String.valueOf(currentYear);
        if (text.contains("去年") || text.contains("上一年")) return String.valueOf(currentYear - 1);
        return null;
    }

    private static String stripQuotes(String s) {
        return s.replaceAll("^[“\"「『《‘']+|[”\"」』》’']+$", "");
    }
}
