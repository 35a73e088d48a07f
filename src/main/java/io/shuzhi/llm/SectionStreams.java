package io.shuzhi.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import io.shuzhi.draft.DraftWriter.Progress;
import io.shuzhi.draft.NumberGuard;
import io.shuzhi.interview.Fact;
import io.shuzhi.usage.TokenMeter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams section bodies from the model, for the drafter and the rewriter alike: at most {@code maxParallelSections}
 * calls at once, each text stripped of the model's thinking ({@link Reasoning}: {@code <think>…</think>} in the content;
 * {@code reasoning_content} only proves the model is alive) and passed through the {@link NumberGuard} a sentence at a
 * time and then to
 * {@link Progress#sectionDelta}, with the watchdogs (first token, idle gap, total time), one retry while nothing of a
 * call has been shown, and the provider's failures mapped to {@link ModelException}.
 *
 * <p>Threads: {@link #run} runs on the turn's thread and is the only one that touches {@code progress}, the guard and
 * the watchdogs; LangChain4j's callback threads only put events on a queue and return. {@link Finished} is told on
 * the turn's thread too.
 *
 * <p>Failures: a call with no text shown yet (no first token, 429, 5xx, reset, garbage) is retried once after a
 * back-off; if the retry fails too, {@link #run} throws a {@link ModelException} (401 and 404 at once). Once text of
 * a body has been shown it is kept: the body ends in 【生成中断：…】 and the other bodies go on.
 */
final class SectionStreams {
    private static final Logger log = LoggerFactory.getLogger(SectionStreams.class);
    private static final long TICK_MS = 50;
    private static final String SENTENCE_ENDS = "。；！？\n";

    /**
     * One body to write.
     *
     * @param index  the caller's number for it, handed back in {@link Finished}
     * @param ref    the section ref its deltas carry
     * @param prompt the user message (the system prompt is shared)
     */
    record Task(int index, String ref, String prompt) {
    }

    /** A body is finished: guarded, tidied, maybe ending in 【生成中断：…】. Told on the calling thread. */
    @FunctionalInterface
    interface Finished {
        void finished(int index, String body);
    }

    private final LlmModels models;
    private final NumberGuard guard;
    private final String system;
    private final Collection<Fact> facts;
    private final Progress progress;
    private final TokenMeter meter;
    private final Deque<Job> pending = new ArrayDeque<>();
    private final List<Call> active = new ArrayList<>();
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Semaphore slots;
    private Finished onFinished;

    /**
     * @param facts    the writer's facts the guard checks numbers against (last year's do not count)
     * @param progress told each guarded piece of text as it comes
     * @param meter    the turn's meter, taken on the turn's thread
     */
    private final PromptLeaks leaks;

    SectionStreams(LlmModels models, NumberGuard guard, String system, Collection<Fact> facts, Progress progress,
                   TokenMeter meter) {
        this.models = models;
        this.guard = guard;
        this.system = system;
        this.leaks = new PromptLeaks(system);
        this.facts = facts;
        this.progress = progress == null ? Progress.NONE : progress;
        this.meter = meter;
        this.slots = new Semaphore(models.props().maxParallelSections());
    }

    /** Refuses model work once the session has used its token budget. */
    static void checkBudget(LlmModels models, TokenMeter meter, String work) {
        if (meter.dailyBudgetReached()) {
            throw new ModelException(ModelException.Kind.TOKEN_BUDGET,
                    "今天全部会话的模型用量已达上限，暂时不能用模型" + work + "；明天会恢复，或请管理员调高上限。", false);
        }
        long budget = models.props().sessionTokenBudget();
        if (budget > 0 && meter.sessionTotal() >= budget) {
            throw new ModelException(ModelException.Kind.TOKEN_BUDGET,
                    "本会话的模型用量已达上限，不能再用模型" + work + "；可以请管理员调高上限。", false);
        }
    }

    /** Writes every task; returns when all are finished, or throws the {@link ModelException} that stopped them. */
    void run(List<Task> tasks, Finished onFinished) {
        this.onFinished = onFinished;
        for (Task t : tasks) pending.add(new Job(t, 1, 0));
        try {
            while (true) {
                startWhatCan();
                if (pending.isEmpty() && active.isEmpty()) break;
                Event e = events.poll(TICK_MS, TimeUnit.MILLISECONDS);
                if (e != null) handle(e);
                watchdogs();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelAll();
            throw new ModelException(ModelException.Kind.TIMEOUT, "模型调用被中止，请重试。", true, e);
        } catch (RuntimeException e) {
            cancelAll();
            throw e;
        }
    }

    private void startWhatCan() {
        long now = System.nanoTime();
        while (!pending.isEmpty() && pending.peek().notBefore <= now && slots.tryAcquire()) {
            Job job = pending.poll();
            var call = new Call(job, now);
            active.add(call);
            ChatRequest request = ChatRequest.builder()
                    .messages(SystemMessage.from(system), UserMessage.from(job.task.prompt()))
                    .build();
            try {
                models.streaming().chat(request, call);
            } catch (RuntimeException e) {
                // Some failures (a bad URL) are thrown at once instead of reaching onError.
                call.onError(e);
            }
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
        if (e.thinking) {
            call.alive();
            call.thought = true;
            if (e.text != null) call.billed.append(e.text);
        } else if (e.text != null) {
            call.token(e.text);
        } else if (e.response != null) {
            TokenUsage usage = e.response.tokenUsage();
            // What the provider bills, thinking included.
            if (usage != null && (usage.inputTokenCount() != null || usage.outputTokenCount() != null)) {
                meter.record(LlmInterviewer.n(usage.inputTokenCount()), LlmInterviewer.n(usage.outputTokenCount()));
            } else {
                // No usage in the stream (Ollama's /v1 ignores stream_options): an estimate, marked as one, never 0.
                meter.recordEstimate(TokenMeter.estimate(system) + TokenMeter.estimate(call.job.task.prompt()),
                        TokenMeter.estimate(call.billed));
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
        for (Call c : List.copyOf(active)) c.stop();
        active.clear();
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

    /** One body to write, which attempt, and not before when (the back-off). */
    private record Job(Task task, int attempt, long notBefore) {
    }

    /** What a callback thread hands over. */
    private record Event(Call call, String text, ChatResponse response, Throwable error, StreamingHandle handle,
                         boolean thinking) {
        Event(Call call, String text, ChatResponse response, Throwable error, StreamingHandle handle) {
            this(call, text, response, error, handle, false);
        }
    }

    /** One streamed model call for one attempt at a body. Handler methods run on the HTTP client's thread. */
    private final class Call implements StreamingChatResponseHandler {
        final Job job;
        final long started;
        long firstToken;
        long lastToken;
        boolean finished;
        boolean shown;
        /** reasoning_content came. */
        boolean thought;
        private boolean released;
        volatile StreamingHandle handle;
        final StringBuilder sentence = new StringBuilder();
        final Reasoning.Filter think = new Reasoning.Filter();
        final StringBuilder body = new StringBuilder();
        /** Everything the model streamed, thinking included: what an estimate of its output counts. */
        final StringBuilder billed = new StringBuilder();
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

        /** {@code reasoning_content}: never text of the body, only a sign of life for the watchdogs. */
        @Override
        public void onPartialThinking(PartialThinking thinking, PartialThinkingContext context) {
            events.add(new Event(this, thinking == null ? null : thinking.text(), null, null,
                    context == null ? null : context.streamingHandle(), true));
        }

        @Override
        public void onPartialThinking(PartialThinking thinking) {
            events.add(new Event(this, thinking == null ? null : thinking.text(), null, null, null, true));
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
            return job.task.ref();
        }

        /** The model is working (a token, or thinking): the watchdogs see it. */
        void alive() {
            long now = System.nanoTime();
            if (firstToken == 0) firstToken = now;
            lastToken = now;
        }

        void token(String text) {
            alive();
            billed.append(text);
            sentence.append(think.feed(text));
            int end = lastSentenceEnd(sentence);
            if (end > 0) {
                pass(sentence.substring(0, end));
                sentence.delete(0, end);
            }
        }

        /** Guards finished sentences and hands them to the page. */
        private void pass(String text) {
            if (text.isEmpty()) return;
            if (leaks.in(text)) {
                // A model talked into reciting its instructions: the sentence is dropped, never shown or kept.
                log.warn("session {}: section {}: the model recited its instructions; sentence dropped",
                        LlmInterviewer.shortId(meter), ref());
                return;
            }
            var guarded = guard.check(text, facts);
            flagged.addAll(guarded.flagged());
            String shownText = body.isEmpty() ? stripLeading(guarded.text()) : guarded.text();
            if (shownText.isEmpty()) return;
            body.append(shownText);
            shown = true;
            progress.sectionDelta(ref(), shownText);
        }

        void complete() {
            sentence.append(think.finish());
            pass(sentence.toString());
            sentence.setLength(0);
            String text = tidy(body.toString());
            if (text.isEmpty()) {
                // A 200 whose stream carried no text at all, or only thinking: say which, not "unreadable data".
                fail(thought || think.sawThinking() ? ModelErrors.onlyThinking() : ModelErrors.emptyAnswer(), null);
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
                sentence.append(think.finish());
                pass(sentence.toString());
                finish(tidy(body.toString()) + "【生成中断：" + stripEnd(e.chineseMessage()) + "，本节未写完，可重新生成】");
                return;
            }
            if (e.retryable() && job.attempt == 1) {
                long backoff = models.props().retryBackoff().toNanos();
                if (e.kind() == ModelException.Kind.RATE_LIMITED) backoff *= 2;
                pending.addFirst(new Job(job.task, 2, System.nanoTime() + backoff));
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
            onFinished.finished(job.task.index(), text);
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

        private void release() {
            if (released) return;
            released = true;
            active.remove(this);
            slots.release();
        }
    }
}
