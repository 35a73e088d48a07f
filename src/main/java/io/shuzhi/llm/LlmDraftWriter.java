package io.shuzhi.llm;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.NumberGuard;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.draft.YearTerms;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
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

    private final TemplateDrafter template;
    private final LlmModels models;
    private final PromptTemplates prompts;

    public LlmDraftWriter(TemplateDrafter template, LlmModels models, PromptTemplates prompts) {
        this.template = template;
        this.models = models;
        this.prompts = prompts;
    }

    @Override
    public Draft write(ReportKind kind, InterviewState state, int version, Progress progress) {
        Progress out = progress == null ? Progress.NONE : progress;
        TokenMeter meter = TokenMeter.current();
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
                var spec = kind.section(s.ref());
                if (s.level() > 0 && spec.isPresent() && !writerFacts(state, spec.get().topics()).isEmpty()) {
                    tasks.add(new SectionStreams.Task(i, s.ref(), prompt(spec.get())));
                } else {
                    done[i] = s;
                }
            }
            emitInOrder();
            var streams = new SectionStreams(models, prompts.render("system", Map.of()), state.facts(), progress, meter);
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
            PartSpec part = kind.partOf(spec);
            Section tmpl = sections.get(indexOf(spec.ref()));
            boolean plan = part.style() == ReportKind.Style.PLAN && spec.fallback() != null && !spec.fallback().isBlank();
            String mode = plan
                    ? "先写一段总体打算（可参照：" + spec.fallback().strip() + "），再逐条写出写作者提出的具体举措。"
                    : "按条目顺序写成“一是……。二是……。”，每个条目一句点题、一两句事实、可选一句成效。";
            String topics = spec.topics().stream().map(t -> topicLine(t)).collect(Collectors.joining("\n"));
            return prompts.render("write-section", Map.of(
                    "kind_name", kind.name(),
                    "unit", state.unit() == null ? "（未提供）" : LlmInterviewer.sanitize(state.unit()),
                    "year", state.year() == null ? "（未提供）" : state.year(),
                    "outline", outline,
                    "part_heading", sections.get(indexOf(String.valueOf(part.number()))).heading(),
                    "section_heading", part.itemized() ? "" : tmpl.heading(),
                    "mode", mode,
                    "topics", topics,
                    "facts", factBlock(kind, writerFacts(state, spec.topics())),
                    "style", style(prompts, kind, state.year())));
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

    /** This year's writer facts of {@code topics}, in the state's order. */
    static List<Fact> writerFacts(InterviewState state, Collection<TopicSpec> topics) {
        return topics.stream().flatMap(t -> state.factsFor(t.key()).stream())
                .filter(f -> f.origin() == Fact.Origin.WRITER).toList();
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

    /** The kind's style guide (or a default line) with the report year's 提法 filled in. */
    static String style(PromptTemplates prompts, ReportKind kind, String year) {
        String guide = prompts.style(kind.id()).orElse(DEFAULT_STYLE);
        String notes = YearTerms.notes(year);
        return guide.contains(PromptTemplates.YEAR_NOTES) ? guide.replace(PromptTemplates.YEAR_NOTES, notes)
                : guide + "\n\n## 本年度提法\n" + notes;
    }

    /** The kind's outline as the draft has it: headings in order, for the model to see where a section sits. */
    static String outline(Draft draft) {
        return draft.sections().stream().filter(s -> s.level() > 0 && !s.heading().isEmpty())
                .map(s -> (s.level() == 2 ? "  " : "") + s.heading()).collect(Collectors.joining("\n"));
    }
}
