package io.shuzhi.interview;

import io.shuzhi.interview.Intents.Correction;
import io.shuzhi.interview.ProfileParser.Profile;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The interview without a model: asks the kind's questions in order, reads answers with rules, and never asks again
 * about a topic that already has facts.
 */
@Component
public class OfflineInterviewer implements InterviewEngine {

    private static final List<String> QUESTION_CHOICES = List.of("跳过", "生成草稿");
    private static final List<String> DONE_CHOICES = List.of("生成草稿");
    /** Verbs and adverbs that open a clause but say nothing in a short acknowledgement ("开展研讨24次" → "研讨24次"). */
    private static final Pattern ACK_LEAD = Pattern.compile(
            "^(?:全年|累计|共计|一共|总共|共|先后|大概|大约|差不多|已经|已|还|又|并|都|也|了|开展了?|组织了?|召开了?|举办了?|购买了?|发放了?|"
                    + "完成了?|进行了?|参加了?|达到了?|达|有|为|是)+");

    private final Clock clock;

    public OfflineInterviewer() {
        this(Clock.systemDefaultZone());
    }

    OfflineInterviewer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Reply greet(ReportKind kind, InterviewState state) {
        String headings = String.join("、", kind.parts().stream().map(PartSpec::heading).toList());
        String hello = "您好，我是述职助手（离线模式）。我会按报告的结构一节一节地问您这一年的工作，再按“" + headings
                + "”" + numeral(kind.parts().size()) + "部分起草" + kind.name() + "报告。"
                + "草稿里的数字只用您说过的，缺的地方留【待补充】，绝不编造；随时可以说“跳过”或“生成”。";
        if (InterviewState.INTRO.equals(state.currentTopic())) {
            return new Reply(state, hello + "\n\n" + kind.intro().question(), Intent.ANSWER, List.of(), List.of());
        }
        // A resumed interview: say where it picks up, as at the start of a section.
        Asked next = askNext(kind, state, null);
        return new Reply(next.state, hello + "\n\n" + next.text, Intent.ANSWER, List.of(), next.choices);
    }

    /**
     * The next question after the state changed outside the chat (an imported report): the intro question while
     * unit or year is unknown, else the first topic still open.
     */
    public Reply next(ReportKind kind, InterviewState state) {
        if (state.unit() == null || state.year() == null) {
            InterviewState intro = state.withCurrentTopic(InterviewState.INTRO);
            return new Reply(intro, kind.intro().question(), Intent.ANSWER, List.of(), List.of());
        }
        Asked next = askNext(kind, state, null);
        return new Reply(next.state, next.text, Intent.ANSWER, List.of(), next.choices);
    }

    @Override
    public Reply answer(ReportKind kind, InterviewState state, String messageId, String text) {
        Intent intent = Intents.classify(text);
        if (InterviewState.INTRO.equals(state.currentTopic())) return intro(kind, state, intent, text);
        return switch (intent) {
            case ANSWER -> facts(kind, state, messageId, text);
            case SKIP -> skip(kind, state);
            case CORRECTION -> correct(kind, state, messageId, text);
            case PROGRESS -> reply(state, progress(kind, state) + "\n\n" + reask(kind, state), intent, List.of(),
                    choicesFor(state));
            case HELP -> reply(state, help() + "\n\n" + reask(kind, state), intent, List.of(), choicesFor(state));
            case GENERATE -> reply(state, generating(kind, state), intent, List.of(), List.of());
        };
    }

    // -- the opening question -----------------------------------------------------------------------------------

    private Reply intro(ReportKind kind, InterviewState state, Intent intent, String text) {
        switch (intent) {
            case HELP -> {
                return reply(state, help() + "\n\n" + kind.intro().question(), intent, List.of(), List.of());
            }
            case PROGRESS -> {
                return reply(state, "我们还在开头：先确认" + kind.intro().unitLabel() + "和年份。\n\n"
                        + kind.intro().question(), intent, List.of(),
                        List.of());
            }
            case GENERATE -> {
                return reply(state, generating(kind, state), intent, List.of(), List.of());
            }
            default -> {
            }
        }
        Profile p = intent == Intent.SKIP ? new Profile(null, null)
                : ProfileParser.parse(text, Year.now(clock).getValue(), kind.intro().unitLabel());
        String unit = p.unit() != null ? p.unit() : state.unit();
        String year = p.year() != null ? p.year() : state.year();
        InterviewState withProfile = state.withProfile(unit, year);
        // One polite second try, then move on with what there is: the draft shows a placeholder for the rest.
        boolean askedTwice = state.skipped().contains(InterviewState.INTRO);
        if ((unit == null || year == null) && !askedTwice && intent != Intent.SKIP) {
            String label = kind.intro().unitLabel();
            String missing = unit == null && year == null ? label + "和年份" : unit == null ? label : "报告对应的年份";
            String got = unit != null ? "好的，是“" + unit + "”。" : year != null ? "好的，是" + year + "年度。" : "";
            String example = kind.intro().example() == null ? "" : "（比如：" + kind.intro().example() + "）";
            return reply(withProfile.withSkipped(InterviewState.INTRO),
                    got + "还差" + missing + "，麻烦补充一下" + example + "。", Intent.ANSWER, List.of(), List.of());
        }
        String confirmed;
        if (unit != null && year != null) confirmed = "好的，" + unit + "，" + year + "年度。";
        else if (unit == null && year == null) {
            confirmed = "好的，" + kind.intro().unitLabel() + "和年份先空着，起草时会标【待补充】。";
        } else {
            confirmed = "好的，" + (unit != null ? unit : year + "年度") + "；"
                    + (unit == null ? kind.intro().unitLabel() : "年份") + "先空着，起草时会标【待补充】。";
        }
        Asked next = askNext(kind, withProfile, InterviewState.INTRO);
        return reply(next.state, confirmed + "\n\n" + next.text, Intent.ANSWER, List.of(), next.choices);
    }

    // -- answers, skips, corrections ------------------------------------------------------------------------------

    private Reply facts(ReportKind kind, InterviewState state, String messageId, String text) {
        RuleExtractor.Result r = RuleExtractor.extract(kind, state, messageId, text);
        if (r.added().isEmpty()) {
            return reply(state, "这句话里我没找到可以写进报告的内容。能再具体说说吗？不清楚的话可以说“跳过”。\n\n"
                    + reask(kind, state), Intent.ANSWER, List.of(), choicesFor(state));
        }
        Asked next = askNext(kind, r.state(), state.currentTopic());
        return reply(next.state, acknowledge(kind, r.added()) + "\n\n" + next.text, Intent.ANSWER, r.added(),
                next.choices);
    }

    private Reply skip(ReportKind kind, InterviewState state) {
        String current = state.currentTopic();
        if (current == null) {
            return reply(state, "问题已经问完了。还想补充什么可以直接说，或者说“生成”开始起草。", Intent.SKIP, List.of(),
                    DONE_CHOICES);
        }
        // A topic that already has facts is answered, not skipped: "就这些" only moves on.
        InterviewState skipped = state.factsFor(current).isEmpty() ? state.withSkipped(current) : state;
        Asked next = askNext(kind, skipped, current);
        String label = kind.topic(current).map(TopicSpec::label).orElse("这一项");
        String said = state.factsFor(current).isEmpty() ? "好的，“" + label + "”先跳过，草稿里会留【待补充】。"
                : "好的，“" + label + "”就记这些。";
        return reply(next.state, said + "\n\n" + next.text, Intent.SKIP, List.of(), next.choices);
    }

    private Reply correct(ReportKind kind, InterviewState state, String messageId, String text) {
        Optional<Correction> parsed = Intents.correction(text);
        if (parsed.isEmpty()) return facts(kind, state, messageId, text);
        Correction c = parsed.get();
        Fact target = null;
        Quantity old = null;
        int bestScore = -1;
        for (Fact f : state.facts()) {
            for (Quantity q : f.quantities()) {
                boolean same = c.from() != null
                        ? q.value().compareTo(c.from().value()) == 0
                        && (c.from().unit().isEmpty() || q.unit().equals(c.from().unit()))
                        : q.unit().equals(c.to().unit());
                if (!same) continue;
                int score = overlap(c.hint(), f.text() + kind.topic(f.topic()).map(TopicSpec::label).orElse(""));
                // Equal scores: the latest fact, since writers correct what they said last.
                if (score >= bestScore) {
                    bestScore = score;
                    target = f;
                    old = q;
                }
            }
        }
        if (target == null || (c.from() == null && bestScore == 0)) {
            String what = c.from() != null ? "“" + c.from().raw() + "”" : "要改的那一项";
            return reply(state, "没找到记着" + what + "的内容。您说的是哪一项？可以这样说：“把研讨的12次改成15次”。",
                    Intent.CORRECTION, List.of(), choicesFor(state));
        }
        String newText = replaceFirst(target.text(), old.raw(), c.to().raw());
        Fact fixed = target.withText(newText, NumberParser.findAll(newText));
        List<Fact> facts = new ArrayList<>(state.facts());
        facts.set(facts.indexOf(target), fixed);
        InterviewState next = state.withFacts(facts, state.nextFactId());
        String label = kind.topic(target.topic()).map(TopicSpec::label).orElse(target.topic());
        String said = "已更正：“" + label + "”里的" + old.raw() + "改为" + c.to().raw() + "。";
        return reply(next, said + "\n\n" + reask(kind, next), Intent.CORRECTION, List.of(fixed), choicesFor(next));
    }

    // -- asking ---------------------------------------------------------------------------------------------------

    private record Asked(InterviewState state, String text, List<String> choices) {
    }

    /** The next question: the first topic in kind order with no facts that was not skipped. */
    private Asked askNext(ReportKind kind, InterviewState state, String previousTopic) {
        Optional<TopicSpec> next = kind.topics()
                .filter(t -> state.factsFor(t.key()).isEmpty() && !state.skipped().contains(t.key()))
                .findFirst();
        if (next.isEmpty()) {
            return new Asked(state.withCurrentTopic(null),
                    "各部分的问题都问完了。还想补充什么可以直接说，也可以说“生成”开始起草。", DONE_CHOICES);
        }
        TopicSpec topic = next.get();
        SectionSpec section = kind.sectionOf(topic.key());
        String lead = "";
        if (previousTopic == null || kind.topic(previousTopic).isEmpty()) {
            lead = "先从" + sectionName(kind, section) + "说起：";
        } else if (!kind.sectionOf(previousTopic).equals(section)) {
            boolean back = sectionIndex(kind, section) < sectionIndex(kind, kind.sectionOf(previousTopic));
            lead = (back ? "回到" : "接下来是") + sectionName(kind, section) + "：";
        } else if (topic.key().equals(previousTopic)) {
            lead = "这一项还没记到内容，";
        }
        return new Asked(state.withCurrentTopic(topic.key()), lead + lastYear(state, topic) + topic.question(),
                QUESTION_CHOICES);
    }

    /** "去年的报告写的是：…。" before the question when last year's report said something about the topic. */
    private static String lastYear(InterviewState state, TopicSpec topic) {
        List<Fact> before = state.lastYearFor(topic.key());
        if (before.isEmpty()) return "";
        String said = before.stream().limit(2).map(Fact::text).reduce((a, b) -> a + "；" + b).orElse("");
        return "去年的报告写的是：“" + said + "”。今年呢？";
    }

    /** The current question again, for after help, progress or a correction. */
    private String reask(ReportKind kind, InterviewState state) {
        String current = state.currentTopic();
        if (current == null || kind.topic(current).isEmpty()) {
            return "问题都问完了，可以说“生成”开始起草。";
        }
        return "我们接着：" + kind.topic(current).get().question();
    }

    private static List<String> choicesFor(InterviewState state) {
        return state.currentTopic() == null ? DONE_CHOICES : QUESTION_CHOICES;
    }

    /** "第一部分（二）“严密组织体系，增强支部凝聚力”", or "第二部分“存在问题和不足”" for an itemized part. */
    private static String sectionName(ReportKind kind, SectionSpec section) {
        PartSpec part = kind.partOf(section);
        String partName = "第" + numeral(part.number()) + "部分";
        if (part.itemized() || section.heading().isEmpty()) return partName + "“" + part.heading() + "”";
        int n = part.sections().indexOf(section) + 1;
        return partName + "（" + numeral(n) + "）“" + section.heading() + "”";
    }

    private static int sectionIndex(ReportKind kind, SectionSpec section) {
        return kind.sections().toList().indexOf(section);
    }

    private static String numeral(int n) {
        return n >= 1 && n <= 10 ? ChineseNumerals.of(n) : String.valueOf(n);
    }

    // -- what the reply says --------------------------------------------------------------------------------------

    /** "记下了（理论学习）：研讨交流24次、学习书籍120册。", one group per topic the answer touched. */
    static String acknowledge(ReportKind kind, List<Fact> added) {
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        for (Fact f : added) {
            List<String> items = byTopic.computeIfAbsent(f.topic(), k -> new ArrayList<>());
            items.addAll(quoted(f));
        }
        List<String> groups = new ArrayList<>();
        for (var e : byTopic.entrySet()) {
            String label = kind.topic(e.getKey()).map(TopicSpec::label).orElse(e.getKey());
            List<String> items = e.getValue().stream().distinct().toList();
            if (byTopic.size() == 1) {
                return items.isEmpty() ? "记下了“" + label + "”方面的情况。"
                        : "记下了（" + label + "）：" + String.join("、", items) + "。";
            }
            groups.add(items.isEmpty() ? label + "方面的情况" : label + "——" + String.join("、", items));
        }
        return "记下了：" + String.join("；", groups) + "。";
    }

    /** Each quantity of a fact with the few words before it, as the writer said them: "研讨交流24次". */
    private static List<String> quoted(Fact f) {
        List<String> out = new ArrayList<>();
        String text = f.text();
        int from = 0;
        for (Quantity q : f.quantities()) {
            int at = text.indexOf(q.raw(), from);
            if (at < 0 || q.unit().isEmpty()) continue;
            int start = at;
            while (start > from && "，,；、。：:".indexOf(text.charAt(start - 1)) < 0 && at - start < 8) start--;
            String said = text.substring(start, at);
            String context = ACK_LEAD.matcher(said).replaceFirst("");
            // "共发放150本": with the verbs gone nothing names the count, so keep what the writer said.
            if (context.isEmpty()) context = said;
            if (context.length() > 6) context = context.substring(context.length() - 6);
            out.add(context + NumberParser.render(q));
            from = at + q.raw().length();
        }
        return out;
    }

    private static String progress(ReportKind kind, InterviewState state) {
        List<TopicSpec> topics = kind.topics().toList();
        long answered = topics.stream().filter(t -> !state.factsFor(t.key()).isEmpty()).count();
        long skipped = topics.stream().filter(t -> state.factsFor(t.key()).isEmpty() && state.skipped().contains(t.key()))
                .count();
        long left = topics.size() - answered - skipped;
        String where = state.currentTopic() != null && kind.topic(state.currentTopic()).isPresent()
                ? "现在在" + sectionName(kind, kind.sectionOf(state.currentTopic())) + "。" : "问题都问完了。";
        return "共" + topics.size() + "个问题：已记录" + answered + "个，跳过" + skipped + "个，还剩" + left + "个。" + where;
    }

    private static String help() {
        return "我会一节一节地问您这一年抓党建的情况，您照实回答就行，数字尽量说具体（几次、多少人、多少册）。"
                + "可以一次说好几件事，我会分别记到对应的地方。说“跳过”跳过当前问题；说“研讨是15次不是12次”可以更正；"
                + "说“到哪了”看进度；说“生成”随时起草，没说到的地方会标【待补充】。";
    }

    private static String generating(ReportKind kind, InterviewState state) {
        long topics = kind.topics().filter(t -> !state.factsFor(t.key()).isEmpty()).count();
        return topics == 0
                ? "好的，现在起草。目前还没有记下具体内容，草稿会先搭好结构，需要补充的地方标【待补充】。"
                : "好的，现在根据已记下的" + topics + "个方面的内容起草，没说到的地方会标【待补充】。";
    }

    private static Reply reply(InterviewState state, String text, Intent intent, List<Fact> changed,
                               List<String> choices) {
        return new Reply(state, text, intent, changed, choices);
    }

    /** Shared two-character pieces: enough to tell "研讨" from "主题党日" without a dictionary. */
    static int overlap(String hint, String text) {
        if (hint == null || hint.isBlank()) return 0;
        Set<String> grams = new HashSet<>();
        String h = hint.replaceAll("\\s+", "");
        for (int i = 0; i + 2 <= h.length(); i++) grams.add(h.substring(i, i + 2));
        int n = 0;
        for (String g : grams) if (text.contains(g)) n++;
        return n;
    }

    private static String replaceFirst(String text, String old, String now) {
        int at = text.indexOf(old);
        return at < 0 ? text : text.substring(0, at) + now + text.substring(at + old.length());
    }
}
