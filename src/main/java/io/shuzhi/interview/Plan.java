package io.shuzhi.interview;

/**
 * One plan of last year's report (its 下步工作举措, 今后努力方向 or 下一年工作思路): the interview asks how it went in the
 * section it belongs to, and what the writer says becomes this year's facts.
 *
 * @param id     "p-1", "p-2" … within the session
 * @param topic  the topic of this year's report it is asked under; null when no topic's words fit (asked at the end)
 * @param text   the plan as last year's report put it, shortened to its first sentence
 * @param status where it stands
 */
public record Plan(String id, String topic, String text, Status status) {
    public enum Status {
        /** Not asked yet. */
        OPEN,
        /** "去年计划……，今年落实得怎样？" is the open question. */
        ASKED,
        /** Done: the writer's answer is among this year's facts. */
        DONE,
        /** Not done: "要不要写进存在问题？" is the open question. */
        NOT_DONE,
        /** Not done, and written as a problem with the writer's agreement. */
        PROBLEM,
        /** Not done, and the writer did not want it among the problems. */
        LEFT_OUT,
        /** The writer skipped it. */
        SKIPPED
    }

    public Plan {
        if (id == null || text == null || text.isBlank()) throw new IllegalArgumentException("id and text are required");
        status = status == null ? Status.OPEN : status;
    }

    Plan with(Status next) {
        return new Plan(id, topic, text, next);
    }
}
