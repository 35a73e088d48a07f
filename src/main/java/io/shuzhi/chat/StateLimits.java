package io.shuzhi.chat;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a turn may leave in a session's state, checked before every commit: nothing is stored that could not be read
 * back, and no list or text a writer's messages make grow grows without bound. A turn over a limit is refused with
 * {@link ErrorCode#SESSION_LIMIT} and a message that says what to do; nothing of it is stored.
 */
final class StateLimits {
    private static final Logger log = LoggerFactory.getLogger(StateLimits.class);
    /** Facts gathered in one session (a full report has well under a hundred). */
    static final int MAX_FACTS = 500;
    /** Draft versions kept in one session. */
    static final int MAX_VERSIONS = 300;
    /** Characters of the unit or the year. */
    static final int MAX_PROFILE_CHARS = 200;
    /** Characters of one fact, one drafting wish or one follow-up instruction. */
    static final int MAX_TEXT_CHARS = 20_000;

    private StateLimits() {
    }

    /**
     * Refuses {@code next} (encoded as {@code encoded}) when it is over a limit or does not decode to an equal state.
     *
     * @param maxBytes the largest state stored (UTF-8 bytes of its JSON and of every fact's)
     */
    static void check(SessionState next, StoredState.Encoded encoded, StoredState layout, int maxBytes) {
        InterviewState iv = next.interview();
        if (iv.facts().size() > MAX_FACTS) {
            throw refused("本次会话已记下" + MAX_FACTS + "条情况，已到上限，这条消息没有保存。"
                    + "可以先生成草稿，或在情况列表里删去重复、不需要的条目后再补充。");
        }
        if (next.versions().size() > MAX_VERSIONS) {
            throw refused("草稿已有" + MAX_VERSIONS + "个版本，已到上限，这次修改没有保存。"
                    + "请把当前草稿复制或下载保存，再删除本次会话重新开始。");
        }
        if (tooLong(iv.unit(), MAX_PROFILE_CHARS) || tooLong(iv.year(), MAX_PROFILE_CHARS)) {
            throw refused("单位或年度的文字太长（不超过" + MAX_PROFILE_CHARS + "字），这条消息没有保存。请简要写明单位和年度。");
        }
        boolean longText = iv.facts().stream().map(Fact::text).anyMatch(t -> tooLong(t, MAX_TEXT_CHARS))
                || iv.preferences().stream().anyMatch(t -> tooLong(t, MAX_TEXT_CHARS))
                || next.versions().stream().anyMatch(v -> tooLong(v.instruction(), MAX_TEXT_CHARS));
        if (longText) {
            throw refused("这段文字太长，没有保存。请分成几条、每条不超过" + MAX_TEXT_CHARS + "字再发。");
        }
        if (StoredState.over(encoded, maxBytes)) {
            throw refused("本次会话保存的内容已到上限，这条消息没有保存。请先生成并下载草稿，或删去不需要的情况。");
        }
        // The root guarantee: what is stored now can be read by the next turn and the next resume.
        boolean readable;
        try {
            readable = next.equals(layout.readBack(encoded));
        } catch (RuntimeException e) {
            log.error("session {}: a state that cannot be read back was refused: {}",
                    TurnRunner.shortId(next.id()), e.getMessage());
            readable = false;
        }
        if (!readable) {
            throw refused("这条消息里有无法保存的内容（例如特别长的数字串或特殊字符），没有保存。请换一种写法再发。");
        }
    }

    private static boolean tooLong(String s, int max) {
        return s != null && s.length() > max;
    }

    private static ShuzhiException refused(String message) {
        return new ShuzhiException(ErrorCode.SESSION_LIMIT, message);
    }
}
