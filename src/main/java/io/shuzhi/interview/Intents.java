package io.shuzhi.interview;

import io.shuzhi.interview.InterviewEngine.Intent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a writer's message asks for. Only short messages count as commands: "没有" alone skips a topic, while a long
 * answer that happens to contain 没有 is an answer.
 */
public final class Intents {

    /** Longest message, after trimming, that can still be a command. */
    static final int COMMAND_MAX = 12;
    private static final List<String> GENERATE = List.of("生成草稿", "生成报告", "生成", "可以写了", "可以写", "写吧",
            "出稿", "出草稿", "开始写", "直接写", "写报告", "起草", "开始起草");
    private static final List<String> PROGRESS = List.of("到哪了", "到哪儿了", "到哪里了", "进度", "还有几个", "还剩",
            "还有多少", "问到哪", "第几个");
    private static final List<String> HELP = List.of("怎么用", "你能做什么", "能做什么", "如何使用", "使用说明", "怎么操作",
            "帮助", "help");
    private static final List<String> SKIP = List.of("跳过", "没有", "暂无", "不清楚", "下一个", "下一题", "不知道",
            "不记得", "记不清", "没开展", "未开展", "就这些", "没了");
    /** One-character commands must be the whole message: 略 sits inside 策略, 无 inside 无私. */
    private static final List<String> SKIP_EXACT = List.of("略", "无", "没", "过", "pass", "skip");
    private static final Pattern TRIM = Pattern.compile("^[\\s，,。.！!？?、~～…]+|[\\s，,。.！!？?、~～…]+$");
    private static final Pattern PARTICLES = Pattern.compile("[吧呢啊呀哈嘛]+$");
    private static final List<String> CHANGE_MARKERS = List.of("应改为", "更正为", "更改为", "改成", "改为", "改作",
            "换成", "应为", "应该是", "应是", "其实是", "实际是");
    private static final Pattern CORRECTION_WORDS = Pattern.compile(
            "更正|纠正|改一下|写错|说错|记错|搞错|弄错|错了|不对|应改为|更正为|更改为|改成|改为|改作|换成|应为|应该是|应是|其实是|实际是|不是"
                    // "翻了下台账，突击队是6支": looked it up, so the number said with 是 replaces the one said before
                    + "|(?:翻|查|核|对)了(?:一)?下(?:台账|记录|系统|账本|本子)|核实了一下|核对了一下");

    /** Words that own a mistake, as opposed to the verbs of change ("改成", "应该是") that a fact may use as well. */
    private static final Pattern OWNED = Pattern.compile("更正|纠正|改一下|写错|说错|记错|搞错|弄错|打错|敲错|错了|不对|不是");

    private final NumberParser numbers;

    /** Reads commands and corrections with the figures {@code numbers} finds (see {@link Lexicon}). */
    Intents(NumberParser numbers) {
        this.numbers = numbers;
    }

    /** Whether {@code at} is inside quotation marks (“…”, "…", 「…」) of {@code text}. */
    private static boolean quoted(String text, int at) {
        int open = 0;
        int straight = 0;
        for (int i = 0; i < at && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '「') open++;
            else if ((c == '”' || c == '」') && open > 0) open--;
            else if (c == '"') straight ^= 1;
        }
        return open > 0 || straight == 1;
    }

    /** A correction: {@code from} is the number to replace (null when only the new one was said), {@code hint} the words that say which fact. */
    record Correction(Quantity from, Quantity to, String hint) {
    }

    /** A verb between 不是 and the old figure: "不是降了0.31%". */
    private static final Pattern VERB_BETWEEN = Pattern.compile("(?:\\p{IsHan}{1,2})了?");

    /** How the message reads. */
    public Intent classify(String text) {
        if (text == null || text.isBlank()) return Intent.ANSWER;
        if (correction(text).isPresent()) return Intent.CORRECTION;
        String s = TRIM.matcher(text.strip()).replaceAll("");
        if (s.isEmpty()) return text.contains("?") || text.contains("？") ? Intent.HELP : Intent.ANSWER;
        if (s.length() > COMMAND_MAX || s.chars().anyMatch(Character::isDigit)) return Intent.ANSWER;
        String lower = s.toLowerCase();
        String bare = PARTICLES.matcher(lower).replaceAll("");
        if (GENERATE.stream().anyMatch(lower::contains)) return Intent.GENERATE;
        if (PROGRESS.stream().anyMatch(lower::contains)) return Intent.PROGRESS;
        if (HELP.stream().anyMatch(lower::contains)) return Intent.HELP;
        if (SKIP.stream().anyMatch(lower::contains) || SKIP_EXACT.contains(bare)) return Intent.SKIP;
        return Intent.ANSWER;
    }

    /**
     * Reads "研讨是15次不是12次", "不是12次，是15次", "把12次改成15次", "12次错了，应该是15次", "更正：研讨次数应为15次".
     * Empty when the message is not a correction.
     */
    public Optional<Correction> correction(String text) {
        if (text == null || text.length() > 80) return Optional.empty();
        boolean words = CORRECTION_WORDS.matcher(text).find();
        if (!words && !OLD_NAMED.matcher(text).find()) return Optional.empty();
        List<Located> qs = locate(text);
        if (qs.isEmpty()) return Optional.empty();
        Optional<Correction> named = oldNamed(text, qs);
        if (named.isPresent() || !words) return named;
        int not = text.indexOf("不是");
        for (int i = 0; not >= 0 && i + 1 < qs.size(); i++) {
            Located a = qs.get(i);
            Located b = qs.get(i + 1);
            // "不是12次，(而)是15次": the old number follows 不是 at once.
            // (a verb may stand between: "不是降了0.31%，是0.31个百分点")
            if (a.start >= not + 2 && (a.start - (not + 2) <= 1 || VERB_BETWEEN.matcher(between(text, not + 2, a.start)).matches())
                    && between(text, a.end, b.start).matches("[，,、\\s]*(而|而是|是|应是|应该是|应为)?")) {
                return Optional.of(build(text, a, b));
            }
            // "研讨是15次(，)不是12次".
            if (a.end <= not && between(text, a.end, not).matches("[，,、\\s]*") && b.start - (not + 2) <= 1
                    && before(text, a.start, 3).contains("是")) {
                return Optional.of(build(text, b, a));
            }
        }
        for (String marker : CHANGE_MARKERS) {
            int at = text.indexOf(marker);
            if (at < 0) continue;
            Located after = qs.stream().filter(q -> q.start >= at + marker.length()).findFirst().orElse(null);
            if (after == null || after.start - (at + marker.length()) > 2) continue;
            // "夜学改成“一人一题”": a number inside a quoted name is part of the name, not a new figure
            if (quoted(text, after.start)) continue;
            Located beforeQ = qs.stream().filter(q -> q.end <= at).reduce((x, y) -> y).orElse(null);
            // "改成", "应该是" are also plain verbs of a fact or a plan ("把平房改成3间活动室"): without the old number
            // or a word owning a mistake, only a short message with one number is a correction ("研讨次数改成15次")
            if (beforeQ == null && !OWNED.matcher(text).find() && (qs.size() > 1 || text.length() > 30)) continue;
            return Optional.of(build(text, beforeQ, after));
        }
        return admittedSlip(text, qs);
    }

    /**
     * Every correction in a message: the one {@link #correction(String)} reads, then, when the writer owns a slip, the
     * other pairs "是8个不是7个" and numbers said with 是 ("经责那个说错了，审的是12个人，部门一把手是8个不是7个").
     */
    public List<Correction> corrections(String text) {
        Optional<Correction> first = correction(text);
        if (first.isEmpty()) return List.of();
        List<Correction> out = new ArrayList<>(List.of(first.get()));
        if (!SLIP.matcher(text).find()) return out;
        List<String> used = new ArrayList<>();
        for (Correction c : out) {
            used.add(c.to().raw());
            if (c.from() != null) used.add(c.from().raw());
        }
        List<Located> qs = locate(text);
        for (int i = 0; i < qs.size(); i++) {
            Located q = qs.get(i);
            if (used.contains(q.q.raw())) continue;
            // "1200是9月底的数": a month or a day is a date, not a figure said again
            if (q.q.unit().isEmpty() && q.end < text.length() && "月日号".indexOf(text.charAt(q.end)) >= 0) continue;
            Located next = i + 1 < qs.size() ? qs.get(i + 1) : null;
            String lead = before(text, q.start, 3);
            if (next != null && !used.contains(next.q.raw()) && between(text, q.end, next.start).matches("[，,、\\s]*不是")
                    && lead.contains("是")) {
                out.add(build(text, next, q));
                used.add(q.q.raw());
                used.add(next.q.raw());
                i++;
            } else if (lead.matches(".*(?:是|为)$") && !lead.endsWith("不是")) {
                // which fact: the words said since the number before it ("经责那个说错了，审的是" for 12个人)
                int from = i > 0 ? qs.get(i - 1).end : 0;
                Correction c = build(text, null, q);
                out.add(new Correction(null, c.to(), build(text.substring(from, q.end), null, q).hint()));
                used.add(q.q.raw());
            }
        }
        return out;
    }

    /** "你先把我说过的数字列一遍给我看看", "记了哪些数字？": the writer asks to hear back what is recorded. */
    private static final Pattern READ_BACK = Pattern.compile(
            "(?:把|将)?(?:我|我们)?(?:说过|讲过|报过|给过|提供)的(?:数字|数据|数|情况|内容)?(?:都)?(?:列|念|报|读|过|发|整理)(?:一遍|一下|下|出来)"
                    + "|(?:列|念|报|读)(?:一遍|一下|出来)(?:我|我们)?(?:说过|讲过|给过)?的?(?:数字|数据)"
                    + "|(?:都)?记(?:了|下了|下)哪些(?:数字|数据|内容|事)?|(?:现在|目前)?记(?:了|下)(?:多少|几)(?:条|个)");

    /** "…1.42亿，…9400万，加起来是多少你帮我算下": the writer asks the assistant to add the figures they gave. */
    private static final Pattern SUM = Pattern.compile("(?:加起来|加在一起|合起来|合计|一共|总共)(?:是)?多少|帮(?:我)?(?:算|加)(?:一下|下)");

    /**
     * The sum of the amounts a message gives when it asks for one ("…1.42亿，…9400万，加起来是多少你帮我算下" → "2.36亿"),
     * in the larger of 亿 and 万 said (元 kept when only 元 was said); empty when it asks none or gives fewer than two
     * amounts of money.
     */
    public Optional<String> sumAsked(String text) {
        if (text == null || !SUM.matcher(text).find()) return Optional.empty();
        List<Quantity> money = numbers.find(text).stream().filter(q -> q.unit().matches("(?:万|亿)?元?") && !q.unit().isEmpty())
                .toList();
        if (money.size() < 2) return Optional.empty();
        boolean yi = money.stream().anyMatch(q -> q.unit().startsWith("亿"));
        boolean wan = money.stream().anyMatch(q -> q.unit().startsWith("万"));
        BigDecimal total = BigDecimal.ZERO;
        for (Quantity q : money) {
            BigDecimal yuan = q.value().multiply(q.unit().startsWith("亿") ? BigDecimal.valueOf(100_000_000)
                    : q.unit().startsWith("万") ? BigDecimal.valueOf(10_000) : BigDecimal.ONE);
            total = total.add(yuan);
        }
        BigDecimal per = yi ? BigDecimal.valueOf(100_000_000) : wan ? BigDecimal.valueOf(10_000)
                : BigDecimal.ONE;
        String amount = total.divide(per, 4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        boolean saidYuan = money.stream().anyMatch(q -> q.unit().endsWith("元"));
        return Optional.of(amount + (yi ? "亿" : wan ? "万" : "") + (saidYuan || !(yi || wan) ? "元" : ""));
    }

    /** Whether the writer asks to hear back what is recorded. */
    public static boolean readBack(String text) {
        return text != null && text.length() <= 40 && READ_BACK.matcher(text).find();
    }

    /**
     * A word the writer mends: "上一条打错了，是调委会不是调未会" ({@code from} 调未会, {@code to} 调委会), and the rest of the
     * message, which is read as any other.
     */
    public record WordFix(String from, String to, String rest) {
    }

    private static final Pattern WORD_FIX = Pattern.compile(
            "^(?:(?:上一条|上条|刚才|前面|上面|刚刚)?(?:打错了?|写错了?|敲错了?|打了个错字|有个错字|错别字)[，,]?\\s*)?"
                    + "(?:(?:是|应该是|应为)“?(\\p{IsHan}{2,8})”?[，,]?\\s*(?:不是|而不是)“?(\\p{IsHan}{2,8})”?"
                    + "|不是“?(\\p{IsHan}{2,8})”?[，,]?\\s*(?:是|而是|应该是)“?(\\p{IsHan}{2,8})”?)(?:[，,]?\\s*(?:打错了?|写错了?|敲错了?))?[。！!]?$");

    /** The word mended in a sentence of its own, with no figure in it; empty when there is none. */
    public static Optional<WordFix> wordFix(String text) {
        if (text == null) return Optional.empty();
        List<String> rest = new ArrayList<>();
        WordFix found = null;
        for (String sentence : text.split("(?<=[。！!？?；;\\n])")) {
            Matcher m = WORD_FIX.matcher(sentence.strip());
            if (found == null && m.matches() && !sentence.matches(".*[0-9０-９].*")) {
                String to = m.group(1) != null ? m.group(1) : m.group(4);
                String from = m.group(1) != null ? m.group(2) : m.group(3);
                if (!to.equals(from) && Math.abs(to.length() - from.length()) <= 2) {
                    found = new WordFix(from, to, "");
                    continue;
                }
            }
            rest.add(sentence);
        }
        return found == null ? Optional.empty()
                : Optional.of(new WordFix(found.from(), found.to(), String.join("", rest).strip()));
    }

    /**
     * "刚才那个培训的放到问题里吧", "上面那条养老机构红包的放到监督那块": the writer moves something said before.
     * {@code what}: words naming it; {@code where}: the place named ("问题", "监督"); {@code reasons}: the clauses after.
     */
    public record Move(String what, String where, List<String> reasons) {
    }

    private static final Pattern MOVE = Pattern.compile(
            "^(?:把|将)?(?:刚才|上面|前面|之前|刚刚|上一条|前边)(?:说的|讲的|提的|那个|那条|那句|那段|那一条|这条|的)*"
                    + "(\\p{IsHan}[\\p{IsHan}“”]{0,11}?)(?:的|那条|那个|这条|这个)?"
                    + "(?:放到|挪到|移到|归到|写到|放进|挪进|写进|调到|放在|写在|归入|并到|并入)"
                    + "(\\p{IsHan}{1,8}?)(?:里面|里头|里|那块|这块|那部分|部分|方面|那边|中|一块)?(?:去)?(?:吧|啊|呢|吧啊)?$");

    /** A move asked for in the message's first clause; empty when there is none. */
    public static Optional<Move> move(String text) {
        if (text == null) return Optional.empty();
        String[] clauses = text.strip().split("[，,。；;！!]\\s*");
        if (clauses.length == 0) return Optional.empty();
        Matcher m = MOVE.matcher(clauses[0]);
        if (!m.matches()) return Optional.empty();
        String what = m.group(1).replaceAll("[“”]", "").replaceFirst("^(?:那个|那条|这个|这条)", "");
        if (what.length() < 2) return Optional.empty();
        List<String> reasons = new ArrayList<>();
        for (int i = 1; i < clauses.length; i++) if (!clauses[i].isBlank()) reasons.add(clauses[i].strip());
        return Optional.of(new Move(what, m.group(2), List.copyOf(reasons)));
    }

    /** "罚没款那个数别写了", "把公车那条删掉": what the writer asks to leave out, named before the request. */
    private static final Pattern REMOVAL = Pattern.compile(
            "^(?:哦对|对了|还有|另外|哦)?[，,]?\\s*(?:把)?(\\p{IsHan}{2,8}?)(?:那个数字?|这个数字?|的数字?|那一条|这一条|那条|这条|那句|这句|那段|这段)?"
                    // "问题部分别写太狠" asks how to write it, not to leave it out
                    + "(?:就|还是)?(?:别写了|不要写了|不写了|(?:别|不要)写(?![太得那这很过成多少重轻狠虚空])|删掉|删了|删去|去掉|拿掉)");

    /**
     * The word naming what the writer asks to leave out of the report ("罚没款"), or empty. Only a message that starts
     * with the request counts: "…，不用写进问题" is an aside about where something goes, read elsewhere.
     */
    public Optional<String> removal(String text) {
        if (text == null) return Optional.empty();
        Matcher m = REMOVAL.matcher(text.strip());
        if (!m.find()) return Optional.empty();
        // "…别写了，业务上完成投资3亿元": a message that goes on with figures of the year is facts, not only a request
        String rest = text.strip().substring(m.end());
        if (numbers.find(rest).stream().anyMatch(q -> !q.unit().isEmpty())) return Optional.empty();
        String what = m.group(1).replaceAll("^(?:那个|这个|那|这)", "");
        return what.length() >= 2 ? Optional.of(what) : Optional.empty();
    }

    /** The writer owns a slip: "刚才敲错了", "不对不对", "我看串行了", "数字顺序打反了". */
    private static final Pattern SLIP = Pattern.compile(
            "(?:说|打|敲|记|写|搞|弄|看|算)(?:错|串|反|岔)|不对(?=[，,。！!\\s不是]|$)|错了|口误"
                    + "|(?:翻|查|核|对)了(?:一)?下(?:台账|记录|系统|账本|本子)|核实了一下|核对了一下");
    /** Between a number and the one that replaces it: "1,300多册，不对，是1,030多册". */
    private static final Pattern INLINE_SLIP = Pattern.compile(
            "^[，,]\\s*(?:哦|啊|呃)?(?:(?:不对(?:不对)?|(?:我)?(?:说|打|敲|记|算|搞)(?:错|岔|串)了?|错了|口误)[，,]?\\s*){1,3}(?:应该是|应是|应为|是)?$");

    /**
     * A message of facts with a slip mended as it is typed: "征集了1,300多册，不对，是1,030多册，其中家谱四十几部" →
     * "征集了1,030多册，其中家谱四十几部". The rest of the message is kept as it was said.
     */
    public String inlineCorrected(String text) {
        if (text == null || !SLIP.matcher(text).find()) return text;
        List<Located> qs = locate(text);
        for (int i = 0; i + 1 < qs.size(); i++) {
            Located a = qs.get(i);
            Located b = qs.get(i + 1);
            if (a.end <= b.start && INLINE_SLIP.matcher(text.substring(a.end, b.start)).matches()) {
                // "签约1.8万人，哦不对是1.68万": the new number keeps the old one's longer unit (万人)
                String now = b.q.raw();
                if (a.q.unit().startsWith(b.q.unit()) && a.q.unit().length() > b.q.unit().length()
                        && a.q.raw().endsWith(a.q.unit())) {
                    now += a.q.unit().substring(b.q.unit().length());
                }
                String mended = text.substring(0, a.start) + now + text.substring(b.end);
                // "…，7.9是按初审数算的": the old number's explanation goes with it
                mended = mended.replaceFirst("[，,]\\s*" + Pattern.quote(leadingNumber(a.q.raw()))
                        + "[^，,。；;0-9]{0,3}?(?:是|那个是|那是)" + OLD_WORDS + "[^，,。；;]*", "");
                return inlineCorrected(mended);
            }
        }
        return text;
    }

    /** The digits a figure starts with: "7.9%" → "7.9", "1,300多册" → "1,300". */
    private static String leadingNumber(String raw) {
        int i = 0;
        while (i < raw.length() && "0123456789.,０１２３４５６７８９".indexOf(raw.charAt(i)) >= 0) i++;
        return i == 0 ? raw : raw.substring(0, i);
    }

    /** Words that say a number is an old one: 去年, 上半年, 年初, 初审, 按…算. */
    private static final String OLD_WORDS = "(?:去年|上年|前年|之前|原来|上半年|下半年|年初|年中|初审|按[^，,。；;]{1,8}算"
            // "1200是9月底的数", "是前三季度的": a figure of an earlier point of the year
            + "|截[至止]?\\p{IsHan}{0,2}[0-9０-９一二三四五六七八九十]{1,2}月|[0-9０-９一二三四五六七八九十]{1,2}月(?:底|末|初|份|中)?的"
            + "|前[一二三]季度|[一二三]季度末?的"
            // "88是预算数", "9个亿是年初定的目标": a figure planned, not done
            + "|预算|计划数|目标数|原定|定的目标"
            // "两千一百来套是我凭印象说的": a figure said from memory, not looked up
            + "|我?凭印象|估的|估计的|估算的|大概说的|随口说的"
            // "危桥14座说多了": the writer says the figure was too high or too low
            + "|说多了|说少了|报多了|报少了|多算了|少算了|算多了|算少了|多报了|少报了"
            // "4.37亿说的是审批额": a figure approved or signed, not the one paid out
            + "|(?:审批|批复|合同|签约|申报|预估|预计|核定)(?:的)?(?:额|数|金额|数字)"
            // "3862件是连派出所调的一起算的": a figure that counted others' work too
            + "|连\\p{IsHan}{1,10}?(?:一起|一块儿?|都)?算(?:进来|进去|上)?的|(?:一起|合起来|加起来|加在一起|合在一起|全部)算的"
            + "|含(?:了)?\\p{IsHan}{1,8}的|包括\\p{IsHan}{1,8}的)";

    /** What the old number was, said after it: "126亿是去年的", "31是上半年的数", "7.9是按初审数算的". */
    private static final Pattern OLD_AFTER = Pattern.compile(
            "^\\p{IsHan}?(?:说的|讲的)?(?:是|那个是|那是)?" + OLD_WORDS);
    /** A number said to be an old one, anywhere in a message ("…，31是上半年的数"). */
    private static final Pattern OLD_NAMED = Pattern.compile(
            "[0-9０-９一二三四五六七八九十两百千万亿.]+[来多余]?\\p{IsHan}?(?:说的|讲的)?(?:是|那个是|那是)" + OLD_WORDS);

    /**
     * "护学岗是37个，31是上半年的数", "党员是24个，26个是年初的数，有2个调走了": the writer names the old number and says
     * what it was; the number said with 是 before it (not 不是) is the new one. The rest of the message explains.
     */
    private static Optional<Correction> oldNamed(String text, List<Located> qs) {
        Located old = null;
        // the first number named as old: "危桥14座说多了，有2座是去年就开工的…" explains with the second
        for (Located q : qs) {
            if (OLD_AFTER.matcher(text.substring(q.end)).find()) {
                old = q;
                break;
            }
        }
        if (old == null) return Optional.empty();
        for (Located q : qs) {
            if (q == old) continue;
            String lead = before(text, q.start, 3);
            boolean sameUnit = old.q.unit().isEmpty() || q.q.unit().isEmpty() || old.q.unit().equals(q.q.unit());
            // "是1300来万", "你按2,146套写": the number said with 是, 为 or 按 is the new one
            if (lead.matches(".*(?:是|为|按)[约近]?$") && !lead.endsWith("不是") && sameUnit) {
                return Optional.of(build(text, old, q));
            }
        }
        return Optional.empty();
    }

    /**
     * "哦不对，住院是1,340人次，刚才敲错了", "罚没款刚才说错了，是482万元", "刚才说错了，协议投资是112亿元，126亿是去年的":
     * a slip owned, and one number said with 是 (or 为) right before it: the new number; the rest says which fact.
     * Another number followed by "是去年的" is the old one.
     */
    private Optional<Correction> admittedSlip(String text, List<Located> qs) {
        // More numbers than a correction names: a message of facts, whose inline slips inlineCorrected() mends.
        // (a month or a day is a date: "9月份防台风临时拉了一支" counts one number, not two)
        long numbers = qs.stream().filter(q -> !(q.q.unit().isEmpty() && q.end < text.length()
                && "月日号".indexOf(text.charAt(q.end)) >= 0)).count();
        if (!SLIP.matcher(text).find() || numbers > 2) return Optional.empty();
        Located now = null;
        for (Located q : qs) {
            String lead = before(text, q.start, 3);
            if (lead.matches(".*(?:是|为)[约近]?$") && !lead.endsWith("不是") && !lead.contains("分别")) {
                if (now != null) return Optional.empty(); // two new numbers: not one correction
                now = q;
            }
        }
        if (now == null) return Optional.empty();
        Located old = null;
        for (Located q : qs) {
            if (q != now && OLD_AFTER.matcher(text.substring(q.end)).find()) old = q;
        }
        return Optional.of(build(text, old, now));
    }

    private record Located(Quantity q, int start, int end) {
    }

    private List<Located> locate(String text) {
        List<Located> out = new ArrayList<>();
        int from = 0;
        for (Quantity q : numbers.findAll(text)) {
            int at = numbers.indexOf(text, q.raw(), from);
            if (at < 0) continue;
            out.add(new Located(q, at, at + q.raw().length()));
            from = at + q.raw().length();
        }
        return out;
    }

    private static Correction build(String text, Located from, Located to) {
        Quantity old = from == null ? null : from.q;
        Quantity now = to.q;
        // "改成15" without a unit borrows the old one's: "把12次改成15" means 15次.
        if (old != null && now.unit().isEmpty() && !old.unit().isEmpty()) {
            now = new Quantity(now.raw() + old.unit(), now.value(), old.unit(), now.approx());
        } else if (old != null && old.unit().isEmpty() && !now.unit().isEmpty()) {
            old = new Quantity(old.raw(), old.value(), now.unit(), old.approx());
        }
        String hint = text;
        if (from != null) hint = hint.replace(from.q.raw(), " ");
        hint = hint.replace(to.q.raw(), " ");
        hint = CORRECTION_WORDS.matcher(hint).replaceAll(" ");
        hint = SLIP.matcher(hint).replaceAll(" ");
        hint = hint.replaceAll("[把将是的了而：:，,。.！!？?、\\s]+", " ").strip();
        return new Correction(old, now, hint);
    }

    private static String between(String text, int from, int to) {
        return from <= to ? text.substring(from, to) : "#";
    }

    private static String before(String text, int at, int n) {
        return text.substring(Math.max(0, at - n), at);
    }
}
