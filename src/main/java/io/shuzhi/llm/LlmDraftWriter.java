package io.shuzhi.llm;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.DraftLexicon;
import io.shuzhi.draft.NumberGuard;
import io.shuzhi.draft.PlanOrder;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.draft.YearTerms;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.Plan;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import io.shuzhi.usage.TokenMeter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a draft with the model, section by section. The title, opening and part headings come from
 * {@link TemplateDrafter}; each section whose topics have writer facts gets its body from a streamed model call (the
 * section's facts, the kind's outline, the style guide); a section without facts keeps the template's placeholders.
 *
 * <p>Threads: {@link #write} runs on the turn's thread and is the only one that touches {@code progress}, the number
 * guard and the watchdogs. The HTTP client's callback threads only put events on a queue, so they never block.
 * At most {@code maxParallelSections} calls run at once ({@link SectionStreams}, shared with
 * {@link LlmSectionRewriter}); sections are reported done in the draft's order whatever order they finish in.
 *
 * <p>Failures: a call with no text shown yet (no first token, 429, 5xx, reset, garbage) is retried once after a
 * back-off; if the retry fails too the draft stops with a {@link ModelException} (401 and 404 stop it at once). Once
 * a section's text has reached the page it is kept: the section ends in 【生成中断：…】 and the other sections go on.
 *
 * <p>Text reaches {@code progress} a sentence at a time, after the {@link NumberGuard}: a number without a source is
 * never shown, not even for a moment.
 */
public class LlmDraftWriter implements DraftWriter {
    /** The style guide of a kind without {@code prompts/style/<kind>.md}. */
    private static final String DEFAULT_STYLE = "庄重、平实、准确；先做法后成效；不用口语。";
    /** The part whose facts are the writer's problems, one fact each (as the interview files them). */
    static final String ISSUES = "issues";
    static final String ITEMS_MODE = "按条目顺序写成“一是……。二是……。”，每个条目先用一个短语点明做法，再用写作者的事实和数字说明，"
            + "最后可以加一句不含数字的成效评价。";
    static final String ISSUES_MODE = "写作者提出的问题一个写一条，连同没有问题的方面的占位共%d条，按下面所列方面的顺序用“一是……。二是……。”连接，"
            + "不合并、不拆分，不增加写作者没提的问题。每条先用该方面的点题短语点明问题，再用写作者举的实例具体说明，"
            + "用本文种的说法写成“还不够……”“有待……”“还有差距”，直面不足，不推给客观原因，最后可以接一句不含数字的影响。";
    static final String PLAN_MODE = "先用一句总述开头（参照其意思，不照抄：%s），再写举措：写作者的每条打算写成一项举措，共%d项，"
            + "按事实的顺序，不合并、不遗漏；打算里的数字和频次（如每季度一次、2名）原样写入，写作者没给的数字一律不加；"
            + "回应下面所列问题的举措，点明它回应的问题（如“针对……的问题，……”）；不增加写作者没提的举措。";

    private final TemplateDrafter template;
    private final LlmModels models;
    private final PromptTemplates prompts;
    private final PlanOrder planOrder;
    private final YearTerms years;
    private final NumberGuard guard;

    /** A writer falling back to {@code template}, with the wording tables of {@code lexicon}. */
    public LlmDraftWriter(TemplateDrafter template, DraftLexicon lexicon, LlmModels models, PromptTemplates prompts) {
        this.template = template;
        this.models = models;
        this.prompts = prompts;
        this.planOrder = lexicon.planOrder();
        this.years = lexicon.years();
        this.guard = new NumberGuard(lexicon.numbers());
    }

    @Override
    public Draft write(ReportKind kind, InterviewState state, int version, Progress progress) {
        return write(kind, state, version, progress, TokenMeter.NONE);
    }

    @Override
    public Draft write(ReportKind kind, InterviewState state, int version, Progress progress, TokenMeter meter) {
        Progress out = progress == null ? Progress.NONE : progress;
        SectionStreams.checkBudget(models, meter, "起草");
        Draft base = template.write(kind, state, version, Progress.NONE);
        return new Run(kind, state, base, out, meter).run();
    }

    /** One draft being written, on the turn's thread; the model calls run in {@link SectionStreams}. */
    private final class Run {
        private final ReportKind kind;
        private final InterviewState state;
        private final Draft base;
        private final Progress progress;
        private final TokenMeter meter;
        private final List<Section> sections;
        private final Section[] done;
        private int emitted;
        private final String outline;

        Run(ReportKind kind, InterviewState state, Draft base, Progress progress, TokenMeter meter) {
            this.kind = kind;
            this.state = state;
            this.base = base;
            this.progress = progress;
            this.meter = meter;
            this.sections = base.sections();
            this.done = new Section[sections.size()];
            this.outline = outline(base);
        }

        Draft run() {
            List<SectionStreams.Task> tasks = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                var spec = specOf(kind, s);
                if (s.level() > 0 && spec.isPresent() && !writerFacts(state, spec.get().topics()).isEmpty()) {
                    tasks.add(new SectionStreams.Task(i, s.ref(), prompt(spec.get())));
                } else {
                    // Nothing from the writer: the template's 【待补充】 or standing paragraph, never model filler.
                    done[i] = s;
                }
            }
            emitInOrder();
            var streams = new SectionStreams(models, guard, prompts.render("system", Map.of()), state.facts(), progress,
                    meter);
            streams.run(tasks, (i, body) -> {
                done[i] = sections.get(i).withBody(body);
                emitInOrder();
            });
            return new Draft(base.kind(), base.version(), List.of(done));
        }

        /** Reports finished sections in the draft's order. */
        private void emitInOrder() {
            while (emitted < sections.size() && done[emitted] != null) {
                Section s = done[emitted];
                String label = s.ref().equals("title") ? "标题" : s.ref().equals("opening") ? "开头" : s.heading();
                emitted++;
                progress.sectionDone(emitted, sections.size(), label, s);
            }
        }

        private String prompt(SectionSpec spec) {
            PartSpec part = partOf(kind, spec);
            Section tmpl = sections.get(indexOf(spec.ref()));
            boolean plan = part.style() == ReportKind.Style.PLAN && spec.fallback() != null && !spec.fallback().isBlank();
            boolean issues = ISSUES.equals(part.key()) && !plan;
            List<Fact> facts = writerFacts(state, spec.topics());
            String mode;
            String topics;
            String answers = "（无）";
            if (issues) {
                long gaps = spec.topics().stream().filter(t -> writerFacts(state, List.of(t)).isEmpty()).count();
                mode = ISSUES_MODE.formatted(facts.size() + gaps);
                topics = spec.topics().stream().map(this::problemLine).collect(Collectors.joining("\n"));
            } else if (plan) {
                // The plans that answer a problem first, in the problems' order (as the offline drafter orders them).
                facts = planOrder.answering(facts, problems(), kind.id());
                mode = PLAN_MODE.formatted(spec.fallback().strip(), facts.size());
                topics = spec.topics().stream().map(this::planLine).collect(Collectors.joining("\n"));
                List<Fact> answered = answeredBy(spec);
                if (!answered.isEmpty()) answers = factBlock(kind, answered);
            } else {
                mode = ITEMS_MODE;
                topics = spec.topics().stream().map(this::topicLine).collect(Collectors.joining("\n"));
            }
            return prompts.render("write-section", Map.ofEntries(
                    Map.entry("answers", answers),
                    Map.entry("kind_name", kind.name()),
                    Map.entry("unit", state.unit() == null ? "（未提供）" : LlmInterviewer.block(state.unit())),
                    Map.entry("year", state.year() == null ? "（未提供）" : state.year()),
                    Map.entry("outline", outline),
                    Map.entry("part_heading", sections.get(indexOf(String.valueOf(part.number()))).heading()),
                    Map.entry("section_heading", part.itemized() ? "" : tmpl.heading()),
                    Map.entry("mode", mode),
                    Map.entry("topics", topics),
                    Map.entry("facts", factBlock(kind, facts)),
                    Map.entry("style", style(prompts, kind, state.year(), years)),
                    Map.entry("last_year_plans", plansFor(state, part, spec))));
        }

        /** A problem area: its leads in turn, one per problem, or the template's lead and placeholder. */
        private String problemLine(TopicSpec t) {
            int n = writerFacts(state, List.of(t)).size();
            if (n == 0) {
                return "- " + t.label() + "：写作者没有提出这方面的问题，原样写“" + t.lead() + "。【待补充：" + t.missing() + "】”";
            }
            List<String> leads = new ArrayList<>();
            for (int k = 0; t.lead(k) != null; k++) leads.add("“" + t.lead(k) + "”");
            return "- " + t.label() + "：写作者提出" + n + "个问题，点题短语依次可用" + String.join("、", leads)
                    + (t.close() == null || t.close().isBlank() ? "" : "；可用的影响：" + t.close());
        }

        /** A plan topic: its frame, lead and close to build the measure on; none when the writer planned nothing. */
        private String planLine(TopicSpec t) {
            if (writerFacts(state, List.of(t)).isEmpty()) return "- " + t.label() + "：写作者没有提出打算，不写这一项";
            return "- " + t.label() + "：点题短语“" + t.lead() + "”"
                    + (t.frame() == null || t.frame().isBlank() ? "" : "；可用的总述：" + t.frame())
                    + (t.close() == null || t.close().isBlank() ? "" : "；可用的结尾：" + t.close());
        }

        /** The writer's problems, in the kind's topic order. */
        private List<Fact> problems() {
            return writerFacts(state, issueTopics(kind));
        }

        /** The writer's problems whose area this plan section answers. */
        private List<Fact> answeredBy(SectionSpec spec) {
            List<TopicSpec> areas = PlanOrder.sectionFor(kind, issueTopics(kind)).entrySet().stream()
                    .filter(e -> e.getValue().equals(spec.ref())).map(Map.Entry::getKey).toList();
            return writerFacts(state, areas);
        }

        private String topicLine(TopicSpec t) {
            boolean has = !writerFacts(state, List.of(t)).isEmpty();
            return "- " + t.label() + "：点题短语“" + t.lead() + "”" + (has ? "" : "；没有事实，写【待补充：" + t.missing() + "】")
                    + (t.frame() == null || t.frame().isBlank() ? "" : "；可用的总述：" + t.frame())
                    + (t.close() == null || t.close().isBlank() ? "" : "；可用的结尾：" + t.close());
        }

        private int indexOf(String ref) {
            for (int i = 0; i < sections.size(); i++) if (sections.get(i).ref().equals(ref)) return i;
            return 0;
        }
    }

    /**
     * What a draft section is written from: a section of a part, or for an itemized part (its one body under the part
     * heading, ref "2") all topics of the part; empty for the title, the opening and a part heading over sections.
     */
    static java.util.Optional<SectionSpec> specOf(ReportKind kind, Section s) {
        for (PartSpec part : kind.parts()) {
            if (part.itemized() && String.valueOf(part.number()).equals(s.ref()) && !part.sections().isEmpty()) {
                SectionSpec first = part.sections().get(0);
                if (part.sections().size() == 1) return java.util.Optional.of(first);
                return java.util.Optional.of(new SectionSpec(first.ref(), first.heading(),
                        part.sections().stream().flatMap(x -> x.topics().stream()).toList(), first.fallback()));
            }
        }
        return kind.section(s.ref());
    }

    /** The part a spec belongs to, also for the merged spec of an itemized part. */
    private static PartSpec partOf(ReportKind kind, SectionSpec spec) {
        return kind.parts().stream().filter(p -> p.sections().stream().anyMatch(x -> x.ref().equals(spec.ref())))
                .findFirst().orElseGet(() -> kind.partOf(spec));
    }

    /** The topics of the part keyed {@code issues}: the writer's problems, one fact each. */
    static List<TopicSpec> issueTopics(ReportKind kind) {
        return kind.parts().stream().filter(p -> ISSUES.equals(p.key())).flatMap(p -> p.sections().stream())
                .flatMap(x -> x.topics().stream()).toList();
    }

    /**
     * Last year's plans that concern a section: in a section on the work done, the plans of its topics that were
     * carried out; in the problems and plans parts, those the writer said were not ("（无）" when none).
     */
    static String plansFor(InterviewState state, PartSpec part, SectionSpec spec) {
        java.util.Set<String> topics = spec.topics().stream().map(TopicSpec::key).collect(Collectors.toSet());
        boolean later = ISSUES.equals(part.key()) || part.style() == ReportKind.Style.PLAN;
        String lines = state.plans().stream()
                .filter(p -> later ? p.status() == Plan.Status.PROBLEM || p.status() == Plan.Status.LEFT_OUT
                        : p.status() == Plan.Status.DONE && topics.contains(p.topic()))
                .map(p -> "- " + (p.status() == Plan.Status.DONE ? "已落实：" : "未落实：") + LlmInterviewer.sanitize(p.text()))
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "（无）" : lines;
    }

    /** This year's writer facts of {@code topics}, in the state's order. */
    static List<Fact> writerFacts(InterviewState state, Collection<TopicSpec> topics) {
        return topics.stream().flatMap(t -> state.factsFor(t.key()).stream())
                .filter(Fact::thisYear).toList();
    }

    /** Facts as the prompts list them, one line each with their numbers, delimited as writer text. */
    static String factBlock(ReportKind kind, List<Fact> facts) {
        String lines = facts.stream()
                .map(f -> "- [" + kind.topic(f.topic()).map(TopicSpec::label).orElse(f.topic()) + "] "
                        + LlmInterviewer.sanitize(f.text())
                        + (f.quantities().isEmpty() ? "" : "（数字：" + f.quantities().stream()
                        .map(q -> q.display()).collect(Collectors.joining("、")) + "）"))
                .collect(Collectors.joining("\n"));
        return "<writer_text>\n" + lines + "\n</writer_text>";
    }

    /** The kind's style guide (or a default line) with the report year's 提法 of {@code years} filled in. */
    static String style(PromptTemplates prompts, ReportKind kind, String year, YearTerms years) {
        String guide = prompts.style(kind.id()).orElse(DEFAULT_STYLE);
        String notes = years.notes(year);
        return guide.contains(PromptTemplates.YEAR_NOTES) ? guide.replace(PromptTemplates.YEAR_NOTES, notes)
                : guide + "\n\n## 本年度提法\n" + notes;
    }

    /** The kind's outline as the draft has it: headings in order, for the model to see where a section sits. */
    static String outline(Draft draft) {
        return draft.sections().stream().filter(s -> s.level() > 0 && !s.heading().isEmpty())
                .map(s -> (s.level() == 2 ? "  " : "") + s.heading()).collect(Collectors.joining("\n"));
    }
}
