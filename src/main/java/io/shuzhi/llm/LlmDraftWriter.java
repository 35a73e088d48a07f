package io.shuzhi.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.NumberGuard;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a draft with the model, section by section. The title, opening and part headings come from
 * {@link TemplateDrafter}; each section whose topics have writer facts gets its body from a streamed model call (the
 * section's facts, the kind's outline, the style guide); a section without facts keeps the template's placeholders.
 *
 * <p>Threads: {@link #write} runs on the turn's thread and is the only one that touches {@code progress}, the number
 * guard and the watchdogs. The HTTP client's callback threads only put events on a queue, so they never block.
 * At most {@code maxParallelSections} calls run at once (a {@link Semaphore}); sections are reported done in the
 * draft's order whatever order they finish in.
 *
 * <p>Failures: a call with no text shown yet (no first token, 429, 5xx, reset, garbage) is retried once after a
 * back-off; if the retry fails too the draft stops with a {@link ModelException} (401 and 404 stop it at once). Once
 * a section's text has reached the page it is kept: the section ends in 【生成中断：…】 and the other sections go on.
 *
 * <p>Text reaches {@code progress} a sentence at a time, after the {@link NumberGuard}: a number without a source is
 * never shown, not even for a moment.
 */
public class LlmDraftWriter implements DraftWriter {
    private static final Logger log = LoggerFactory.getLogger(LlmDraftWriter.class);
    private static final long TICK_MS = 50;
    private static final String SENTENCE_ENDS = "。；！？\n";

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
        long budget = models.props().sessionTokenBudget();
        if (budget > 0 && meter.sessionTotal() >= budget) {
            throw new ModelException(ModelException.Kind.TOKEN_BUDGET,
                    "本会话的模型用量已达上限（" + budget + " tokens），不能再用模型起草；可以请管理员调高上限。", false);
        }
        Draft base = template.write(kind, state, version, Progress.NONE);
        return new Run(kind, state, base, out, meter).run();
    }

    /** One draft being written. Everything here runs on the turn's thread except {@link Call}'s handler methods. */
    private final class Run {
        private final ReportKind kind;
        private final InterviewState state;
        private final Draft base;
        private final Progress progress;
        private final TokenMeter meter;
        private final List<Section> sections;
        private final Section[] done;
        private final Deque<Job> pending = new ArrayDeque<>();
        private final List<Call> active = new ArrayList<>();
        private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Semaphore slots;
        private int emitted;
        private final String outline;
        private final String system;

        Run(ReportKind kind, InterviewState state, Draft base, Progress progress, TokenMeter meter) {
            this.kind = kind;
            this.state = state;
            this.base = base;
            this.progress = progress;
            this.meter = meter;
            this.sections = base.sections();
            this.done = new Section[sections.size()];
            this.slots = new Semaphore(models.props().maxParallelSections());
            this.outline = outline(base);
            this.system = prompts.render("system", Map.of());
        }

        Draft run() {
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                var spec = kind.section(s.ref());
                if (s.level() > 0 && spec.isPresent() && !writerFacts(spec.get()).isEmpty()) {
                    pending.add(new Job(i, spec.get(), 1, 0));
                } else {
                    done[i] = s;
                }
            }
            try {
                while (true) {
                    startWhatCan();
                    emitInOrder();
                    if (emitted == sections.size()) break;
                    Event e = events.poll(TICK_MS, TimeUnit.MILLISECONDS);
                    if (e != null) handle(e);
                    watchdogs();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelAll();
                throw new ModelException(ModelException.Kind.TIMEOUT, "起草被中止，请重试。", true, e);
            } catch (RuntimeException e) {
                cancelAll();
                throw e;
            }
            return new Draft(base.kind(), base.version(), List.of(done));
        }

        private List<Fact> writerFacts(SectionSpec spec) {
            return spec.topics().stream().flatMap(t -> state.factsFor(t.key()).stream())
                    .filter(f -> f.origin() == Fact.Origin.WRITER).toList();
        }

        private void startWhatCan() {
            long now = System.nanoTime();
            while (!pending.isEmpty() && pending.peek().notBefore <= now && slots.tryAcquire()) {
                Job job = pending.poll();
                var call = new Call(job, now);
                active.add(call);
                ChatRequest request = ChatRequest.builder()
                        .messages(SystemMessage.from(system), UserMessage.from(prompt(job.spec)))
                        .build();
                try {
                    models.streaming().chat(request, call);
                } catch (RuntimeException e) {
                    // Some failures (a bad URL) are thrown at once instead of reaching onError.
                    call.onError(e);
                }
            }
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

        private void handle(Event e) {
            Call call = e.call;
            if (call.finished) {
                // A call we already gave up on (watchdog) talks late: stop it if it still streams.
                if (e.handle != null) e.handle.cancel();
                return;
            }
            if (e.handle != null) call.handle = e.handle;
            if (e.text != null) {
                call.token(e.text);
            } else if (e.response != null) {
                TokenUsage usage = e.response.tokenUsage();
                if (usage != null) {
                    meter.record(LlmInterviewer.n(usage.inputTokenCount()), LlmInterviewer.n(usage.outputTokenCount()));
                }
                call.complete();
            } else if (e.error != null) {
                call.fail(ModelErrors.map(e.error), e.error);
            }
        }

        private void watchdogs() {
            long now = System.nanoTime();
            var props = models.props();
            for (Call call : List.copyOf(active)) {
                if (call.finished) continue;
                if (call.firstToken == 0 && now - call.started > props.firstTokenTimeout().toNanos()) {
                    call.fail(ModelErrors.timeout("模型在" + props.firstTokenTimeout().toSeconds() + "秒内没有开始输出。"), null);
                } else if (call.firstToken != 0 && now - call.lastToken > props.idleTimeout().toNanos()) {
                    call.fail(ModelErrors.timeout("模型输出中途停顿超过" + props.idleTimeout().toSeconds() + "秒。"), null);
                } else if (now - call.started > props.totalTimeout().toNanos()) {
                    call.fail(ModelErrors.timeout("一节的生成超过了" + props.totalTimeout().toSeconds() + "秒。"), null);
                }
            }
        }

        private void cancelAll() {
            for (Call c : active) c.stop();
            active.clear();
        }

        private String prompt(SectionSpec spec) {
            PartSpec part = kind.partOf(spec);
            Section tmpl = sections.get(indexOf(spec.ref()));
            boolean plan = part.style() == ReportKind.Style.PLAN && spec.fallback() != null && !spec.fallback().isBlank();
            String mode = plan
                    ? "先写一段总体打算（可参照：" + spec.fallback().strip() + "），再逐条写出写作者提出的具体举措。"
                    : "按条目顺序写成“一是……。二是……。”，每个条目一句点题、一两句事实、可选一句成效。";
            String topics = spec.topics().stream().map(t -> topicLine(t)).collect(Collectors.joining("\n"));
            String facts = writerFacts(spec).stream()
                    .map(f -> "- [" + kind.topic(f.topic()).map(TopicSpec::label).orElse(f.topic()) + "] "
                            + LlmInterviewer.sanitize(f.text())
                            + (f.quantities().isEmpty() ? "" : "（数字：" + f.quantities().stream()
                            .map(q -> q.display()).collect(Collectors.joining("、")) + "）"))
                    .collect(Collectors.joining("\n"));
            return prompts.render("write-section", Map.of(
                    "kind_name", kind.name(),
                    "unit", state.unit() == null ? "（未提供）" : LlmInterviewer.sanitize(state.unit()),
                    "year", state.year() == null ? "（未提供）" : state.year(),
                    "outline", outline,
                    "part_heading", sections.get(indexOf(String.valueOf(part.number()))).heading(),
                    "section_heading", part.itemized() ? "" : tmpl.heading(),
                    "mode", mode,
                    "topics", topics,
                    "facts", "<writer_text>\n" + facts + "\n</writer_text>",
                    "style", prompts.style(kind.id()).orElse("庄重、平实、准确；先做法后成效；不用口语。")));
        }

        private String topicLine(TopicSpec t) {
            boolean has = !state.factsFor(t.key()).stream().filter(f -> f.origin() == Fact.Origin.WRITER).toList().isEmpty();
            return "- " + t.label() + "：点题短语“" + t.lead() + "”" + (has ? "" : "；没有事实，写【待补充：" + t.missing() + "】")
                    + (t.close() == null || t.close().isBlank() ? "" : "；可用的结尾：" + t.close());
        }

        private int indexOf(String ref) {
            for (int i = 0; i < sections.size(); i++) if (sections.get(i).ref().equals(ref)) return i;
            return 0;
        }

        /** One section to write: which, which attempt, and not before when (the back-off). */
        private record Job(int index, SectionSpec spec, int attempt, long notBefore) {
        }

        /** What a callback thread hands over. */
        private record Event(Call call, String text, ChatResponse response, Throwable error, StreamingHandle handle) {
        }

        /** One streamed model call for one attempt at a section. Handler methods run on the HTTP client's thread. */
        private final class Call implements StreamingChatResponseHandler {
            final Job job;
            final long started;
            long firstToken;
            long lastToken;
            boolean finished;
            boolean shown;
            volatile StreamingHandle handle;
            final StringBuilder sentence = new StringBuilder();
            final StringBuilder body = new StringBuilder();
            final List<String> flagged = new ArrayList<>();

            Call(Job job, long started) {
                this.job = job;
                this.started = started;
            }

            // ---- callback threads: hand over and return ----

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                events.add(new Event(this, partial.text() == null ? "" : partial.text(), null, null,
                        context == null ? null : context.streamingHandle()));
            }

            @Override
            public void onPartialResponse(String text) {
                events.add(new Event(this, text == null ? "" : text, null, null, null));
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                events.add(new Event(this, null, response, null, null));
            }

            @Override
            public void onError(Throwable error) {
                events.add(new Event(this, null, null, error, null));
            }

            // ---- the turn's thread ----

            String ref() {
                return sections.get(job.index).ref();
            }

            void token(String text) {
                long now = System.nanoTime();
                if (firstToken == 0) firstToken = now;
                lastToken = now;
                sentence.append(text);
                int end = lastSentenceEnd(sentence);
                if (end > 0) {
                    pass(sentence.substring(0, end));
                    sentence.delete(0, end);
                }
            }

            /** Guards finished sentences and hands them to the page. */
            private void pass(String text) {
                if (text.isEmpty()) return;
                var guarded = NumberGuard.check(text, state.facts());
                flagged.addAll(guarded.flagged());
                String shownText = body.isEmpty() ? stripLeading(guarded.text()) : guarded.text();
                if (shownText.isEmpty()) return;
                body.append(shownText);
                shown = true;
                progress.sectionDelta(ref(), shownText);
            }

            void complete() {
                pass(sentence.toString());
                sentence.setLength(0);
                String text = tidy(body.toString());
                if (text.isEmpty()) {
                    fail(ModelErrors.badOutput(null), null);
                    return;
                }
                finish(text);
            }

            void fail(ModelException e, Throwable cause) {
                if (finished) return;
                stop();
                log.warn("session {}: section {} attempt {} failed ({}): {}", LlmInterviewer.shortId(meter), ref(),
                        job.attempt, e.kind(), ModelErrors.describe(cause == null ? e : cause, models.props().apiKey()));
                if (shown) {
                    // Text already on the page stays; the writer sees where and why it stopped.
                    pass(sentence.toString());
                    finish(tidy(body.toString()) + "【生成中断：" + stripEnd(e.chineseMessage()) + "，本节未写完，可重新生成】");
                    return;
                }
                if (e.retryable() && job.attempt == 1) {
                    long backoff = models.props().retryBackoff().toNanos();
                    if (e.kind() == ModelException.Kind.RATE_LIMITED) backoff *= 2;
                    pending.addFirst(new Job(job.index, job.spec, 2, System.nanoTime() + backoff));
                    return;
                }
                throw e;
            }

            void finish(String text) {
                if (!flagged.isEmpty()) {
                    log.info("session {}: section {}: {} unsourced number(s) flagged: {}", LlmInterviewer.shortId(meter),
                            ref(), flagged.size(), flagged);
                }
                finished = true;
                release();
                done[job.index] = sections.get(job.index).withBody(text);
            }

            /** Stops the call (if it still streams) and frees its slot. */
            void stop() {
                boolean wasFinished = finished;
                finished = true;
                StreamingHandle h = handle;
                if (h != null && !h.isCancelled()) {
                    try {
                        h.cancel();
                    } catch (RuntimeException ignored) {
                        // Cancelling a stream that already ended: nothing left to stop.
                    }
                }
                if (!wasFinished) release();
            }

            private boolean released;

            private void release() {
                if (released) return;
                released = true;
                active.remove(this);
                slots.release();
            }
        }
    }

    /** The kind's outline as the draft has it: headings in order, for the model to see where a section sits. */
    static String outline(Draft draft) {
        return draft.sections().stream().filter(s -> s.level() > 0 && !s.heading().isEmpty())
                .map(s -> (s.level() == 2 ? "  " : "") + s.heading()).collect(Collectors.joining("\n"));
    }

    /** End of the last whole sentence in {@code text} (0 when none), never inside a 【…】 placeholder. */
    static int lastSentenceEnd(CharSequence text) {
        int depth = 0;
        int last = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '【') depth++;
            else if (c == '】') depth = Math.max(0, depth - 1);
            else if (depth == 0 && SENTENCE_ENDS.indexOf(c) >= 0) last = i + 1;
        }
        return last;
    }

    /** One paragraph: no line breaks, no stray spaces at the ends, no Markdown emphasis. */
    static String tidy(String text) {
        return text.replace("**", "").replaceAll("\\s*\\n+\\s*", "").strip();
    }

    private static String stripLeading(String s) {
        return s.replaceFirst("^\\s+", "");
    }

    private static String stripEnd(String s) {
        return s.replaceAll("[。.！!]+$", "");
    }
}
