package io.shuzhi.llm;

import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.Section;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.shuzhi.support.Tables.NUMBERS;

/** Shared pieces of the LLM tests that run without Spring. */
final class LlmTestSupport {
    static final String KEY = "sk-fake-9f8e7d6c5b4a-never-show";
    static final ReportKinds KINDS = new ReportKinds(Path.of("prompts/kinds"));
    static final ReportKind PARTY = KINDS.get("party-branch-secretary");
    static final PromptTemplates PROMPTS = new PromptTemplates(Path.of("prompts"));
    private static final Pattern FACT_LINE = Pattern.compile("^- \\[[^]]+] (.+?)(?:（数字：.*）)?$", Pattern.MULTILINE);

    private LlmTestSupport() {
    }

    static LlmProperties props(String baseUrl, Duration firstToken, Duration idle, int parallel) {
        return new LlmProperties(baseUrl, FakeModelServer.MODEL, KEY, Duration.ofSeconds(2), Duration.ofSeconds(2),
                firstToken, idle, Duration.ofSeconds(20), 0.3, parallel, 0L, 1500, Duration.ofMillis(100), false, null);
    }

    /** After the intro, with the writer's unit and year. */
    static InterviewState started() {
        return InterviewState.start().withProfile("市财政局机关第二党支部", "2025").withCurrentTopic("study");
    }

    static InterviewState with(InterviewState s, String topic, String text) {
        return s.plusFact(topic, text, NUMBERS.findAll(text), "m-" + s.nextFactId());
    }

    /**
     * A fake writer of sections: one 一是/二是 item per fact found in the prompt, in the writer's own words, plus
     * {@code extra} at the end (for an invented number).
     */
    static FakeModelServer.Responder sectionWriter(String extra) {
        return (req, ex) -> {
            if (!req.streaming()) {
                ex.completion("好的。");
                return;
            }
            String user = req.lastUser();
            // The section's facts: the block after their heading (the problems a plan answers come after it).
            int anchor = user.indexOf("写作者为本节提供的事实");
            int from = anchor >= 0 ? user.indexOf("<writer_text>", anchor) : user.lastIndexOf("<writer_text>");
            int to = from >= 0 ? user.indexOf("</writer_text>", from) : -1;
            String facts = from >= 0 && to > from ? user.substring(from, to) : "";
            var out = new StringBuilder();
            String[] ord = {"一", "二", "三", "四", "五", "六"};
            Matcher m = FACT_LINE.matcher(facts);
            int i = 0;
            while (m.find()) out.append(ord[Math.min(i++, 5)]).append("是扎实推进工作，").append(m.group(1)).append("，取得了较好成效。");
            out.append(extra);
            ex.stream(out.toString(), 5);
        };
    }

    /** Everything a draft run told its progress listener. */
    static final class Recorder implements DraftWriter.Progress {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<Section> done = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sectionDone(int step, int total, String label, Section section) {
            events.add("done " + step + "/" + total + " " + section.ref());
            done.add(section);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void sectionDelta(String ref, String text) {
            events.add("delta " + ref + " " + text);
            threads.add(Thread.currentThread().getName());
        }

        String deltas(String ref) {
            var sb = new StringBuilder();
            synchronized (events) {
                for (String e : events) if (e.startsWith("delta " + ref + " ")) sb.append(e.substring(("delta " + ref + " ").length()));
            }
            return sb.toString();
        }
    }
}
