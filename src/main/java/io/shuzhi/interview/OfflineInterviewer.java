package io.shuzhi.interview;

import io.shuzhi.interview.Intents.Correction;
import io.shuzhi.interview.ProfileParser.Profile;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interview without a model: asks the kind's questions in order, reads answers with rules, and never asks again
 * about a topic that already has facts.
 */
@Component
public class OfflineInterviewer implements InterviewEngine {

    private static final List<String> QUESTION_CHOICES = List.of("跳过", "生成草稿");
    private static final List<String> DONE_CHOICES = List.of("生成草稿");

    private final Clock clock;
    private final TopicSimilarity similarity;
    private final Words words;
    private final NumberParser numbers;
    private final ClauseReader reader;
    private final Intents intents;
    private final RuleExtractor extractor;
    private final ProfileParser profiles;
    private final Faq faq;
    private final LastYear lastYears;
    private final Amendments amendments;

    /** Routing by keywords only. */
    public OfflineInterviewer(Lexicon lexicon) {
        this(lexicon, Clock.systemDefaultZone());
    }

    /** Routing by keywords, and by meaning where they give no answer (once the model has loaded). */
    @Autowired
    public OfflineInterviewer(Lexicon lexicon, EmbeddingSimilarity similarity) {
        this(lexicon, Clock.systemDefaultZone(), similarity);
    }

    OfflineInterviewer(Lexicon lexicon, Clock clock) {
        this(lexicon, clock, TopicSimilarity.NONE);
    }

    OfflineInterviewer(Lexicon lexicon, Clock clock, TopicSimilarity similarity) {
        this.clock = clock;
        this.similarity = similarity;
        this.words = lexicon.words();
        this.numbers = lexicon.numbers();
        this.reader = lexicon.clauseReader();
        this.intents = lexicon.intents();
        this.extractor = lexicon.extractor();
        this.profiles = lexicon.profiles();
        this.faq = lexicon.faq();
        this.lastYears = lexicon.lastYear();
        this.amendments = new Amendments(numbers, reader, extractor);
    }

    @Override
    public Reply greet(ReportKind kind, InterviewState state) {
        String headings = String.join("、", kind.parts().stream().map(PartSpec::heading).toList());
        String hello = "您好，我是述职助手（离线模式）。我会按报告的结构一节一节地问您这一年的工作，再按“" + headings
                + "”" + numeral(kind.parts().size()) + "部分起草" + reportName(kind) + "。"
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
    public Reply answer(ReportKind kind, InterviewState state, String messageId, String said) {
        String text = intents.inlineCorrected(NumberParser.withChineseMultipliers(said));
        Optional<String> leaveOut = intents.removal(text);
        if (leaveOut.isPresent() && !InterviewState.INTRO.equals(state.currentTopic())) {
            return leaveOut(kind, state, leaveOut.get());
        }
        if (!InterviewState.INTRO.equals(state.currentTopic())) {
            Optional<Reply> fixed = Intents.wordFix(text).flatMap(f -> fixWord(kind, state, messageId, f));
            if (fixed.isPresent()) return fixed.get();
            Optional<Reply> moved = Intents.move(text).flatMap(m -> move(kind, state, m));
            if (moved.isPresent()) return moved.get();
            // "6", alone, after "党员先锋岗设了几个，我得翻一下本子": the count left open
            if (text.strip().matches("[0-9０-９]{1,6}")) {
                Optional<Amendments.Amended> filled = amendments.fillOpenCount(state, text.strip());
                if (filled.isPresent()) {
                    Amendments.Amended a = filled.get();
                    return reply(a.state(), a.said() + "\n\n" + reask(kind, a.state()), Intent.ANSWER, a.changed(),
                            choicesFor(a.state()));
                }
            }
            if (Intents.readBack(text)) {
                return reply(state, readBack(kind, state) + "\n\n" + reask(kind, state), Intent.PROGRESS, List.of(),
                        choicesFor(state));
            }
        }
        Intent intent = intents.classify(text);
        if (InterviewState.INTRO.equals(state.currentTopic())) return intro(kind, state, intent, messageId, text);
        Optional<Plan> plan = state.openPlan();
        if (plan.isPresent() && (intent == Intent.ANSWER || intent == Intent.SKIP)) {
            return plan(kind, state, plan.get(), intent, messageId, text);
        }
        // A plan not asked yet, which the writer says was not carried out ("支委联系党员这个没搞起来"): the answer to that
        // plan, not an achievement of the topic being asked.
        if (intent == Intent.ANSWER && NOT_DONE.matcher(text).find()) {
            Optional<Plan> named = planNamed(state, text);
            if (named.isPresent()) {
                Plan asked = named.get().with(Plan.Status.ASKED);
                return plan(kind, state.withPlan(asked), asked, intent, messageId, text);
            }
        }
        // "…加起来是多少你帮我算下": the sum first, then the message read as any other
        Optional<String> sum = intent == Intent.ANSWER ? intents.sumAsked(text) : Optional.empty();
        if (sum.isPresent()) {
            Reply read = facts(kind, state, messageId, text);
            return new Reply(read.state(), "按您给的数，合计" + sum.get() + "。" + read.text(), read.intent(), read.changed(),
                    read.choices());
        }
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

    private Reply intro(ReportKind kind, InterviewState state, Intent intent, String messageId, String text) {
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
        // A question back before anything else ("一般写多少字？"): answered, and the opening question asked again.
        List<ClauseReader.Piece> pieces = reader.read(text, ClauseReader.Kind.FACT);
        if (!pieces.isEmpty() && pieces.stream().allMatch(pc -> pc.kind() == ClauseReader.Kind.QUESTION
                || pc.kind() == ClauseReader.Kind.ASIDE || pc.kind() == ClauseReader.Kind.WISH)
                && pieces.stream().anyMatch(pc -> pc.kind() != ClauseReader.Kind.ASIDE)) {
            InterviewState kept = state;
            List<String> said = new ArrayList<>();
            for (ClauseReader.Piece pc : pieces) {
                if (pc.kind() == ClauseReader.Kind.QUESTION) said.add(faq.answer(pc.text()).orElse(Faq.UNKNOWN));
                if (pc.kind() == ClauseReader.Kind.WISH) {
                    kept = kept.withPreference(pc.text());
                    said.add("好的，“" + pc.text() + "”我记下了，起草时照此把握。");
                }
            }
            if (said.isEmpty()) said.add("好的。");
            return reply(kept, String.join("\n\n", said) + "\n\n" + kind.intro().question(), Intent.ANSWER,
                    List.of(), List.of());
        }
        Profile p = intent == Intent.SKIP ? new Profile(null, null)
                : profiles.parse(text, Year.now(clock).getValue(), kind.intro().unitLabel());
        String unit = p.unit() != null ? p.unit() : state.unit();
        String year = p.year() != null ? p.year() : state.year();
        InterviewState withProfile = state.withProfile(unit, year);
        // Facts in the same message ("…党支部书记，2026年的。今年发放学习书籍36册…") are kept, not asked for again.
        String rest = intent == Intent.SKIP ? "" : withoutProfile(text, p);
        RuleExtractor.Result r = rest.isEmpty() ? null
                : extractor.extract(kind, withProfile.withCurrentTopic(null), messageId, rest, similarity);
        if (r != null && r.added().isEmpty() && r.wishes().isEmpty() && r.questions().isEmpty()) r = null;
        if (r != null) withProfile = r.state().withCurrentTopic(InterviewState.INTRO);
        // One polite second try, then move on with what there is: the draft shows a placeholder for the rest.
        boolean askedTwice = state.skipped().contains(InterviewState.INTRO);
        if ((unit == null || year == null) && !askedTwice && intent != Intent.SKIP) {
            String label = kind.intro().unitLabel();
            String missing = unit == null && year == null ? label + "和年份" : unit == null ? label : "报告对应的年份";
            String got = unit != null ? "好的，是“" + unit + "”。" : year != null ? "好的，是" + year + "年度。" : "";
            if (r != null && !r.added().isEmpty()) got = got + acknowledge(kind, r.added());
            String example = kind.intro().example() == null ? "" : "（比如：" + kind.intro().example() + "）";
            return reply(withProfile.withSkipped(InterviewState.INTRO),
                    got + "还差" + missing + "，麻烦补充一下" + example + "。", Intent.ANSWER,
                    r == null ? List.of() : r.added(), List.of());
        }
        String confirmed;
        if (unit != null && year != null) confirmed = "好的，" + unit + "，" + year + "年度。";
        else if (unit == null && year == null) {
            confirmed = "好的，" + kind.intro().unitLabel() + "和年份先空着，起草时会标【待补充】。";
        } else {
            confirmed = "好的，" + (unit != null ? unit : year + "年度") + "；"
                    + (unit == null ? kind.intro().unitLabel() : "年份") + "先空着，起草时会标【待补充】。";
        }
        if (r != null) {
            InterviewState base = withProfile.withCurrentTopic(null);
            RuleExtractor.Result atBase = new RuleExtractor.Result(base, r.added(), r.repeats(), r.questions(),
                    r.wishes(), r.asides(), false);
            return replyTo(kind, base, atBase, confirmed);
        }
        Asked next = askNext(kind, withProfile, InterviewState.INTRO);
        return reply(next.state, confirmed + "\n\n" + next.text, Intent.ANSWER, List.of(), next.choices);
    }

    /**
     * The message without the clauses that gave the unit, post or year ("我是县一中党支部书记", "2026年的述职"):
     * what is left is content. A clause with a figure other than the year stays whatever else it names.
     */
    String withoutProfile(String text, Profile p) {
        List<String> kept = new ArrayList<>();
        for (String sentence : text.split("(?<=[。！!？?；;\\n])")) {
            List<String> clauses = new ArrayList<>();
            for (String clause : sentence.split("(?<=[，,])")) {
                String c = clause.strip();
                String bare = c.replaceAll("[，,。！!？?；;\\s]+$", "");
                if (bare.isEmpty()) continue;
                boolean counts = numbers.find(bare).stream().anyMatch(q -> !q.unit().isEmpty()
                        && !q.unit().equals("年"));
                // "石门县退役军人事务局，党组成员、副局长，…": the unit and the post said in clauses of their own
                boolean namesProfile = p.unit() != null && (bare.contains(p.unit())
                        || bare.length() >= 3 && p.unit().contains(bare))
                        || PROFILE_WORDS.matcher(bare).find() && !counts
                        || YEAR_ONLY.matcher(bare).matches();
                if (namesProfile && !counts) continue;
                clauses.add(c);
            }
            if (!clauses.isEmpty()) kept.add(String.join("", clauses));
        }
        return String.join("", kept).strip();
    }

    private static final Pattern PROFILE_WORDS = Pattern.compile("述职|述责述廉|报告|总结|年度|全称|职务|单位是|单位叫|我是|本人是|担任");
    private static final Pattern YEAR_ONLY = Pattern.compile(
            "^(?:是|写的是|写)?(?:(?:(?:19|20)[0-9]{2}|[一二〇零两三四五六七八九]{4})(?:年度?)?|(?:今|去|本)年度?)的?(?:吧|啊|呢)?[。！!，,]?$");

    // -- answers, skips, corrections ------------------------------------------------------------------------------

    private Reply facts(ReportKind kind, InterviewState state, String messageId, String text) {
        RuleExtractor.Result r = extractor.extract(kind, state, messageId, text, similarity);
        return replyTo(kind, state, r, "");
    }

    /**
     * The reply to what a message gave: what was stored (by part), what was already known, the wishes kept, the
     * answers to questions asked back, then the next question. {@code before} opens the reply (a confirmed profile).
     */
    /**
     * A wish as the reply repeats it: the writer's words without the frame of a question ("这个要不要写得具体一点" →
     * "写得具体一点", "能不能写得短一些" → "写得短一些"), by HanLP words: a leading 这/这个/这段…, an A-不A pair
     * (要不要, 能不能, 是不是) and a closing 吗/呢/？ go. What is stored as the preference stays as said.
     */
    String wishAsSaid(String wish) {
        List<Words.Word> words = this.words.of(wish);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).text();
            if (kept.isEmpty() && DEMONSTRATIVES.contains(w)) continue;
            if (w.equals("是不是") || w.equals("要不要") || w.equals("能不能") || w.equals("可不可以")) continue;
            if (i + 1 < words.size() && words.get(i + 1).text().equals("不" + w)) {
                i++;
                continue;
            }
            kept.add(w);
        }
        while (!kept.isEmpty() && QUESTION_ENDS.contains(kept.get(kept.size() - 1))) kept.remove(kept.size() - 1);
        String said = String.join("", kept);
        return said.length() >= 2 ? said : wish;
    }

    private static final Pattern WANTS_CONCRETE = Pattern.compile("具体|例子|事例|实例|空|套话|大词|官腔|虚");
    private static final Pattern WANTS_MODEST = Pattern.compile("实在|朴实|务实|平实|吹|拔高|夸|谦虚|低调|功劳|大家干");

    /**
     * What the offline draft does that meets a wish about substance, said plainly: it writes the writer's own facts
     * and figures and invents none, so more detail given means a more concrete draft. Null for other wishes.
     */
    static String howTheDraftMeets(String wish) {
        if (InterviewState.PLAIN_WRITING.matcher(wish).find()) {
            return "起草时会去掉套用的铺垫句和收尾句，每一条只写您说的事实和数字，读起来更平实；草稿出来后哪句还嫌空，可以直接指给我删。";
        }
        if (WANTS_CONCRETE.matcher(wish).find()) {
            return "草稿里的事例和数字都来自您说的内容，您讲得越具体（哪件事、做了什么、结果如何），写出来就越实际，套话越少。";
        }
        if (WANTS_MODEST.matcher(wish).find()) {
            return "草稿只写您说过的事实和数字，不添加没有出处的成绩，写出来会比较实在；个别表述如仍觉得拔高，草稿出来后可以直接指给我改。";
        }
        return null;
    }

    private static final Set<String> DEMONSTRATIVES = Set.of("这", "这个", "那个", "这段", "这部分", "这一段", "这块");
    private static final Pattern TAKEN_BACK = Pattern.compile(
            "^(.+?)[，,]\\s*(?:这个|这条|这句|这事|这些|这一条|这一项|这项|这个事)(?:就|也|可以|还是)?(?:别|不要|不用|不必)(?:再)?(?:写|提|放)");

    private static final Set<String> QUESTION_ENDS = Set.of("吗", "呢", "吧", "？", "?", "。");

    private Reply replyTo(ReportKind kind, InterviewState state, RuleExtractor.Result r, String before) {
        InterviewState next = r.state();
        for (String wish : r.wishes()) next = next.withPreference(wish);
        List<String> said = new ArrayList<>();
        if (!before.isEmpty()) said.add(before);
        // The writer's question first: it is what they are waiting for.
        for (String q : r.questions()) said.add(faq.answer(q).orElse(Faq.UNKNOWN));
        if (!r.added().isEmpty()) said.add(acknowledge(kind, r.added()));
        if (!r.repeats().isEmpty()) {
            String label = kind.topic(r.repeats().get(0).topic()).map(TopicSpec::label).orElse("这一项");
            said.add(r.repeats().size() == 1 ? "“" + label + "”这一条前面已经记下了，不重复记。"
                    : "有" + r.repeats().size() + "条前面已经记下了，不重复记。");
        }
        List<String> asks = new ArrayList<>();
        for (String wish : r.wishes()) {
            // "考核我们排第9，这个别写进去，不好看": what the writer takes out is said back as left out
            Matcher out = TAKEN_BACK.matcher(wish);
            if (out.find()) said.add("好的，“" + out.group(1) + "”不写进报告。");
            else asks.add(wish);
        }
        if (!asks.isEmpty()) {
            said.add("好的，您的要求“" + String.join("”“", asks.stream().map(this::wishAsSaid).toList())
                    + "”我记下了，起草和修改时照此把握"
                    + "（草稿出来后也可以直接说“语气再正式一点”“全文控制在3000字”）。");
            for (String wish : asks) {
                String how = howTheDraftMeets(wish);
                if (how != null && !said.contains(how)) said.add(how);
            }
        }
        boolean nothing = r.added().isEmpty() && r.repeats().isEmpty() && r.wishes().isEmpty()
                && r.questions().isEmpty();
        String current = state.currentTopic();
        if (r.skip() && current != null && kind.topic(current).isPresent() && next.factsFor(current).isEmpty()) {
            next = next.withSkipped(current);
            String label = kind.topic(current).map(TopicSpec::label).orElse("这一项");
            said.add("“" + label + "”先跳过，草稿里会留【待补充】。");
            nothing = false;
        }
        if (nothing && (r.asides() > 0 || r.skip())) {
            // Talk only: no scolding, just the question again.
            String lead = before.isEmpty() ? "好的。" : before;
            return reply(next, lead + "\n\n" + reask(kind, next), Intent.ANSWER, List.of(), choicesFor(next));
        }
        if (nothing) {
            String lead = before.isEmpty() ? "" : before + "\n\n";
            return reply(next, lead + "这句话里我没找到可以写进报告的内容。能再具体说说吗？不清楚的话可以说“跳过”。\n\n"
                    + reask(kind, next), Intent.ANSWER, List.of(), choicesFor(next));
        }
        boolean movedOn = !r.added().isEmpty() || r.skip();
        if (!movedOn) {
            // A question or a wish only: the open question still waits for its answer.
            return reply(next, String.join("\n\n", said) + "\n\n" + reask(kind, next), Intent.ANSWER, List.of(),
                    choicesFor(next));
        }
        Asked asked = askNext(kind, next, current);
        return reply(asked.state, String.join("\n\n", said) + "\n\n" + asked.text, Intent.ANSWER, r.added(),
                asked.choices);
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
        List<Correction> parsed = intents.corrections(text);
        if (parsed.isEmpty()) return facts(kind, state, messageId, text);
        InterviewState next = state;
        List<Fact> changed = new ArrayList<>();
        List<String> said = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        java.util.Set<String> produced = new java.util.HashSet<>();
        for (Correction c : parsed) {
            Fact target = null;
            Quantity old = null;
            int bestScore = -1;
            for (Fact f : next.facts()) {
                for (Quantity q : f.quantities()) {
                    boolean same = c.from() != null
                            ? q.value().compareTo(c.from().value()) == 0 && sameUnit(c.from().unit(), q.unit())
                            : sameKindOfUnit(q.unit(), c.to().unit());
                    if (!same || q.value().compareTo(c.to().value()) == 0 && q.unit().equals(c.to().unit())) continue;
                    // a number this message has just written is not corrected again by the message's next correction
                    if (produced.contains(f.id() + "|" + q.raw())) continue;
                    // The words right before the number weigh most: "住院1430人次" in a fact that also holds "门诊6.8万人次".
                    int score = 4 * overlap(c.hint(), leadingWords(f.text(), q.raw()))
                            + overlap(c.hint(), f.text() + kind.topic(f.topic()).map(TopicSpec::label).orElse(""));
                    // Only the new number said: of equally named ones, the nearest in value ("审的是12个人": 11个, not 4个)
                    if (c.from() == null) score = score * 100 - nearness(q, c.to());
                    // Equal scores: the latest fact, since writers correct what they said last.
                    if (score >= bestScore) {
                        bestScore = score;
                        target = f;
                        old = q;
                    }
                }
            }
            if (target == null || (c.from() == null && bestScore == 0)) {
                missed.add(c.from() != null ? "“" + c.from().raw() + "”" : "“" + c.to().raw() + "”要改的那一项");
                continue;
            }
            String newText = replaceFirst(target.text(), old.raw(), c.to().raw());
            Fact fixed = target.withText(newText, numbers.findAll(newText));
            List<Fact> facts = new ArrayList<>(next.facts());
            facts.set(facts.indexOf(target), fixed);
            next = next.withFacts(facts, next.nextFactId());
            changed.add(fixed);
            produced.add(fixed.id() + "|" + c.to().raw());
            String label = kind.topic(target.topic()).map(TopicSpec::label).orElse(target.topic());
            said.add("“" + label + "”里的" + old.raw() + "改为" + c.to().raw());
        }
        if (said.isEmpty()) {
            return reply(state, "没找到记着" + missed.get(0) + "的内容。您说的是哪一项？可以这样说：“把研讨的12次改成15次”。",
                    Intent.CORRECTION, List.of(), choicesFor(state));
        }
        String reply = "已更正：" + String.join("；", said) + "。"
                + (missed.isEmpty() ? "" : "没找到记着" + String.join("、", missed) + "的内容，请再说一下是哪一项。");
        return reply(next, reply + "\n\n" + reask(kind, next), Intent.CORRECTION, changed, choicesFor(next));
    }

    /**
     * "上一条打错了，是调委会不是调未会": the word mended (see {@link Amendments#word}), then the rest of the message read
     * as any other. Empty when no fact holds the word (then the message is read as it is).
     */
    private Optional<Reply> fixWord(ReportKind kind, InterviewState state, String messageId, Intents.WordFix fix) {
        return amendments.word(state, fix).map(a -> {
            if (fix.rest().isBlank()) {
                return reply(a.state(), a.said() + "\n\n" + reask(kind, a.state()), Intent.CORRECTION, a.changed(),
                        choicesFor(a.state()));
            }
            Reply after = answer(kind, a.state(), messageId, fix.rest());
            List<Fact> all = new ArrayList<>(a.changed());
            all.removeIf(f -> after.changed().stream().anyMatch(c -> c.id().equals(f.id())));
            all.addAll(after.changed());
            return new Reply(after.state(), a.said() + after.text(), after.intent(), all, after.choices());
        });
    }

    /**
     * "你先把我说过的数字列一遍给我看看": the writer's figures as recorded, topic by topic in the report's order, so they can
     * check for a slip or a gap.
     */
    static String readBack(ReportKind kind, InterviewState state) {
        List<String> lines = new ArrayList<>();
        kind.topics().forEach(t -> {
            List<String> figures = state.factsFor(t.key()).stream().filter(f -> f.origin() == Fact.Origin.WRITER)
                    .flatMap(f -> f.quantities().stream()).map(Quantity::raw).distinct().toList();
            if (!figures.isEmpty()) lines.add("（" + t.label() + "）" + String.join("、", figures));
        });
        if (lines.isEmpty()) return "目前还没有记下数字。";
        return "目前记下的数字：\n" + String.join("\n", lines) + "\n哪一项不对或有漏的，直接告诉我，比如“把研讨的12次改成15次”。";
    }

    /** "刚才那个培训的放到问题里吧" (see {@link Amendments#move}); empty when nothing or nowhere is found. */
    private Optional<Reply> move(ReportKind kind, InterviewState state, Intents.Move move) {
        return amendments.move(kind, state, move).map(a -> reply(a.state(), a.said() + "\n\n" + reask(kind, a.state()),
                Intent.ANSWER, a.changed(), choicesFor(a.state())));
    }

    /** How far apart two figures are, 0 (equal) to 99 (one ten times the other or more). */
    private static int nearness(Quantity a, Quantity b) {
        double x = a.value().doubleValue();
        double y = b.value().doubleValue();
        if (x <= 0 || y <= 0) return 99;
        return (int) Math.min(99, Math.round(Math.abs(Math.log10(x / y)) * 99));
    }

    /** "罚没款那个数别写了" (see {@link Amendments#leaveOut}); the writer is told what went, or that nothing held it. */
    private Reply leaveOut(ReportKind kind, InterviewState state, String what) {
        Amendments.Amended a = amendments.leaveOut(state, what);
        return reply(a.state(), a.said() + "\n\n" + reask(kind, a.state()), Intent.ANSWER, a.changed(), choicesFor(a.state()));
    }

    /** 个, 人, 名 and 位 all count people: "审的是12个人" corrects "审了11个领导干部". */
    private static boolean sameKindOfUnit(String stored, String said) {
        if (stored.equals(said)) return true;
        java.util.Set<String> people = java.util.Set.of("个", "人", "名", "位", "个人");
        return people.contains(stored) && people.contains(said);
    }

    // -- last year's plans ----------------------------------------------------------------------------------------

    /** The state with last year's plans filed under this year's topics (by keywords, then by meaning). */
    public InterviewState withPlans(ReportKind kind, InterviewState state, List<String> plans) {
        return lastYears.addPlans(kind, state, plans, similarity);
    }

    private static final List<String> PLAN_CHOICES = List.of("已落实", "没有落实", "跳过");
    private static final List<String> PROBLEM_CHOICES = List.of("写进问题", "不写");
    /** A plan not carried out: "没落实", "还没开展", "未完成", "没顾上", "搁置了". */
    private static final Pattern NOT_DONE = Pattern.compile(
            "(?:没|没有|未|未能|没能|还没|尚未|没来得及)(?:有)?(?:能)?(?:落实|完成|开展|做|搞|弄|办|实现|推进|建立|建成|到位|启动|开|执行|兑现)"
            + "|没顾上|搁置|落空|没动|放下了|没有做到|没做到|做不到");
    private static final Pattern DONE_WORDS = Pattern.compile("已落实|落实了|已完成|完成了|做到了|已开展|开展了|都搞了|搞了");
    private static final Pattern NO = Pattern.compile("不写|不用|不要|别写|算了|不必|不需要|不了|不行|不是|^否|^不[。！!]?$");
    private static final Pattern YES = Pattern.compile("写进|写上|写吧|要写|可以|行|好的?|是的?|对|同意|写$|^要");
    /** Facts that stand for a plan of last year: they show in the draft, but do not answer the topic's question. */
    static final String PLAN_SOURCE = "plan:";

    /** The writer's answer to a plan question, or to whether an undone plan is written as a problem. */
    private Reply plan(ReportKind kind, InterviewState state, Plan plan, Intent intent, String messageId, String text) {
        String said;
        InterviewState next = state;
        if (plan.status() == Plan.Status.NOT_DONE) {
            boolean no = NO.matcher(text).find();
            boolean yes = !no && YES.matcher(text).find();
            if (!yes && !no && intent != Intent.SKIP) {
                return reply(state, "这一条要不要作为不足写进" + problemsPartName(kind) + "？请回答“写进问题”或“不写”。",
                        Intent.ANSWER, List.of(), PROBLEM_CHOICES);
            }
            if (yes) {
                String problem = "上年提出的“" + promise(plan.text()) + "”没有落实到位";
                String topic = problemTopic(kind, plan.text());
                next = next.plusFact(topic, problem, numbers.find(problem), PLAN_SOURCE + plan.id())
                        .withPlan(plan.with(Plan.Status.PROBLEM));
                said = "好的，写进" + problemsPartName(kind) + "：" + problem + "。";
                Asked asked = askNext(kind, next, state.currentTopic());
                return reply(asked.state, said + "\n\n" + asked.text, Intent.ANSWER,
                        List.of(asked.state.facts().get(asked.state.facts().size() - 1)), asked.choices);
            }
            next = next.withPlan(plan.with(Plan.Status.LEFT_OUT));
            Asked asked = askNext(kind, next, state.currentTopic());
            return reply(asked.state, "好的，这一条不写进问题。\n\n" + asked.text, Intent.ANSWER, List.of(), asked.choices);
        }
        boolean figures = numbers.find(text).stream().anyMatch(q -> !q.unit().isEmpty() && !q.unit().equals("年"));
        // An answer that only says what will be done ("明年打算把这项制度落实下去") tells that it was not done this year:
        // its plans are kept for part three, and the plan is treated as not carried out.
        RuleExtractor.Result planned = intent == Intent.SKIP ? null : onlyPlans(kind, next, messageId, text);
        if (planned != null) {
            InterviewState kept = planned.state().withPlan(plan.with(Plan.Status.NOT_DONE));
            return reply(kept, "好的，“" + shortened(plan.text(), 40) + "”今年还没有落实，" + acknowledge(kind, planned.added())
                    + "\n\n要不要把“" + shortened(plan.text(), 40) + "”作为不足写进" + problemsPartName(kind) + "？", Intent.ANSWER,
                    planned.added(), PROBLEM_CHOICES);
        }
        // A figure in a "not done" answer is usually the reason ("支委变动了两个人"), unless the answer says it was done.
        if (NOT_DONE.matcher(text).find() && !(figures && DONE_WORDS.matcher(text).find())) {
            // Ask, don't assume: a plan not carried out becomes a problem only if the writer says so.
            return reply(state.withPlan(plan.with(Plan.Status.NOT_DONE)), "好的，“" + shortened(plan.text(), 40)
                    + "”今年没有落实。要不要把它作为不足写进" + problemsPartName(kind) + "？", Intent.ANSWER, List.of(),
                    PROBLEM_CHOICES);
        }
        if (intent == Intent.SKIP) {
            Asked asked = askNext(kind, next.withPlan(plan.with(Plan.Status.SKIPPED)), state.currentTopic());
            return reply(asked.state, "好的，这一条先不写。\n\n" + asked.text, Intent.SKIP, List.of(), asked.choices);
        }
        // Done: what was promised goes first, then what the writer says was done, under the plan's topic.
        String topic = plan.topic() != null ? plan.topic() : kind.topics().findFirst().map(TopicSpec::key).orElse(null);
        String promise = "落实上年提出的“" + promise(plan.text()) + "”";
        next = next.plusFact(topic, promise, numbers.find(promise), PLAN_SOURCE + plan.id())
                .withPlan(plan.with(Plan.Status.DONE)).withCurrentTopic(topic);
        Fact promised = next.facts().get(next.facts().size() - 1);
        String rest = text.replaceAll("^(?:已落实|已经落实了?|落实了|都落实了|做到了|完成了|已完成)[，。,.！!]?", "").strip();
        RuleExtractor.Result r = rest.isEmpty() ? null : extractor.extract(kind, next, messageId, rest, similarity);
        List<Fact> added = new ArrayList<>(List.of(promised));
        if (r != null) {
            next = r.state();
            added.addAll(r.added());
            for (String wish : r.wishes()) next = next.withPreference(wish);
        }
        said = "好的，这一条记为已落实。" + (r == null || r.added().isEmpty()
                ? "有具体数字（开了几次、多少人参加）的话，随时可以补充。" : acknowledge(kind, r.added()));
        Asked asked = askNext(kind, next, state.currentTopic());
        return reply(asked.state, said + "\n\n" + asked.text, Intent.ANSWER, added, asked.choices);
    }

    /** An open plan of last year the text names: two or more of its content words (nouns, verbs) are in the text. */
    private Optional<Plan> planNamed(InterviewState state, String text) {
        Set<String> said = contentWords(text);
        Plan best = null;
        long bestShared = 1;
        for (Plan p : state.plans()) {
            if (p.status() != Plan.Status.OPEN) continue;
            long shared = contentWords(p.text()).stream().filter(said::contains).count();
            if (shared > bestShared) {
                best = p;
                bestShared = shared;
            }
        }
        return Optional.ofNullable(best);
    }

    private Set<String> contentWords(String text) {
        Set<String> out = new java.util.HashSet<>();
        for (Words.Word w : words.of(text)) {
            if (w.text().length() >= 2 && (w.pos().startsWith("n") || w.pos().startsWith("v"))) out.add(w.text());
        }
        return out;
    }

    /**
     * What the answer to a plan question yields when everything in it is a plan for the coming year (the part keyed
     * {@code measures}); null when it says anything done this year, or nothing.
     */
    private RuleExtractor.Result onlyPlans(ReportKind kind, InterviewState state, String messageId, String text) {
        RuleExtractor.Result r = extractor.extract(kind, state, messageId, text, similarity);
        if (r.added().isEmpty()) return null;
        for (Fact f : r.added()) {
            var topic = kind.topic(f.topic());
            if (topic.isEmpty()) return null;
            if (!RuleExtractor.PLANS_PART.equals(kind.partOf(kind.sectionOf(topic.get().key())).key())) return null;
        }
        return r;
    }

    /** "第二部分“存在问题和不足”". */
    private static String problemsPartName(ReportKind kind) {
        return kind.parts().stream().filter(p -> RuleExtractor.PROBLEMS_PART.equals(p.key())).findFirst()
                .map(p -> "第" + numeral(p.number()) + "部分“" + p.heading() + "”").orElse("存在问题部分");
    }

    /** The problems topic a plan's words name, else the first of the problems part. */
    private String problemTopic(ReportKind kind, String planText) {
        List<TopicSpec> problems = kind.parts().stream().filter(p -> RuleExtractor.PROBLEMS_PART.equals(p.key()))
                .flatMap(p -> p.sections().stream()).flatMap(s -> s.topics().stream()).toList();
        String routed = extractor.route(planText, problems, null, null, false);
        return routed != null ? routed : problems.get(0).key();
    }

    /** A plan's first clause, as promised ("每季度开展1次读书分享会，推动…" → "每季度开展1次读书分享会"). */
    static String promise(String plan) {
        String first = plan.split("[，,；;。：:]")[0].strip();
        return first.length() >= 6 ? first : plan.split("[；;。]")[0].strip();
    }

    /** Whether a fact answers its topic's question: one that only restates last year's plan does not. */
    private static boolean answers(Fact f) {
        return f.sourceId() == null || !f.sourceId().startsWith(PLAN_SOURCE);
    }

    private static boolean answered(InterviewState state, String topic) {
        return state.factsFor(topic).stream().anyMatch(OfflineInterviewer::answers);
    }

    /**
     * The next of last year's plans to ask about: one whose topic comes no later than the next open topic (so it is
     * asked in its own section), or any once the topics are done; a plan no topic fits is asked last.
     */
    private static Optional<Plan> nextPlan(ReportKind kind, InterviewState state, List<TopicSpec> open) {
        List<String> order = kind.topics().map(TopicSpec::key).toList();
        int until = open.isEmpty() ? Integer.MAX_VALUE : order.indexOf(open.get(0).key());
        return state.plans().stream().filter(p -> p.status() == Plan.Status.OPEN)
                .filter(p -> p.topic() == null ? open.isEmpty() : order.indexOf(p.topic()) <= until)
                .min(java.util.Comparator.comparingInt(p -> p.topic() == null ? Integer.MAX_VALUE : order.indexOf(p.topic())));
    }

    private Asked askPlan(ReportKind kind, InterviewState state, Plan plan, String previousTopic) {
        String lead = "";
        if (plan.topic() != null) {
            SectionSpec section = kind.sectionOf(plan.topic());
            if (previousTopic == null || kind.topic(previousTopic).isEmpty()) {
                lead = "先从" + sectionName(kind, section, state) + "说起：";
            } else if (!kind.sectionOf(previousTopic).equals(section)) {
                boolean back = sectionIndex(kind, section) < sectionIndex(kind, kind.sectionOf(previousTopic));
                lead = (back ? "回到" : "接下来是") + sectionName(kind, section, state) + "：";
            }
        } else {
            lead = "还有去年报告里的一条计划：";
        }
        InterviewState asked = state.withPlan(plan.with(Plan.Status.ASKED))
                .withCurrentTopic(plan.topic() != null ? plan.topic() : state.currentTopic());
        return new Asked(asked, lead + "去年计划“" + shortened(plan.text(), 40) + "”，今年落实得怎样？", PLAN_CHOICES);
    }

    // -- asking ---------------------------------------------------------------------------------------------------

    private record Asked(InterviewState state, String text, List<String> choices) {
    }

    /** The next question: the first topic in kind order with no facts that was not skipped. */
    private Asked askNext(ReportKind kind, InterviewState state, String previousTopic) {
        // Topics asked twice without an answer wait until the others are asked.
        List<TopicSpec> open = openTopics(kind, state);
        // Last year's plans are asked in the section they belong to, before its own questions.
        Optional<Plan> plan = nextPlan(kind, state, open);
        if (plan.isPresent()) return askPlan(kind, state, plan.get(), previousTopic);
        Optional<TopicSpec> next = open.stream().findFirst();
        // The writer talked about something else: the question is asked once more, then it waits its turn.
        if (next.isPresent() && next.get().key().equals(previousTopic) && !state.deferred().contains(previousTopic)) {
            state = state.withDeferred(previousTopic);
        } else if (next.isPresent() && next.get().key().equals(previousTopic) && open.size() > 1) {
            next = Optional.of(open.get(1));
        }
        if (next.isEmpty()) {
            return new Asked(state.withCurrentTopic(null),
                    "各部分的问题都问完了。还想补充什么可以直接说，也可以说“生成”开始起草。", DONE_CHOICES);
        }
        TopicSpec topic = next.get();
        SectionSpec section = kind.sectionOf(topic.key());
        String lead = "";
        if (previousTopic == null || kind.topic(previousTopic).isEmpty()) {
            lead = "先从" + sectionName(kind, section, state) + "说起：";
        } else if (!kind.sectionOf(previousTopic).equals(section)) {
            boolean back = sectionIndex(kind, section) < sectionIndex(kind, kind.sectionOf(previousTopic));
            lead = (back ? "回到" : "接下来是") + sectionName(kind, section, state) + "：";
        } else if (topic.key().equals(previousTopic)) {
            lead = "这一项还没记到内容，";
        }
        return new Asked(state.withCurrentTopic(topic.key()), lead + lastYear(state, topic) + topic.question(),
                QUESTION_CHOICES);
    }

    /**
     * The topic to ask about next: the first in kind order with no facts, not skipped, and not in a problems or plans
     * part the writer has already spoken to; deferred topics after all others. Null when every question is answered.
     */
    public static String nextTopic(ReportKind kind, InterviewState state) {
        return openTopics(kind, state).stream().findFirst().map(TopicSpec::key).orElse(null);
    }

    /** The topics still to ask about, in the order they are asked: kind order, deferred ones last. */
    private static List<TopicSpec> openTopics(ReportKind kind, InterviewState state) {
        return kind.topics()
                .filter(t -> !answered(state, t.key()) && !state.skipped().contains(t.key()))
                .filter(t -> !listAnswered(kind, state, t))
                .sorted(java.util.Comparator.comparing(t -> state.deferred().contains(t.key())))
                .toList();
    }

    /**
     * A writer who has listed their problems (or plans) has answered that part: its other topics are not asked one by
     * one, since a problem goes to the topic its words name, not to the question that happened to be open.
     */
    private static boolean listAnswered(ReportKind kind, InterviewState state, TopicSpec topic) {
        PartSpec part = kind.partOf(kind.sectionOf(topic.key()));
        if (!RuleExtractor.PROBLEMS_PART.equals(part.key()) && !RuleExtractor.PLANS_PART.equals(part.key())) return false;
        return part.sections().stream().flatMap(s -> s.topics().stream())
                .anyMatch(t -> answered(state, t.key()));
    }

    /** "党支部书记抓基层党建工作述职报告", "个人年度述职报告" (a name that already ends in 报告 or 总结 is not doubled). */
    static String reportName(ReportKind kind) {
        String name = kind.name();
        return name.endsWith("报告") || name.endsWith("总结") ? name : name + "报告";
    }

    /** "去年的报告写的是：…。" before the question when last year's report said something about the topic. */
    private static String lastYear(InterviewState state, TopicSpec topic) {
        List<Fact> before = state.lastYearFor(topic.key());
        if (before.isEmpty()) return "";
        if (before.stream().allMatch(f -> f.quantities().isEmpty() && MASK.matcher(f.text()).find())) {
            return "去年的报告这里的数字是打码的：“" + before.get(0).text() + "”。今年的实数是多少？";
        }
        String said = before.stream().limit(2).map(Fact::text).reduce((a, b) -> a + "；" + b).orElse("");
        return "去年的报告写的是：“" + said + "”。今年呢？";
    }

    /** A figure masked in a pasted report: **, ＊＊, ×, ××, XX. */
    private static final Pattern MASK = Pattern.compile("[*＊×Ｘ]|(?<![A-Za-z])XX?(?![A-Za-z])");

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

    /**
     * "第一部分（二）“严密组织体系，增强支部凝聚力”", or "第二部分“存在问题和不足”" for an itemized part — in the words of
     * the writer's imported report where its parts and sections map to the kind's ({@link InterviewState#headings()}).
     */
    private static String sectionName(ReportKind kind, SectionSpec section, InterviewState state) {
        PartSpec part = kind.partOf(section);
        String partName = "第" + numeral(part.number()) + "部分";
        String partHeading = state.headings().getOrDefault(Integer.toString(part.number()), part.heading());
        if (part.itemized() || section.heading().isEmpty()) return partName + "“" + partHeading + "”";
        int n = part.sections().indexOf(section) + 1;
        String heading = state.headings().getOrDefault(part.number() + "." + n, section.heading());
        return partName + "（" + numeral(n) + "）“" + heading + "”";
    }

    private static int sectionIndex(ReportKind kind, SectionSpec section) {
        return kind.sections().toList().indexOf(section);
    }

    static String numeral(int n) {
        return n >= 1 && n <= 10 ? ChineseNumerals.of(n) : String.valueOf(n);
    }

    // -- what the reply says --------------------------------------------------------------------------------------

    /**
     * "记下了（理论学习）：研讨交流24次、学习书籍120册。", one group per topic the answer touched; problems and plans are
     * said apart, with the part they go to, so the writer sees a shortfall was not filed as an achievement.
     */
    String acknowledge(ReportKind kind, List<Fact> added) {
        List<Fact> done = new ArrayList<>();
        List<Fact> problems = new ArrayList<>();
        List<Fact> plans = new ArrayList<>();
        for (Fact f : added) {
            String part = kind.topic(f.topic()).map(t -> kind.partOf(kind.sectionOf(t.key())).key()).orElse("");
            if (RuleExtractor.PROBLEMS_PART.equals(part)) problems.add(f);
            else if (RuleExtractor.PLANS_PART.equals(part)) plans.add(f);
            else done.add(f);
        }
        var out = new StringBuilder();
        if (!done.isEmpty()) out.append(achievements(kind, done));
        if (!problems.isEmpty()) out.append(listed(kind, problems, "存在的不足"));
        if (!plans.isEmpty()) out.append(listed(kind, plans, "下一步打算"));
        return out.toString();
    }

    private String achievements(ReportKind kind, List<Fact> added) {
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

    /** "存在的不足记到第二部分“存在问题和不足”：学习不够深入；组织生活形式单一。" */
    private String listed(ReportKind kind, List<Fact> facts, String what) {
        SectionSpec section = kind.sectionOf(facts.get(0).topic());
        PartSpec part = kind.partOf(section);
        List<String> shorts = facts.stream().map(f -> shortened(f.text())).distinct().toList();
        return what + "记到第" + numeral(part.number()) + "部分“" + part.heading() + "”：" + String.join("；", shorts)
                + "。";
    }

    /** The first clause of a text, cut on a word boundary near 18 characters. */
    String shortened(String text) {
        return shortened(text, 18);
    }

    /** The first clause of a text, cut on a word boundary near {@code max} characters. */
    String shortened(String text, int max) {
        String first = max > 18 ? text.split("[；;。]")[0] : text.split("[，,；;。]")[0];
        if (first.length() <= max) return first;
        var out = new StringBuilder();
        for (Words.Word w : words.of(first)) {
            if (out.length() + w.text().length() > max) break;
            out.append(w.text());
        }
        return out + "…";
    }

    /** Words that open a clause but say nothing in a short acknowledgement ("开展研讨24次" → "研讨24次"). */
    private static final Set<String> ACK_LEAD_WORDS = Set.of("全年", "累计", "共计", "一共", "总共", "共", "先后",
            "大概", "大约", "差不多", "已经", "已", "还", "又", "并", "都", "也", "了", "开展", "组织", "召开", "举办",
            "购买", "发放", "完成", "进行", "参加", "达到", "达", "有", "为", "是", "我们", "咱们", "支部", "本人", "我",
            "今年", "搞", "搞了", "弄", "开", "办", "发", "讲", "就", "给", "把", "为了", "带领", "牵头", "这", "那");

    /**
     * Each quantity of a fact with the words before it, as the writer said them ("研讨交流24次", "讲党课4次"): whole
     * words only, up to about eight characters, spoken leads dropped.
     */
    /** Where a quoted clause ends: "所管6个乡镇，用户4.3万户" quotes "所管6个乡镇" and "用户4.3万户". */
    private static final String CLAUSE_BREAKS = "，,；;。：:！!？?\n";
    /** Subjects, time words and adverbs that open a clause and say nothing in a quote: "全年我们开展…", "今年就…". */
    private static final Set<String> QUOTE_LEAD_WORDS = Set.of("全年", "今年", "累计", "共计", "一共", "总共", "共",
            "大概", "大约", "差不多", "已经", "还", "又", "并", "都", "也", "就", "我们", "咱们", "我", "本人", "另外",
            "还有", "然后", "其中", "哦", "嗯", "那个", "这个");
    /** The longest quote; a longer clause is cut on word boundaries around its figure. */
    private static final int QUOTE_MAX = 20;

    /**
     * What a fact's figures were said of, one quote per clause with a figure: the clause as the writer said it,
     * without its opening subject or time word ("所管6个乡镇", "低电压投诉从去年的60来件降到9件", "发改率压到了2.1%").
     * A clause longer than {@link #QUOTE_MAX} is cut on word boundaries around its first figure, never inside a word.
     */
    private List<String> quoted(Fact f) {
        List<String> out = new ArrayList<>();
        String text = f.text();
        List<Words.Word> words = this.words.of(text);
        int from = 0;
        int quotedUpTo = -1;
        for (Quantity q : f.quantities()) {
            int at = numbers.indexOf(text, q.raw(), from);
            if (at < 0 || q.unit().isEmpty()) continue;
            int end = at + q.raw().length();
            from = end;
            if (at < quotedUpTo) continue; // a second figure of a clause already quoted
            int s = at;
            while (s > 0 && CLAUSE_BREAKS.indexOf(text.charAt(s - 1)) < 0) s--;
            int e = end;
            while (e < text.length() && CLAUSE_BREAKS.indexOf(text.charAt(e)) < 0) e++;
            quotedUpTo = e;
            List<Words.Word> clause = new ArrayList<>();
            for (Words.Word w : words) if (w.start() >= s && w.end() <= e) clause.add(w);
            while (clause.size() > 1 && clause.get(0).end() <= at && (QUOTE_LEAD_WORDS.contains(clause.get(0).text())
                    || ACK_LEAD_WORDS.contains(clause.get(0).text()) || clause.get(0).text().equals("了"))) {
                clause.remove(0);
            }
            if (clause.isEmpty()) continue;
            // "搞了12次集中学习": with nothing left before the figure, the thing counted goes first ("集中学习12次")
            if (clause.get(0).start() >= at) {
                List<String> thing = after(words, end, 6);
                if (!thing.isEmpty() && clause.get(clause.size() - 1).end() - end <= 8) {
                    String quote = String.join("", thing) + NumberParser.render(q);
                    if (!out.contains(quote)) out.add(quote);
                    continue;
                }
            }
            if (clause.get(0).start() >= at && s > 1) {
                // "…签了承诺书，共7份": a clause that is only the figure is quoted with the clause before it
                int p = s - 1;
                while (p > 0 && CLAUSE_BREAKS.indexOf(text.charAt(p - 1)) < 0) p--;
                for (int k = words.size() - 1; k >= 0; k--) {
                    Words.Word w = words.get(k);
                    if (w.start() >= p && w.end() <= s - 1) clause.add(0, w);
                }
            }
            int first = clause.get(0).start();
            int last = clause.get(clause.size() - 1).end();
            if (last - first > QUOTE_MAX) {
                // the words nearest the figure: up to 10 characters before it, then up to 6 after it
                List<Words.Word> kept = new ArrayList<>();
                for (Words.Word w : clause) {
                    boolean before = w.end() <= at && at - w.start() <= 10;
                    boolean inside = w.start() < end && w.end() > at;
                    boolean after = w.start() >= end && w.end() - end <= 6;
                    if (before || inside || after) kept.add(w);
                }
                if (!kept.isEmpty()) {
                    first = kept.get(0).start();
                    last = kept.get(kept.size() - 1).end();
                }
            }
            String quote = asUnderstood(text, first, last, f.quantities()).strip();
            if (!quote.isEmpty() && !out.contains(quote)) out.add(quote);
        }
        return out;
    }

    /** text[from, to) with each figure in it written as it was understood: "研讨交流二十四次" → "研讨交流24次". */
    private String asUnderstood(String text, int from, int to, List<Quantity> quantities) {
        var sb = new StringBuilder();
        int pos = from;
        int search = 0;
        for (Quantity q : quantities) {
            int at = numbers.indexOf(text, q.raw(), search);
            if (at < 0) continue;
            search = at + q.raw().length();
            if (at < pos || search > to || q.unit().isEmpty()) continue;
            sb.append(text, pos, at).append(NumberParser.render(q));
            pos = search;
        }
        return sb.append(text, pos, to).toString();
    }

    private static boolean verbAt(List<Words.Word> words, String word, int before) {
        for (Words.Word w : words) if (w.end() <= before && w.text().equals(word)) return w.pos().startsWith("v");
        return false;
    }

    /** Whole words right after a quantity, up to {@code max} characters: "12次集中学习" → "集中学习". */
    private static List<String> after(List<Words.Word> words, int from, int max) {
        List<String> out = new ArrayList<>();
        int length = 0;
        for (Words.Word w : words) {
            if (w.start() < from) continue;
            if (w.isPunctuation() || w.isNumeral() || length + w.text().length() > max) break;
            out.add(w.text());
            length += w.text().length();
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
                ? "现在在" + sectionName(kind, kind.sectionOf(state.currentTopic()), state) + "。" : "问题都问完了。";
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

    /** 亿 and 亿元, 人 and 人次 are not the same; an empty unit (said without one) matches any. */
    private static boolean sameUnit(String said, String stored) {
        return said.isEmpty() || stored.equals(said) || (said + "元").equals(stored) || (stored + "元").equals(said);
    }

    /** The words of a fact's clause before {@code raw}: "住院" for "住院1430人次" in "门诊6.8万人次、住院1430人次". */
    private static String leadingWords(String text, String raw) {
        int at = text.indexOf(raw);
        if (at < 0) return "";
        int from = at;
        while (from > 0 && "，,、；;。：:".indexOf(text.charAt(from - 1)) < 0) from--;
        return text.substring(from, at);
    }

    private static String replaceFirst(String text, String old, String now) {
        int at = text.indexOf(old);
        return at < 0 ? text : text.substring(0, at) + now + text.substring(at + old.length());
    }
}
