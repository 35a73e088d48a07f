package io.shuzhi.chat;

import java.util.List;
import java.util.Map;

/**
 * What the server sends. The codec writes {@code type} and {@code seq} first, then the record's fields. Every frame
 * except {@link Error} is logged in the session's event stream and replayed on resume.
 */
sealed interface ServerFrame {

    String type();

    record Session(String sessionId, String kind, String kindName, String phase, String engine,
                   Map<String, String> profile, List<FactView> facts, DraftView draft,
                   List<ChatMessage> messages, long tokensIn, long tokensOut, long tokensEstimated,
                   Versions versions)
            implements ServerFrame {
        public String type() { return "session"; }
    }

    /** The session's report kind changed (the writer named another kind in their first message). */
    record Kind(String kind, String kindName) implements ServerFrame {
        public String type() { return "kind"; }
    }

    /** {@code replaces}: the earlier message of the writer this one corrects (shown in its place), or absent. */
    record UserMessage(String id, String text,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       String replaces) implements ServerFrame {
        UserMessage(String id, String text) {
            this(id, text, null);
        }

        public String type() { return "user_message"; }
    }

    record AssistantStart(String messageId) implements ServerFrame {
        public String type() { return "assistant_start"; }
    }

    record AssistantDelta(String messageId, String text) implements ServerFrame {
        public String type() { return "assistant_delta"; }
    }

    record AssistantEnd(String messageId, String text, List<String> choices) implements ServerFrame {
        public String type() { return "assistant_end"; }
    }

    record Facts(Map<String, String> profile, List<FactView> facts) implements ServerFrame {
        public String type() { return "facts"; }
    }

    record Progress(int step, int total, String label) implements ServerFrame {
        public String type() { return "progress"; }
    }

    /** A section finished while a streaming engine writes the draft (the whole draft follows in a draft frame). */
    record DraftSection(String ref, int level, String heading, String body, int step, int total)
            implements ServerFrame {
        public String type() { return "draft_section"; }
    }

    /** More text of the section {@code ref} while a streaming engine writes it. */
    record DraftDelta(String ref, String text) implements ServerFrame {
        public String type() { return "draft_delta"; }
    }

    record Draft(int version, String title, String text, List<SectionView> sections) implements ServerFrame {
        public String type() { return "draft"; }
    }

    /**
     * Model tokens the session has used so far, after a turn that used some; {@code tokensEstimated} of them were
     * estimated because the provider reported no usage (0: all as the provider counted them).
     */
    record Usage(long tokensIn, long tokensOut, long tokensEstimated) implements ServerFrame {
        public String type() { return "usage"; }
    }

    /** {@code currentVersion} and {@code text} are set for VERSION_CONFLICT on an edit (the writer's text back). */
    /** The draft versions, after any change of version (and on request). */
    record Versions(int current, int latest, boolean canUndo, boolean canRedo, List<VersionInfo> items)
            implements ServerFrame {
        public String type() { return "versions"; }
    }

    /** A section-level comparison: each section same, changed, added or removed, with both texts. */
    record Diff(int from, int to, List<SectionDiff> sections) implements ServerFrame {
        public String type() { return "diff"; }
    }

    /** Proofreading suggestions for draft {@code version} (to the asking tab). */
    record Suggestions(int version, List<io.shuzhi.draft.Proofreader.Suggestion> suggestions) implements ServerFrame {
        public String type() { return "suggestions"; }
    }

    record SectionDiff(String ref, String heading, String status, String before, String after) {}

    /** The session and every draft of it were deleted (by this tab or another); the connection closes after it. */
    record Deleted(String message) implements ServerFrame {
        public String type() { return "deleted"; }
    }

    record Error(String code, String message, boolean retryable, String replyTo, Integer currentVersion,
                 String text) implements ServerFrame {
        public String type() { return "error"; }
    }

    /** A fact as the page shows it. */
    /**
     * One fact. {@code origin} is WRITER, LAST_YEAR or DERIVED (a difference from last year worked out by code).
     * {@code lastYear}: for a fact of this year, its figures beside last year's (null when none).
     */
    record FactView(String id, String topic, String topicLabel, String section, String sectionHeading, String text,
                    List<QuantityView> quantities, String sourceId, String origin, List<YearOnYearView> lastYear) {}

    /** "集中学习：去年12次 → 今年15次"; {@code difference} "比上年增加3次", null when the figures are approximate. */
    record YearOnYearView(String label, String lastYear, String thisYear, String lastYearFactId, String difference) {}

    record QuantityView(String raw, String display, String unit) {}

    record SectionView(String ref, int level, String heading, String body) {}

    /** The draft inside a {@code session} snapshot (same fields as a {@code draft} frame). */
    record DraftView(int version, String title, String text, List<SectionView> sections) {}

    /** One chat message in a snapshot. */
    record ChatMessage(String role, String id, String text, List<String> choices,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       String replaces) {
        ChatMessage(String role, String id, String text, List<String> choices) {
            this(role, id, text, choices, null);
        }
    }
}
