package io.shuzhi.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftFormats;
import io.shuzhi.draft.DraftLexicon;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.InterviewEngine.Reply;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.KindsProperties;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.OfflineInterviewer;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.usage.TokenMeter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's check of a model endpoint before rolling it out: a short scripted conversation (a party-branch
 * secretary's answers about study, the first agenda item, a problem and next year's plans) and a draft, through the
 * same model code the app uses, against the configured endpoint ({@code SHUZHI_LLM_*}, as the app reads them).
 * Prints what the model said, the draft, the number guard's flags, and tokens and time per call and per section.
 * Exit code 0 when the provider worked, 1 when it failed (unreachable, key refused, a call failed, no facts extracted
 * by the model, a section not written), 2 when no model is configured or a setting does not bind.
 *
 * <p>Run it with {@code mvn -q spring-boot:run -Dspring-boot.run.arguments=smoke} or
 * {@code java -jar shuzhi.jar smoke}; it starts no web server and needs no Redis.
 */
public final class Smoke {
    /** The first program argument that runs this instead of the app. */
    public static final String COMMAND = "smoke";
    /** The script's answers are a party-branch secretary's. */
    static final String KIND = "party-branch-secretary";
    private static final Pattern FLAG = Pattern.compile("【待核实：([^】]*)】");
    private static final String UNIT = "市财政局机关第二党支部，2025年度";
    private static final List<String> ANSWERS = List.of(
            "全年结合党小组会开展研讨交流24次，购买发放学习书籍120册。",
            "支委会会前必学重要讲话精神，全年学习36次48篇。",
            "存在的问题：个别党员参加集中学习不够主动，有2名党员缺席集中学习3次以上。",
            "明年打算每季度开展1次专题研讨，组织2期党员轮训。");

    private final LlmProperties props;
    private final PromptTemplates prompts;
    private final ReportKind kind;
    private final PrintStream out;
    private final Calls calls = new Calls();

    Smoke(LlmProperties props, PromptTemplates prompts, ReportKind kind, PrintStream out) {
        // One section at a time, so each section's time and tokens are its own.
        this.props = props.oneSectionAtATime();
        this.prompts = prompts;
        this.kind = kind;
        this.out = out;
    }

    /** Binds the settings as the app does (application.yml, environment, {@code --shuzhi.llm.*=…}) and runs. */
    public static int command(String[] args, PrintStream out) {
        var app = new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false);
        ConfigurableApplicationContext started;
        try {
            started = app.run(args);
        } catch (RuntimeException e) {
            // Settings that do not bind (extra-body not a JSON object, a bad duration): say which, exit 2.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            out.println("配置有误，无法检查：" + root.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext ctx = started) {
            LlmProperties props = ctx.getBean(LlmProperties.class);
            KindsProperties kinds = ctx.getBean(KindsProperties.class);
            ReportKinds all = new ReportKinds(kinds);
            return new Smoke(props, ctx.getBean(PromptTemplates.class), all.get(KIND), out).run();
        }
    }

    /** The Spring context of a smoke run: settings and prompts only, no web server, no Redis. */
    @EnableConfigurationProperties({LlmProperties.class, KindsProperties.class})
    @org.springframework.context.annotation.Import(PromptTemplates.class)
    static class Settings {
    }

    /** Runs the conversation and the draft; the exit code. */
    int run() {
        if (!props.configured()) {
            out.println("没有配置模型：请设置 SHUZHI_LLM_BASE_URL 和 SHUZHI_LLM_MODEL（本地服务可不设 SHUZHI_LLM_API_KEY）。");
            return 2;
        }
        out.println("== 模型检查 ==");
        out.println("接口 " + props.base() + "，模型 " + props.model() + "，密钥" + (props.apiKey().isEmpty() ? "未设置" : "已设置")
                + (props.extraBody().isEmpty() ? "" : "，附加参数 " + props.extraBody()));
        long t0 = System.nanoTime();
        Optional<String> problem = LlmModels.probe(props);
        out.println("GET /models：" + problem.map(p -> "失败 — " + p).orElse("可以连通") + "（" + ms(t0) + " ms）");
        if (problem.isPresent()) return fail("接口连不上或拒绝了密钥");

        LlmModels models;
        try {
            models = new LlmModels(props, List.of(calls));
        } catch (IllegalStateException e) {
            out.println(e.getMessage());
            return 2;
        }
        // A smoke run reads the tables itself, as the app does at startup.
        Lexicon lexicon = Lexicon.load();
        DraftLexicon draftLexicon = DraftLexicon.load(lexicon);
        var interviewer = new LlmInterviewer(new OfflineInterviewer(lexicon), lexicon, models, prompts, null);
        TokenMeter meter = new TokenMeter();
        List<String> problems = new ArrayList<>();

        out.println();
        out.println("== 访谈（" + kind.name() + "）==");
        InterviewState state = interviewer.greet(kind, InterviewState.start()).state();
        state = interviewer.answer(kind, state, "smoke-0", UNIT).state();
        int extractedByModel = 0;
        for (int i = 0; i < ANSWERS.size(); i++) {
            int before = calls.size();
            long start = System.nanoTime();
            InterviewState current = state;
            String id = "smoke-" + (i + 1);
            String text = ANSWERS.get(i);
            Reply r = interviewer.answer(kind, current, id, text, meter);
            state = r.state();
            List<Call> mine = calls.since(before);
            out.println();
            out.println("写作者：" + text);
            out.println("助手：" + r.text().replace("\n", " "));
            out.println("  记下 " + r.changed().size() + " 条事实：" + r.changed().stream().map(f -> f.topic() + "「" + f.text() + "」").toList());
            for (Call c : mine) out.println("  " + c.describe());
            out.println("  本轮 " + ms(start) + " ms");
            mine.stream().filter(c -> c.error != null).forEach(c -> problems.add("访谈第" + id + "轮：" + c.error));
            // The extraction call worked and its facts were kept (the rules would give none on a failed call).
            boolean extracted = mine.stream().anyMatch(c -> c.extraction && c.error == null) && !r.changed().isEmpty();
            if (extracted) extractedByModel++;
        }
        if (extractedByModel == 0) problems.add("模型没有从任何一轮回答中提取出事实（都由规则代替）");
        if (models.jsonModeRefused()) {
            out.println();
            out.println("注意：该接口不接受 response_format（JSON 模式），提取已改为只靠提示词要求 JSON，并宽松解析。");
        }

        out.println();
        out.println("== 起草 ==");
        var writer = new LlmDraftWriter(new TemplateDrafter(draftLexicon), draftLexicon, models, prompts);
        var timing = new Timing();
        int before = calls.size();
        long start = System.nanoTime();
        Draft draft;
        InterviewState finalState = state;
        try {
            draft = writer.write(kind, finalState, 1, timing, meter);
        } catch (ModelException e) {
            out.println("起草失败：" + e.chineseMessage());
            calls.since(before).forEach(c -> out.println("  " + c.describe()));
            problems.add("起草：" + e.chineseMessage());
            return summary(meter, problems, t0);
        }
        long draftMs = ms(start);
        List<Call> sectionCalls = calls.since(before).stream().filter(c -> c.error == null).toList();
        List<String> written = timing.writtenInOrder();
        int flagsTotal = 0;
        out.println(String.format("%-8s %-28s %8s %8s %7s %7s  %s", "节", "标题", "用时ms", "首句ms", "输入", "输出", "待核实"));
        for (Section s : draft.sections()) {
            int k = written.indexOf(s.ref());
            if (k < 0) continue;
            Call c = k < sectionCalls.size() ? sectionCalls.get(k) : null;
            List<String> flags = flags(s.body());
            flagsTotal += flags.size();
            out.println(String.format("%-8s %-28s %8d %8d %7s %7s  %s", s.ref(), cut(s.heading()),
                    c == null ? 0 : c.ms, c == null ? 0 : timing.firstMs(s.ref(), c.startedAt), c == null ? "-" : c.in(), c == null ? "-" : c.out(),
                    flags.isEmpty() ? "0" : flags.size() + " " + flags));
            if (s.body().contains("【生成中断")) problems.add("第 " + s.ref() + " 节没有写完：" + s.body().replaceAll(".*【生成中断：", "【生成中断："));
        }
        calls.since(before).stream().filter(c -> c.error != null)
                .forEach(c -> out.println("  失败后重试的调用：" + c.describe()));
        out.println("模型写了 " + written.size() + " 节，共 " + draftMs + " ms；待核实（模型写出、事实里没有的数字）" + flagsTotal + " 处。");
        if (written.isEmpty()) problems.add("模型一节也没有写");

        out.println();
        out.println("== 草稿 ==");
        out.println(DraftFormats.text(draft));
        return summary(meter, problems, t0);
    }

    private int summary(TokenMeter meter, List<String> problems, long t0) {
        out.println();
        out.println("== 结果 ==");
        out.println("tokens：输入 " + meter.input() + "，输出 " + meter.output()
                + (meter.estimated() > 0 ? "（其中 " + meter.estimated() + " 为估算：接口没有返回用量）" : "（接口返回的用量）")
                + "；模型调用 " + calls.size() + " 次；总用时 " + ms(t0) + " ms");
        if (problems.isEmpty()) {
            out.println("通过：该模型接口可以用于述职助手。");
            return 0;
        }
        problems.forEach(p -> out.println("问题：" + p));
        return fail(problems.size() + " 个问题");
    }

    private int fail(String why) {
        out.println("未通过：" + why + "。详细原因见上方和日志。");
        return 1;
    }

    private static List<String> flags(String body) {
        List<String> found = new ArrayList<>();
        Matcher m = FLAG.matcher(body);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static String cut(String s) {
        return s.length() > 14 ? s.substring(0, 14) + "…" : s;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** When each section's first guarded sentence came, and the order the model wrote them in. */
    private static final class Timing implements DraftWriter.Progress {
        private final Map<String, Long> first = Collections.synchronizedMap(new LinkedHashMap<>());

        @Override
        public void sectionDone(int step, int total, String label, Section section) {
        }

        @Override
        public void sectionDelta(String ref, String text) {
            first.putIfAbsent(ref, System.nanoTime());
        }

        List<String> writtenInOrder() {
            synchronized (first) {
                return List.copyOf(first.keySet());
            }
        }

        /** From the call's start to the section's first sentence on the page (after the guard). */
        long firstMs(String ref, long callStarted) {
            Long at = first.get(ref);
            return at == null || callStarted == 0 ? 0 : Math.max(0, (at - callStarted) / 1_000_000);
        }
    }

    /** One model call as the listener saw it. */
    private static final class Call {
        final boolean extraction;
        final long startedAt;
        final long ms;
        final Integer inputTokens;
        final Integer outputTokens;
        final long estimatedIn;
        final long estimatedOut;
        final String error;

        Call(boolean extraction, long startedAt, TokenUsage usage, long estimatedIn, long estimatedOut, String error) {
            this.extraction = extraction;
            this.startedAt = startedAt;
            this.ms = startedAt == 0 ? 0 : (System.nanoTime() - startedAt) / 1_000_000;
            this.inputTokens = usage == null ? null : usage.inputTokenCount();
            this.outputTokens = usage == null ? null : usage.outputTokenCount();
            this.estimatedIn = estimatedIn;
            this.estimatedOut = estimatedOut;
            this.error = error;
        }

        String in() {
            return inputTokens != null ? inputTokens.toString() : "≈" + estimatedIn;
        }

        String out() {
            return outputTokens != null ? outputTokens.toString() : "≈" + estimatedOut;
        }

        String describe() {
            String what = extraction ? "提取事实" : "模型调用";
            if (error != null) return what + "：失败（" + ms + " ms）" + error;
            return what + "：" + ms + " ms，输入 " + in() + "，输出 " + out() + " tokens"
                    + (inputTokens == null ? "（≈ 为估算：接口没有返回用量）" : "");
        }
    }

    /** Records every call of both models (LangChain4j calls listeners on its own threads). */
    private static final class Calls implements ChatModelListener {
        private static final String STARTED = "smoke.started";
        private final List<Call> all = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onRequest(ChatModelRequestContext ctx) {
            ctx.attributes().put(STARTED, System.nanoTime());
        }

        @Override
        public void onResponse(ChatModelResponseContext ctx) {
            var response = ctx.chatResponse();
            String text = response.aiMessage() == null ? "" : response.aiMessage().text();
            all.add(new Call(isExtraction(ctx.chatRequest().messages()), started(ctx.attributes()), response.tokenUsage(),
                    estimate(ctx.chatRequest().messages()), TokenMeter.estimate(text), null));
        }

        @Override
        public void onError(ChatModelErrorContext ctx) {
            Throwable e = ctx.error();
            String why = ModelErrors.map(e).chineseMessage();
            all.add(new Call(isExtraction(ctx.chatRequest().messages()), started(ctx.attributes()), null, 0, 0, why));
        }

        int size() {
            return all.size();
        }

        List<Call> since(int from) {
            synchronized (all) {
                return List.copyOf(all.subList(from, all.size()));
            }
        }

        private static long started(Map<Object, Object> attributes) {
            Object at = attributes.get(STARTED);
            return at instanceof Long l ? l : 0;
        }

        private static boolean isExtraction(List<ChatMessage> messages) {
            ChatMessage last = messages.get(messages.size() - 1);
            return last instanceof UserMessage u && u.hasSingleText() && u.singleText().contains("<writer_text>")
                    && u.singleText().contains("\"facts\"");
        }

        private static long estimate(List<ChatMessage> messages) {
            long n = 0;
            for (ChatMessage m : messages) {
                if (m instanceof SystemMessage s) n += TokenMeter.estimate(s.text());
                else if (m instanceof UserMessage u && u.hasSingleText()) n += TokenMeter.estimate(u.singleText());
            }
            return n;
        }
    }

    /** Prints in UTF-8 whatever the console's default. */
    public static PrintStream console() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }
}
