package io.shuzhi.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.shuzhi.draft.NumberGuard;
import io.shuzhi.interview.ChineseNumerals;
import io.shuzhi.interview.ClauseReader;
import io.shuzhi.interview.Faq;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewEngine;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.Intents;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.OfflineInterviewer;
import io.shuzhi.interview.Quantity;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import io.shuzhi.interview.RuleExtractor;
import io.shuzhi.usage.TokenMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The interview with a model. Commands (skip, generate, progress, help, corrections) and the opening question about
 * unit and year are read exactly as offline ({@link OfflineInterviewer}). For an answer, the model extracts the facts
 * (JSON), which are checked — a known topic, every number literally in the writer's message — and then asks the next
 * question in a natural voice; the next topic is chosen by the same rule as offline. Any failure of either call
 * falls back to the offline result for that step, so a turn always works.
 */
public class LlmInterviewer implements InterviewEngine {
    private static final Logger log = LoggerFactory.getLogger(LlmInterviewer.class);
    private static final List<String> QUESTION_CHOICES = List.of("跳过", "生成草稿");
    private static final List<String> DONE_CHOICES = List.of("生成草稿");
    // Any spelling of the block's tags a writer could use to close it early: spaces anywhere, any case, full-width
    // brackets and slash.
    private static final Pattern DELIMITER = Pattern.compile("(?i)[<＜]\\s*[/／]?\\s*writer_text\\s*[>＞]");
    private static final Pattern END_PUNCT = Pattern.compile("[。；;，,.！!？?\\s]+$");
    private static final int MAX_REPLY_CHARS = 400;

    private final OfflineInterviewer offline;
    private final LlmModels models;
    private final PromptTemplates prompts;
    private final RedisChatMemoryStore memory;
    private final Intents intents;
    private final ClauseReader clauseReader;
    private final Faq faq;
    private final NumberParser numbers;
    private final NumberGuard guard;

    /** An interviewer falling back to {@code offline}, reading messages with the tables of {@code lexicon}. */
    public LlmInterviewer(OfflineInterviewer offline, Lexicon lexicon, LlmModels models, PromptTemplates prompts,
                          RedisChatMemoryStore memory) {
        this.offline = offline;
        this.intents = lexicon.intents();
        this.clauseReader = lexicon.clauseReader();
        this.faq = lexicon.faq();
        this.numbers = lexicon.numbers();
        this.guard = new NumberGuard(numbers);
        this.models = models;
        this.prompts = prompts;
        this.memory = memory;
    }

    @Override
    public Reply greet(ReportKind kind, InterviewState state) {
        Reply r = offline.greet(kind, state);
        return new Reply(r.state(), r.text().replace("（离线模式）", ""), r.intent(), r.changed(), r.choices());
    }

    @Override
    public Reply answer(ReportKind kind, InterviewState state, String messageId, String text) {
        return answer(kind, state, messageId, text, TokenMeter.NONE);
    }

    @Override
    public Reply answer(ReportKind kind, InterviewState state, String messageId, String text, TokenMeter meter) {
        Intent intent = intents.classify(text);
        Reply rules = offline.answer(kind, state, messageId, text);
        if (intent != Intent.ANSWER || InterviewState.INTRO.equals(state.currentTopic())) return rules;
        // Last year's plans are a checklist the rules keep: while one is asked, or asked next, the rules answer.
        if (state.openPlan().isPresent() || rules.state().openPlan().isPresent()) return rules;
        if (overBudget(meter)) {
            log.info("session {}: token budget used up, interview continues offline", shortId(meter));
            return rules;
        }
        InterviewState next;
        List<Fact> added;
        String fallback;
        // Only what the writer said about the year goes to the model: questions, wishes and asides were handled by
        // the rules (answered, kept as preferences, dropped), and must never become facts.
        String content = clauseReader.contentOf(text, RuleExtractor.defaultKind(kind, state.currentTopic()));
        if (content.isEmpty()) return rules;
        try {
            Optional<Extraction> ex = extract(kind, state, messageId, content, meter);
            if (ex.isEmpty()) {
                next = rules.state();
                added = rules.changed();
                fallback = rules.text();
            } else {
                added = ex.get().added();
                InterviewState extracted = ex.get().state();
                for (String wish : rules.state().preferences()) extracted = extracted.withPreference(wish);
                next = withNextTopic(kind, extracted);
                fallback = plainReply(kind, added, next);
            }
        } catch (ModelException e) {
            log.warn("session {}: extraction fell back to rules ({}): {}", shortId(meter), e.kind(),
                    ModelErrors.describe(e.getCause() == null ? e : e.getCause(), models.props().apiKey()));
            // The model is down or refused: one more call would only make the writer wait twice.
            if (e.kind() != ModelException.Kind.BAD_OUTPUT) return rules;
            next = rules.state();
            added = rules.changed();
            fallback = rules.text();
        }
        List<String> choices = next.currentTopic() == null ? DONE_CHOICES : QUESTION_CHOICES;
        if (added.isEmpty()) return new Reply(rules.state(), rules.text(), Intent.ANSWER, List.of(), rules.choices());
        String said = ask(kind, next, added, text, meter).orElse(fallback);
        // A question asked back in the same message still gets its answer.
        List<String> answers = clauseReader.questionsOf(text).stream()
                .map(q -> faq.answer(q).orElse(null)).filter(java.util.Objects::nonNull).toList();
        if (!answers.isEmpty()) said = String.join("\n\n", answers) + "\n\n" + said;
        return new Reply(next, said, Intent.ANSWER, added, choices);
    }

    // -- extraction ----------------------------------------------------------------------------------------------

    record Extraction(InterviewState state, List<Fact> added) {
    }

    /** The model's facts after checking; empty when it found none that pass (the rules then get their turn). */
    Optional<Extraction> extract(ReportKind kind, InterviewState state, String messageId, String text, TokenMeter meter) {
        String topics = kind.topics().map(t -> "- " + t.key() + "：" + t.label() + "（"
                        + kind.partOf(kind.sectionOf(t.key())).heading() + "）——" + t.question())
                .collect(Collectors.joining("\n"));
        String current = kind.topic(state.currentTopic() == null ? "" : state.currentTopic())
                .map(t -> t.key() + "（" + t.label() + "）：" + t.question()).orElse("（没有特定问题，按内容归类）");
        String user = prompts.render("extract", Map.of("kind_name", kind.name(), "topics", topics,
                "current_topic", current, "message", sanitize(text)));
        var messages = List.<ChatMessage>of(SystemMessage.from(prompts.render("system", Map.of())), UserMessage.from(user));
        ChatResponse response;
        if (models.jsonModeRefused()) {
            response = call(ChatRequest.builder().messages(messages).temperature(0.0).build(), meter);
        } else {
            try {
                response = call(ChatRequest.builder().messages(messages).responseFormat(ResponseFormat.JSON)
                        .temperature(0.0).build(), meter);
            } catch (ModelException e) {
                Integer status = ModelErrors.httpStatus(e);
                if (status == null || (status != 400 && status != 422)) throw e;
                // Some servers refuse response_format (LM Studio wants json_schema, some vLLM and llama.cpp builds none
                // at all): the prompt asks for JSON anyway, so ask again without it.
                response = call(ChatRequest.builder().messages(messages).temperature(0.0).build(), meter);
                if (models.refuseJsonMode()) {
                    log.warn("Model {} answered HTTP {} to response_format ({}); extraction asks for JSON by the prompt "
                                    + "alone from now on", models.props().model(), status,
                            ModelErrors.describe(e.getCause(), models.props().apiKey()));
                }
            }
        }
        String content = response.aiMessage() == null ? null : response.aiMessage().text();
        if (content == null || content.isBlank()) throw ModelErrors.badOutput(null);
        // Fenced, with a sentence around it, after a <think>: the object inside is what counts.
        JsonNode root = JsonAnswer.object(content).orElseThrow(() -> ModelErrors.badOutput(null));
        JsonNode facts = root.get("facts");
        if (facts == null || !facts.isArray()) throw ModelErrors.badOutput(null);
        InterviewState next = state;
        List<Fact> added = new ArrayList<>();
        int dropped = 0;
        for (JsonNode f : facts) {
            String topic = f.path("topic").asString("");
            String statement = END_PUNCT.matcher(f.path("statement").asString("").strip()).replaceAll("");
            if (kind.topic(topic).isEmpty() || statement.isEmpty()) {
                dropped++;
                continue;
            }
            for (JsonNode n : f.path("numbers")) {
                if (!text.contains(n.asString(""))) dropped++;
            }
            List<Quantity> quantities = numbers.findAll(statement);
            // A number the writer did not say must never become a fact: the whole statement is untrustworthy.
            if (quantities.stream().anyMatch(q -> !text.contains(q.raw()))) {
                dropped++;
                continue;
            }
            next = next.plusFact(topic, statement, quantities, messageId);
            added.add(next.facts().get(next.facts().size() - 1));
        }
        if (dropped > 0) log.info("session {}: dropped {} extracted item(s) that failed the checks", shortId(meter), dropped);
        return added.isEmpty() ? Optional.empty() : Optional.of(new Extraction(next, added));
    }

    // -- the next question ---------------------------------------------------------------------------------------

    /** The model's reply, when it comes back well-formed and without a number nobody gave. */
    Optional<String> ask(ReportKind kind, InterviewState next, List<Fact> added, String text, TokenMeter meter) {
        Optional<TopicSpec> topic = kind.topic(next.currentTopic() == null ? "" : next.currentTopic());
        String recorded = added.stream()
                .map(f -> "- " + kind.topic(f.topic()).map(TopicSpec::label).orElse(f.topic()) + "：" + sanitize(f.text()))
                .collect(Collectors.joining("\n"));
        // The facts are the writer's words (as the model extracted them): data, like the message itself.
        if (!recorded.isEmpty()) recorded = block(recorded);
        String user = prompts.render("interview", Map.of("kind_name", kind.name(), "recorded", recorded,
                "next_question", topic.map(TopicSpec::question).orElse("无"),
                "next_section", topic.map(t -> sectionName(kind, kind.sectionOf(t.key()))).orElse("无"),
                "message", sanitize(text)));
        String memoryId = meter.sessionId();
        List<ChatMessage> history = List.of();
        try {
            if (memory != null && memoryId != null) {
                history = RedisChatMemoryStore.window(memory.getMessages(memoryId), models.props().memoryTokens());
            }
            List<ChatMessage> messages = new ArrayList<>();
            String system = prompts.render("system", Map.of());
            messages.add(SystemMessage.from(system));
            messages.addAll(history);
            messages.add(UserMessage.from(user));
            ChatResponse response = call(ChatRequest.builder().messages(messages).build(), meter);
            // The model's thinking is neither shown, nor checked, nor kept in the memory.
            String reply = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                    : Reasoning.strip(response.aiMessage().text());
            if (reply.isEmpty() || reply.length() > MAX_REPLY_CHARS) return Optional.empty();
            if (new PromptLeaks(system).in(reply)) {
                log.warn("session {}: the model recited its instructions; using the plain question", shortId(meter));
                return Optional.empty();
            }
            // The acknowledgement may repeat the writer's numbers, never add one.
            var allowed = new ArrayList<Quantity>(numbers.findAll(text));
            next.facts().forEach(f -> allowed.addAll(f.quantities()));
            if (!guard.checkAgainst(reply, allowed).clean()) {
                log.info("session {}: model reply carried an unsourced number; using the plain question", shortId(meter));
                return Optional.empty();
            }
            if (memory != null && memoryId != null) {
                List<ChatMessage> all = new ArrayList<>(memory.getMessages(memoryId));
                all.add(UserMessage.from("<writer_text>\n" + sanitize(text) + "\n</writer_text>"));
                all.add(AiMessage.from(reply));
                memory.updateMessages(memoryId, all);
            }
            return Optional.of(reply);
        } catch (ModelException e) {
            log.warn("session {}: question fell back to the plain one ({}): {}", shortId(meter), e.kind(),
                    ModelErrors.describe(e.getCause() == null ? e : e.getCause(), models.props().apiKey()));
            return Optional.empty();
        } catch (RuntimeException e) {
            // Memory in Redis unreadable or unwritable: the plain question still works.
            log.warn("session {}: question fell back to the plain one: {}", shortId(meter),
                    ModelErrors.describe(e, models.props().apiKey()));
            return Optional.empty();
        }
    }

    private ChatResponse call(ChatRequest request, TokenMeter meter) {
        try {
            ChatResponse response = models.chat().chat(request);
            TokenUsage usage = response.tokenUsage();
            if (usage != null && (usage.inputTokenCount() != null || usage.outputTokenCount() != null)) {
                meter.record(n(usage.inputTokenCount()), n(usage.outputTokenCount()));
            } else {
                // A server that reports no usage: an estimate, marked as one, never 0.
                long in = request.messages().stream().mapToLong(m -> TokenMeter.estimate(textOf(m))).sum();
                String out = response.aiMessage() == null ? null : response.aiMessage().text();
                meter.recordEstimate(in, TokenMeter.estimate(out));
            }
            return response;
        } catch (RuntimeException e) {
            throw ModelErrors.map(e);
        }
    }

    private static String textOf(ChatMessage m) {
        if (m instanceof SystemMessage sm) return sm.text();
        if (m instanceof UserMessage um) return um.hasSingleText() ? um.singleText() : "";
        if (m instanceof AiMessage am) return am.text();
        return "";
    }

    private boolean overBudget(TokenMeter meter) {
        long budget = models.props().sessionTokenBudget();
        return meter.dailyBudgetReached() || (budget > 0 && meter.sessionTotal() >= budget);
    }

    // -- helpers -------------------------------------------------------------------------------------------------

    /** The same rule as offline: the first topic in kind order with no facts that was not skipped. */
    static InterviewState withNextTopic(ReportKind kind, InterviewState state) {
        return state.withCurrentTopic(OfflineInterviewer.nextTopic(kind, state));
    }

    /** What the writer reads when the model's question does not come: what was kept, then the kind's question. */
    static String plainReply(ReportKind kind, List<Fact> added, InterviewState next) {
        String labels = added.stream().map(f -> kind.topic(f.topic()).map(TopicSpec::label).orElse(f.topic()))
                .distinct().collect(Collectors.joining("、"));
        String ack = "记下了（" + labels + "）。";
        Optional<TopicSpec> topic = kind.topic(next.currentTopic() == null ? "" : next.currentTopic());
        return topic.map(t -> ack + "\n\n接下来是" + sectionName(kind, kind.sectionOf(t.key())) + "：" + t.question())
                .orElse(ack + "\n\n各部分的问题都问完了。还想补充什么可以直接说，也可以说“生成”开始起草。");
    }

    static String sectionName(ReportKind kind, SectionSpec section) {
        PartSpec part = kind.partOf(section);
        String partName = "第" + numeral(part.number()) + "部分";
        if (part.itemized() || section.heading().isEmpty()) return partName + "“" + part.heading() + "”";
        return partName + "（" + numeral(part.sections().indexOf(section) + 1) + "）“" + section.heading() + "”";
    }

    private static String numeral(int n) {
        return n >= 1 && n <= 10 ? ChineseNumerals.of(n) : String.valueOf(n);
    }

    /** The writer's text with anything that looks like our delimiter taken out, so it cannot close the data block. */
    /** Writer text as every prompt carries it: tags taken out of it, then between its own block's tags. */
    static String block(String text) {
        return "<writer_text>\n" + sanitize(text) + "\n</writer_text>";
    }

    static String sanitize(String text) {
        return DELIMITER.matcher(text == null ? "" : text).replaceAll("");
    }

    static long n(Integer v) {
        return v == null ? 0 : v;
    }

    static String shortId(TokenMeter meter) {
        String id = meter.sessionId();
        return io.shuzhi.session.SessionKeys.logId(id);
    }
}
