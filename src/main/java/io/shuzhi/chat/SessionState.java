package io.shuzhi.chat;

import io.shuzhi.interview.InterviewState;
import java.util.ArrayList;
import java.util.List;

/**
 * A session as stored in Redis (as JSON, under {@code shuzhi:{id}:state}). Immutable; every change returns a copy.
 *
 * @param phase        "interview" until the first draft, then "drafted"
 * @param seq          the seq of the last server frame logged
 * @param draftVersion the draft version shown now (0: none yet); undo and redo move it
 * @param versions     every draft version made, oldest first (the drafts themselves are in {@code :drafts})
 * @param redo         versions undone, the next one to redo last
 * @param recentSayIds the last say ids processed, so a resent message is not processed twice
 * @param tokensIn     model input tokens used by the session so far
 * @param tokensOut    model output tokens used by the session so far
 * @param tokensEstimated of those tokens, how many were estimated (a provider that reported no usage, as Ollama's
 *                     {@code /v1} when streaming), not counted by the provider; null (a state stored before it was
 *                     counted) reads as 0
 * @param generating   when a streamed generation started (epoch ms), 0 when none runs; left behind by a crash
 */
record SessionState(String id, String kind, String phase, InterviewState interview, long seq, int draftVersion,
                    List<VersionInfo> versions, List<Integer> redo, List<String> recentSayIds, long createdAt,
                    long updatedAt, long tokensIn, long tokensOut, Long tokensEstimated, long generating) {
    static final String INTERVIEW = "interview";
    static final String DRAFTED = "drafted";
    static final int REMEMBERED_SAY_IDS = 200;

    SessionState {
        // Absent in states stored before it was counted: none of their tokens were estimated.
        tokensEstimated = tokensEstimated == null ? 0L : tokensEstimated;
        versions = versions == null ? List.of() : List.copyOf(versions);
        redo = redo == null ? List.of() : List.copyOf(redo);
        recentSayIds = recentSayIds == null ? List.of() : List.copyOf(recentSayIds);
    }

    static SessionState start(String id, String kind, long now) {
        return new SessionState(id, kind, INTERVIEW, InterviewState.start(), 0, 0, List.of(), List.of(), List.of(),
                now, now, 0, 0, 0L, 0);
    }

    boolean seen(String sayId) {
        return recentSayIds.contains(sayId);
    }

    int latestVersion() {
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    }

    VersionInfo version(int v) {
        return versions.stream().filter(i -> i.version() == v).findFirst().orElse(null);
    }

    /** The state with {@code next} as its interview, each difference from last year worked out anew by {@code years}. */
    SessionState withInterview(InterviewState next, io.shuzhi.interview.YearOnYear years) {
        // A difference from last year follows the figures it was worked out from, whichever turn changed them.
        next = years.refresh(next);
        return new SessionState(id, kind, phase, next, seq, draftVersion, versions, redo, recentSayIds, createdAt,
                updatedAt, tokensIn, tokensOut, tokensEstimated, generating);
    }

    /** The same state with these facts, as read from the store: nothing is worked out again (see withInterview). */
    SessionState withStoredFacts(List<io.shuzhi.interview.Fact> facts) {
        return new SessionState(id, kind, phase, interview.withFacts(facts, interview.nextFactId()), seq, draftVersion,
                versions, redo, recentSayIds, createdAt, updatedAt, tokensIn, tokensOut, tokensEstimated, generating);
    }

    /** The same state with these recent say ids, as read from the store. */
    SessionState withRecentSayIds(List<String> ids) {
        return new SessionState(id, kind, phase, interview, seq, draftVersion, versions, redo, ids, createdAt,
                updatedAt, tokensIn, tokensOut, tokensEstimated, generating);
    }

    SessionState withKind(String newKind) {
        return new SessionState(id, newKind, phase, interview, seq, draftVersion, versions, redo, recentSayIds,
                createdAt, updatedAt, tokensIn, tokensOut, tokensEstimated, generating);
    }

    SessionState withSayId(String sayId) {
        var ids = new ArrayList<>(recentSayIds);
        ids.add(sayId);
        if (ids.size() > REMEMBERED_SAY_IDS) ids.subList(0, ids.size() - REMEMBERED_SAY_IDS).clear();
        return new SessionState(id, kind, phase, interview, seq, draftVersion, versions, redo, ids, createdAt,
                updatedAt, tokensIn, tokensOut, tokensEstimated, generating);
    }

    /** A new draft version becomes the current one; what was undone can no longer be redone. */
    SessionState withNewVersion(VersionInfo info) {
        var all = new ArrayList<>(versions);
        all.add(info);
        return new SessionState(id, kind, DRAFTED, interview, seq, info.version(), all, List.of(), recentSayIds,
                createdAt, updatedAt, tokensIn, tokensOut, tokensEstimated, generating);
    }

    /** Shows another existing version (undo/redo) with the given redo stack. */
    SessionState showing(int version, List<Integer> newRedo) {
        return new SessionState(id, kind, phase, interview, seq, version, versions, newRedo, recentSayIds,
                createdAt, updatedAt, tokensIn, tokensOut, tokensEstimated, generating);
    }

    SessionState withGenerating(long startedAt) {
        return new SessionState(id, kind, phase, interview, seq, draftVersion, versions, redo, recentSayIds,
                createdAt, updatedAt, tokensIn, tokensOut, tokensEstimated, startedAt);
    }

    SessionState withTokens(long in, long out, long estimated) {
        return new SessionState(id, kind, phase, interview, seq, draftVersion, versions, redo, recentSayIds,
                createdAt, updatedAt, tokensIn + in, tokensOut + out, tokensEstimated + estimated, generating);
    }

    SessionState advanced(int frames, long now) {
        return new SessionState(id, kind, phase, interview, seq + frames, draftVersion, versions, redo,
                recentSayIds, createdAt, now, tokensIn, tokensOut, tokensEstimated, generating);
    }
}
