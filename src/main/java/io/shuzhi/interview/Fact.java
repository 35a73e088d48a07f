package io.shuzhi.interview;

import java.util.List;

/**
 * One statement the writer made about the year, attached to a topic of the report kind.
 *
 * @param id         stable id within the session ("f-7")
 * @param topic      the topic key of the report kind it belongs to
 * @param text       the statement as the writer said it (one clause or a few joined), trimmed, no final punctuation
 * @param quantities the numbers in {@code text}, in order
 * @param sourceId   id of the chat message it came from ({@code say.id})
 * @param origin     who said it: this year's writer, last year's report, or the code (a year-on-year difference
 *                   worked out from this year's figure and last year's: see {@link YearOnYear})
 */
public record Fact(String id, String topic, String text, List<Quantity> quantities, String sourceId, Origin origin) {
    public enum Origin { WRITER, LAST_YEAR, DERIVED }

    /** This year's: what the writer said, or a difference worked out from it. Last year's report is not. */
    public boolean thisYear() {
        return origin == Origin.WRITER || origin == Origin.DERIVED;
    }

    public Fact {
        if (id == null || topic == null || text == null) throw new IllegalArgumentException("id, topic and text are required");
        quantities = quantities == null ? List.of() : List.copyOf(quantities);
        origin = origin == null ? Origin.WRITER : origin;
    }

    Fact withText(String newText, List<Quantity> newQuantities) {
        return new Fact(id, topic, newText, newQuantities, sourceId, origin);
    }

    Fact withTopic(String newTopic) {
        return new Fact(id, newTopic, text, quantities, sourceId, origin);
    }
}
