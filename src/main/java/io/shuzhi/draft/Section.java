package io.shuzhi.draft;

/**
 * One addressable piece of a draft.
 *
 * <p>{@code ref} is "title", "opening", "1" (a part heading), "1.2" (a section), or "2" for an itemized part whose
 * items follow the heading directly. {@code heading} carries its ordinal as printed ("一、履职情况及成效",
 * "（二）…"); {@code body} is the paragraph text (may be empty for a part heading that has sections).
 */
public record Section(String ref, int level, String heading, String body) {
    public Section {
        if (ref == null || ref.isBlank()) throw new IllegalArgumentException("ref is required");
        heading = heading == null ? "" : heading;
        body = body == null ? "" : body;
    }

    public Section withBody(String newBody) {
        return new Section(ref, level, heading, newBody);
    }
}
