package io.shuzhi.chat;

import io.shuzhi.interview.InterviewState;
import java.util.ArrayList;
import java.util.List;

/**
 * A session as stored in Redis (as JSON, under {@code shuzhi:{id}:state}).
 *
 * @param phase        "interview" until the first draft, then "drafted"
 * @param seq          the seq of the last server frame logged
 * @param draftVersion the current draft version (0: none yet)
 * @param recentSayIds the last say ids processed, so a resent message is not processed twice
 */
record SessionState(String id, String kind, String phase, InterviewState interview, long seq, int draftVersion,
                    List<String> recentSayIds, long createdAt, long updatedAt) {
    static final String INTERVIEW = "interview";
    static final String DRAFTED = "drafted";
    private static final int REMEMBERED_SAY_IDS = 200;

    SessionState {
        recentSayIds = recentSayIds == null ? List.of() : List.copyOf(recentSayIds);
    }

    static SessionState start(String id, String kind, long now) {
        return new SessionState(id, kind, INTERVIEW, InterviewState.start(), 0, 0, List.of(), now, now);
    }

    boolean seen(String sayId) {
        return recentSayIds.contains(sayId);
    }

    SessionState withInterview(InterviewState next) {
        return new SessionState(id, kind, phase, next, seq, draftVersion, recentSayIds, createdAt, updatedAt);
    }

    SessionState withSayId(String sayId) {
        var ids = new ArrayList<>(recentSayIds);
        ids.add(sayId);
        if (ids.size() > REMEMBERED_SAY_IDS) ids.subList(0, ids.size() - REMEMBERED_SAY_IDS).clear();
        return new SessionState(id, kind, phase, interview, seq, draftVersion, ids, createdAt, updatedAt);
    }

    SessionState withDraft(int version) {
        return new SessionState(id, kind, DRAFTED, interview, seq, version, recentSayIds, createdAt, updatedAt);
    }

    SessionState advanced(int frames, long now) {
        return new SessionState(id, kind, phase, interview, seq + frames, draftVersion, recentSayIds, createdAt, now);
    }
}
