package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The offline drafter: composes the whole draft from the report kind's wording and the writer's facts, in the kind's
 * own structure (any number of parts; each part written as its declared {@code itemized} and {@code style} say).
 * The writer's words are put in the kind's register ({@link ItemComposer}, {@link FormalRewriter}). Achievements are
 * one item per topic; the part keyed {@code issues} is one item per problem the writer named; a plan part is the
 * writer's plans, ordered to answer the problems, with the kind's standing paragraph only where the writer planned
 * nothing. The opening names the report year's 学习教育 ({@link YearTerms}) and no other year's.
 * Every number in its output comes from a fact (or is the report's year); a topic without facts gets a
 * 【待补充：…】 placeholder, never a made-up sentence.
 */
@Component
public class TemplateDrafter implements DraftWriter {
    /** The part key that is written in the plan style when its kind file declares no style. */
    static final String MEASURES = "measures";
    /** The part key whose facts are the writer's problems, one fact each. */
    static final String ISSUES = "issues";
    /** Where a kind's opening names the year's 学习教育. */
    static final String CAMPAIGN_SLOT = "{campaign}";
    /** Words a problem area's label may end in ("理论学习方面的不足"); other labels get "方面的问题". */
    private static final java.util.Set<String> PROBLEM_WORDS = java.util.Set.of("不足", "问题", "短板", "差距", "弱项", "欠缺");
    static final String OPENING_END = "现将有关情况报告如下：";
    static final String MISSING_UNIT = ItemComposer.placeholder(ReportKind.Question.DEFAULT_UNIT_LABEL);
    static final String MISSING_YEAR = ItemComposer.placeholder("年份");

    private static final List<String> ORGANS = List.of("党总支", "党支部", "党委", "党组", "支部");
    private static final Pattern OPENING_TAIL = Pattern.compile("现将有关情况报告如下[：:]?\\s*$");
    /** An ordinal a kind file may have put in a heading by mistake: the drafter numbers headings itself. */
    private static final Pattern HEADING_ORDINAL = Pattern.compile("^\\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\\s*");
    private static final Pattern YEAR_SUFFIX = Pattern.compile("\\s*年度?\\s*$");

    private final ItemComposer composer;
    private final PlanOrder planOrder;
    private final YearTerms years;
    private final Words words;
    /** The interview's words, for a problem's area in the writer's terms. */
    private final io.shuzhi.interview.Words interviewWords;

    /** The drafter with the wording tables of {@code lexicon}. */
    public TemplateDrafter(DraftLexicon lexicon) {
        this.composer = lexicon.composer();
        this.planOrder = lexicon.planOrder();
        this.years = lexicon.years();
        this.words = lexicon.words();
        this.interviewWords = lexicon.interviewWords();
    }

    @Override
    public Draft write(ReportKind asKept, InterviewState state, int version, Progress progress) {
        // a writer who asked for plain writing gets the facts without the kind's framing clauses around them
        ReportKind kind = state.wantsPlainWriting() ? asKept.withoutFraming() : asKept;
        var out = new Output(sectionCount(kind), progress == null ? Progress.NONE : progress);
        String unitLabel = kind.intro() == null ? null : kind.intro().unitLabel();
        out.add(new Section("title", 0, title(kind.title(), state, unitLabel), ""), "标题");
        out.add(new Section("opening", 1, "", opening(kind.opening(), state, unitLabel)), "开头");
        var ctx = new Context(kind, state);
        for (PartSpec part : kind.parts()) {
            if (part.itemized()) {
                out.add(itemizedPart(part, ctx));
                continue;
            }
            out.add(new Section(String.valueOf(part.number()), 1, partHeading(part), ""));
            for (int i = 0; i < part.sections().size(); i++) {
                out.add(section(part, i + 1, part.sections().get(i), ctx));
            }
        }
        return new Draft(kind.id(), version, out.sections);
    }

    /** Sections the draft will have: title, opening, each part heading and each section of a part with sections. */
    static int sectionCount(ReportKind kind) {
        return 2 + kind.parts().stream().mapToInt(p -> p.itemized() ? 1 : 1 + p.sections().size()).sum();
    }

    /**
     * The title: no punctuation but 书名号 and quotes. A missing unit or year is a placeholder like anywhere else: left
     * out, "{unit}书记…" would read "书记2025年度…", and the writer could miss that the title is unfinished.
     */
    static String title(String pattern, InterviewState state) {
        return title(pattern, state, null);
    }

    /** The title; a missing unit's placeholder names what {@code {unit}} stands for in this kind ("单位和职务"). */
    static String title(String pattern, InterviewState state, String unitLabel) {
        return ItemComposer.stripEnd(fill(pattern, unit(state, unitLabel), year(state))).replaceAll("\\s+", "");
    }

    /** The opening paragraph, ending in exactly one 现将有关情况报告如下：. */
    String opening(String pattern, InterviewState state) {
        return opening(pattern, state, null);
    }

    String opening(String pattern, InterviewState state, String unitLabel) {
        if (isBlank(pattern)) return ItemComposer.placeholder("年度工作总体情况") + OPENING_END;
        List<String> said = state.facts().stream().map(io.shuzhi.interview.Fact::text).toList();
        String campaign = years.of(state.year()).filter(y -> y.named(said)).map(y -> y.opening() + "，").orElse("");
        String text = ItemComposer.toFullWidth(fill(pattern.replace(CAMPAIGN_SLOT, campaign), unit(state, unitLabel),
                year(state)).strip());
        String lead = ItemComposer.stripEnd(OPENING_TAIL.matcher(text).replaceFirst(""));
        return lead.isEmpty() ? OPENING_END : ItemComposer.tidy(lead + "。" + OPENING_END);
    }

    /** Fills {unit} and {year}; "第一党支部" + "党支部书记…" gives "第一党支部书记…", not a doubled organ name. */
    static String fill(String pattern, String unit, String year) {
        String[] pieces = pattern.replace("{year}", year).split("\\{unit}", -1);
        var out = new StringBuilder(pieces[0]);
        for (int i = 1; i < pieces.length; i++) {
            out.append(unit).append(withoutRepeatedOrgan(unit, pieces[i]));
        }
        return out.toString();
    }

    private static String withoutRepeatedOrgan(String unit, String next) {
        if (ORGANS.stream().noneMatch(unit::endsWith)) return next;
        return ORGANS.stream().filter(next::startsWith).findFirst()
                .map(organ -> next.substring(organ.length())).orElse(next);
    }

    static String unit(InterviewState state) {
        return unit(state, null);
    }

    static String unit(InterviewState state, String unitLabel) {
        if (!isBlank(state.unit())) return state.unit().strip();
        return isBlank(unitLabel) ? MISSING_UNIT : ItemComposer.placeholder(unitLabel);
    }

    /** "2025", "2025年" or "2025年度" → "2025" (the pattern brings its own 年); missing → placeholder. */
    static String year(InterviewState state) {
        return isBlank(state.year()) ? MISSING_YEAR : YEAR_SUFFIX.matcher(state.year().strip()).replaceFirst("");
    }

    private static String partHeading(PartSpec part) {
        return Ordinals.part(part.number()) + headingText(part.heading());
    }

    /** A part without （一） sections: its heading, then its items (一是…。二是…。) as the body. */
    private Section itemizedPart(PartSpec part, Context ctx) {
        List<TopicSpec> topics = part.sections().stream().flatMap(s -> s.topics().stream()).toList();
        SectionSpec only = part.sections().isEmpty() ? null : part.sections().get(0);
        String body = only != null && writtenAsPlan(part, only) ? measures(only, ctx)
                : ISSUES.equals(part.key()) ? problems(topics, ctx)
                : items(topics, only == null ? null : only.fallback(), ctx.state, ctx.kind.id());
        return new Section(String.valueOf(part.number()), 1, partHeading(part), body);
    }

    /** "（二）{heading}" (no final 。: the run-in 。 is added on output) with its paragraph. */
    private Section section(PartSpec part, int n, SectionSpec spec, Context ctx) {
        String heading = Ordinals.section(n) + headingText(spec.heading());
        String body = writtenAsPlan(part, spec) ? measures(spec, ctx)
                : ISSUES.equals(part.key()) ? problems(spec.topics(), ctx)
                : items(spec.topics(), spec.fallback(), ctx.state, ctx.kind.id());
        return new Section(spec.ref(), 2, heading, body);
    }

    /** A plan part's section with a standing paragraph; without one it falls back to items, so nothing is dropped. */
    static boolean writtenAsPlan(PartSpec part, SectionSpec spec) {
        return part.style() == ReportKind.Style.PLAN && !isBlank(spec.fallback());
    }

    /** 一是…。二是…。 one item per topic in kind order, numbered without gaps, in the common register. */
    String items(List<TopicSpec> topics, String fallback, InterviewState state) {
        return items(topics, fallback, state, null);
    }

    /** 一是…。二是…。 one item per topic in kind order, numbered without gaps, in the register of {@code kindId}. */
    String items(List<TopicSpec> topics, String fallback, InterviewState state, String kindId) {
        if (topics.isEmpty()) {
            return isBlank(fallback) ? ItemComposer.placeholder("本部分内容") : sentenceOf(fallback);
        }
        var body = new StringBuilder();
        for (int i = 0; i < topics.size(); i++) {
            TopicSpec topic = topics.get(i);
            body.append(composer.item(i + 1, topic, writerFacts(state, topic.key()), kindId));
        }
        return ItemComposer.tidy(body.toString());
    }

    /**
     * A lead for each problem of a topic: with one problem, the topic's own lead; with several, the topic's leads go to
     * the problems whose words they share most ("一岗双责
     * 督促得不够" takes "管党治党责任的落实…", "两张皮" takes "党建与业务融合…"), the rest in order; null past the last
     * lead.
     */
    List<String> leadsFor(TopicSpec topic, List<String> said) {
        List<String> available = new ArrayList<>();
        for (int k = 0; topic.lead(k) != null; k++) available.add(topic.lead(k));
        // One problem: the topic's own lead, the genre's heading for that area.
        if (said.size() == 1) return java.util.Arrays.asList(available.isEmpty() ? null : available.get(0));
        String[] out = new String[said.size()];
        boolean[] used = new boolean[available.size()];
        // Greedy on the best pairs first: a problem and a lead sharing words belong together.
        while (true) {
            int bestP = -1;
            int bestL = -1;
            int best = 0;
            for (int p = 0; p < said.size(); p++) {
                if (out[p] != null) continue;
                for (int l = 0; l < available.size(); l++) {
                    if (used[l]) continue;
                    // the topic's own lead wins a tie: a second lead is for a second problem
                    int score = 2 * shared(said.get(p), available.get(l)) + (l == 0 ? 1 : 0);
                    if (score > best) {
                        best = score;
                        bestP = p;
                        bestL = l;
                    }
                }
            }
            if (bestP < 0) break;
            out[bestP] = available.get(bestL);
            used[bestL] = true;
        }
        int next = 0;
        for (int p = 0; p < said.size(); p++) {
            if (out[p] != null) continue;
            while (next < available.size() && used[next]) next++;
            if (next < available.size()) {
                out[p] = available.get(next);
                used[next] = true;
            }
        }
        return java.util.Arrays.asList(out);
    }

    /** Whether a problem's words name its topic's area: a keyword of the topic, or a content word of the lead. */
    boolean names(TopicSpec topic, String lead, String problem) {
        if (topic.keywords().stream().anyMatch(problem::contains)) return true;
        java.util.Set<String> area = new java.util.HashSet<>();
        for (String text : List.of(lead, topic.label())) {
            for (var w : interviewWords.of(text)) {
                String pos = w.pos();
                if (w.text().length() >= 2 && !LEAD_WORDS.contains(w.text())
                        && (pos.startsWith("n") || pos.startsWith("v") || pos.startsWith("a"))) area.add(w.text());
            }
        }
        return area.stream().anyMatch(problem::contains);
    }

    /** Words of every problem lead that name no area ("还需进一步提升", "不够", "方面的不足"). */
    private static final java.util.Set<String> LEAD_WORDS = java.util.Set.of("不够", "进一步", "还需", "有待", "提高",
            "提升", "加强", "不足", "存在", "问题", "工作", "方面", "还有", "差距", "欠缺", "到位", "需要", "深化", "拓展",
            "压紧", "落实", "增强", "还不", "不强", "不高", "不深");

    /** Content words (two characters or more, not numerals) two texts share. */
    private int shared(String a, String b) {
        java.util.Set<String> wa = new java.util.HashSet<>();
        // Nouns only: "不够", "进一步" are in every lead and every problem.
        for (var w : interviewWords.of(a)) {
            if (w.text().length() >= 2 && (w.pos().startsWith("n") || w.pos().equals("vn"))) wa.add(w.text());
        }
        int n = 0;
        for (var w : interviewWords.of(b)) if (wa.remove(w.text())) n++;
        return n;
    }

    /**
     * The problems part: one item per problem the writer named, in the kind's topic order, each opened by a lead of its
     * topic (the topic's second lead for its second problem, and so on), then the writer's instance in the register. A
     * problem past a topic's last lead joins the topic's previous item. A topic without problems keeps its lead and
     * placeholder: a gap the writer should fill, never papered over.
     */
    String problems(List<TopicSpec> topics, Context ctx) {
        List<String> items = new ArrayList<>();
        for (TopicSpec topic : topics) {
            List<Fact> facts = writerFacts(ctx.state, topic.key());
            List<String> said = facts.stream().map(f -> composer.clause(f, ctx.kind.id())).filter(c -> !c.isEmpty())
                    .distinct().toList();
            if (said.isEmpty()) {
                items.add(ItemComposer.stripEnd(topic.lead()) + "。" + ItemComposer.placeholder(topic.missing()));
                continue;
            }
            List<String> leads = leadsFor(topic, said);
            for (int k = 0; k < said.size(); k++) {
                String lead = leads.get(k);
                // A lead names an area; a problem whose words name neither it nor the topic ("台区经理每日跑外线，支部活动
                // 人凑不齐" under "管党治党责任的落实…") is headed by its own words, not by a heading that does not fit.
                if (lead != null && !names(topic, lead, said.get(k))) {
                    items.add(ItemComposer.stripEnd(said.get(k)) + "。");
                    continue;
                }
                // the kind's closing clause (what the problem costs) once, after the topic's first problem
                String close = k == 0 && !isBlank(topic.close()) ? ItemComposer.stripEnd(topic.close()) : "";
                String sentence = ItemComposer.flowing(List.of(said.get(k)), close);
                if (lead == null) {
                    int last = items.size() - 1;
                    items.set(last, items.get(last) + "此外，" + sentence);
                } else {
                    items.add(ItemComposer.stripEnd(lead) + "。" + sentence);
                }
            }
        }
        var body = new StringBuilder();
        for (int i = 0; i < items.size(); i++) body.append(Ordinals.item(i + 1)).append(items.get(i));
        return ItemComposer.tidy(body.toString());
    }

    /**
     * A plan section: the writer's plans, each topic's as one run of sentences opened by its frame and lead and closed
     * by its closing clause, the plans that answer a problem first, in the problems' order. Where the writer planned nothing
     * for the section, the kind's standing paragraph; and when the writer named a problem this section should answer,
     * a placeholder asking for the measure.
     */
    String measures(SectionSpec spec, Context ctx) {
        var body = new StringBuilder();
        List<String> answered = ctx.answered(spec).stream().map(this::problemArea).toList();
        for (TopicSpec topic : spec.topics()) {
            List<Fact> plans = planOrder.answering(writerFacts(ctx.state, topic.key()), ctx.problems(), ctx.kind.id());
            List<String> pieces = new ArrayList<>(new java.util.LinkedHashSet<>(plans.stream()
                    .map(f -> composer.clause(f, ctx.kind.id())).filter(c -> !c.isEmpty()).toList()));
            if (pieces.isEmpty()) continue;
            if (!isBlank(topic.lead())) pieces.set(0, ItemComposer.stripEnd(topic.lead()) + "，" + pieces.get(0));
            if (!isBlank(topic.frame())) pieces.set(0, ItemComposer.stripEnd(topic.frame()) + "，" + pieces.get(0));
            if (body.length() == 0 && !answered.isEmpty()) {
                // say which problems the measures answer: "针对理论学习方面的不足，…"
                pieces.set(0, "针对" + String.join("、", answered) + "，" + pieces.get(0));
            }
            body.append(ItemComposer.flowing(pieces, isBlank(topic.close()) ? "" : ItemComposer.stripEnd(topic.close())));
        }
        if (body.length() > 0) return ItemComposer.tidy(body.toString());
        String standing = sentenceOf(spec.fallback());
        if (ctx.unanswered(spec) && !spec.topics().isEmpty()) {
            standing += ItemComposer.placeholder(spec.topics().get(0).missing());
        }
        return ItemComposer.tidy(standing);
    }

    /** One draft being written: the kind, the facts, and the writer's problems the plans should answer. */
    static final class Context {
        final ReportKind kind;
        final InterviewState state;
        private List<Fact> problems;

        Context(ReportKind kind, InterviewState state) {
            this.kind = kind;
            this.state = state;
        }

        /** The writer's problems, in the kind's topic order. */
        List<Fact> problems() {
            if (problems == null) {
                problems = issueTopics().stream().flatMap(t -> writerFacts(state, t.key()).stream()).toList();
            }
            return problems;
        }

        List<TopicSpec> issueTopics() {
            return kind.parts().stream().filter(p -> ISSUES.equals(p.key())).flatMap(p -> p.sections().stream())
                    .flatMap(s -> s.topics().stream()).toList();
        }

        /** Whether the writer named a problem that this plan section is the one to answer. */
        boolean unanswered(SectionSpec spec) {
            return !answered(spec).isEmpty();
        }

        /** The labels of the problem topics the writer named that this plan section answers. */
        List<String> answered(SectionSpec spec) {
            return PlanOrder.sectionFor(kind, issueTopics()).entrySet().stream()
                    .filter(e -> e.getValue().equals(spec.ref()) && !writerFacts(state, e.getKey().key()).isEmpty())
                    .map(e -> e.getKey().label()).toList();
        }
    }

    /** A problem topic's label as an area: "理论学习方面的不足" as it is; "理论学习" → "理论学习方面的问题". */
    private String problemArea(String label) {
        String text = ItemComposer.stripEnd(label);
        List<Words.Token> words = this.words.of(text);
        String last = words.isEmpty() ? "" : words.get(words.size() - 1).text();
        return PROBLEM_WORDS.contains(last) ? text : text + "方面的问题";
    }

    /**
     * This year's facts for a topic. Facts read from last year's report are left out: their numbers describe last
     * year, and a draft must not present them as this year's.
     */
    static List<Fact> writerFacts(InterviewState state, String topic) {
        return state.factsFor(topic).stream().filter(Fact::thisYear).toList();
    }

    /** A heading as stored: full-width marks, no ordinal of its own, no final 。. */
    static String headingText(String heading) {
        String text = HEADING_ORDINAL.matcher(heading == null ? "" : heading).replaceFirst("");
        return ItemComposer.stripEnd(ItemComposer.toFullWidth(text));
    }

    private static String sentenceOf(String text) {
        return ItemComposer.stripEnd(ItemComposer.toFullWidth(text.strip())) + "。";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Collects sections and tells the listener after each one. */
    private static final class Output {
        private final List<Section> sections = new ArrayList<>();
        private final int total;
        private final Progress progress;

        Output(int total, Progress progress) {
            this.total = total;
            this.progress = progress;
        }

        void add(Section section) {
            add(section, section.heading());
        }

        void add(Section section, String label) {
            sections.add(section);
            progress.sectionDone(sections.size(), total, label, section);
        }
    }
}
