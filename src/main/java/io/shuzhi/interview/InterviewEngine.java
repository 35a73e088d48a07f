package io.shuzhi.interview;

import io.shuzhi.usage.TokenMeter;
import java.util.List;

/**
 * The interviewing half of an engine: reads what the writer said, updates the facts, and says what to ask next.
 * The offline engine ({@link OfflineInterviewer}) and the model engine implement it; the conversation loop does not
 * know which one runs.
 */
public interface InterviewEngine {

    /** The first message of a new session: a greeting that says what Shuzhi will do, and the first question. */
    Reply greet(ReportKind kind, InterviewState state);

    /** One writer message ({@code say}) in the interview. */
    Reply answer(ReportKind kind, InterviewState state, String messageId, String text);

    /**
     * As {@link #answer(ReportKind, InterviewState, String, String)}, within a turn of a session: {@code meter} names
     * the session and counts what model calls cost. An engine that calls no model ignores it.
     */
    default Reply answer(ReportKind kind, InterviewState state, String messageId, String text, TokenMeter meter) {
        return answer(kind, state, messageId, text);
    }

    /** What the writer meant by a message. */
    enum Intent {
        /** facts about the year (the usual case) */
        ANSWER,
        /** 跳过 / 没有 / 暂无: skip the current topic */
        SKIP,
        /** 生成 / 可以写了 / 出稿: draft now */
        GENERATE,
        /** 到哪了 / 还有几个问题: where are we */
        PROGRESS,
        /** 怎么用 / 帮助 */
        HELP,
        /** "研讨是15次不是12次": a fact corrected */
        CORRECTION
    }

    /**
     * The outcome of one message.
     *
     * @param state   the interview state after the message
     * @param text    the assistant's reply (acknowledgement + next question), plain text
     * @param intent  how the message was read
     * @param changed facts added or corrected by this message (empty when none)
     * @param choices quick replies the page may offer as buttons (e.g. "跳过", "生成草稿")
     */
    record Reply(InterviewState state, String text, Intent intent, List<Fact> changed, List<String> choices) {
        public Reply {
            changed = changed == null ? List.of() : List.copyOf(changed);
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }
}
