package io.shuzhi.interview;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A report kind loaded from {@code prompts/kinds/<id>.yaml}: its title and opening patterns, its parts, the
 * sections of each part and, per section, the topics to ask about.
 *
 * <p>Patterns use {@code {unit}} and {@code {year}}. What {@code {unit}} stands for is the kind's choice (a party
 * branch, a unit, or a person's unit and post) and is named by {@link Question#unitLabel()}.
 *
 * @param order   where the page lists the kind in its chooser (smaller first; the file's {@code order})
 * @param aliases phrases a writer uses for this kind ("个人述职", "述责述廉"), read by {@link KindRecognizer}; may be empty
 * @param work    the key of the topic the writer's own line of work goes to when they name it under a label no heading
 *                or keyword knows ("审判上主要是婚姻家事…", "诉源治理这块，…"); null when the kind has none
 */
public record ReportKind(String id, String name, String description, String title, String opening,
                         Question intro, List<PartSpec> parts, List<String> aliases, int order, String work) {
    public ReportKind {
        parts = List.copyOf(parts);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A kind without a topic for the writer's line of work. */
    public ReportKind(String id, String name, String description, String title, String opening,
                      Question intro, List<PartSpec> parts, List<String> aliases, int order) {
        this(id, name, description, title, opening, intro, parts, aliases, order, null);
    }

    /** A kind placed after those that give an order. */
    ReportKind(String id, String name, String description, String title, String opening,
                      Question intro, List<PartSpec> parts, List<String> aliases) {
        this(id, name, description, title, opening, intro, parts, aliases, Integer.MAX_VALUE);
    }

    /** A kind without aliases. */
    public ReportKind(String id, String name, String description, String title, String opening,
                      Question intro, List<PartSpec> parts) {
        this(id, name, description, title, opening, intro, parts, List.of());
    }

    /**
     * The writer's unit and year come first; {@code question} asks for both.
     *
     * @param unitLabel what {@code {unit}} stands for in this kind ("单位名称", "单位和职务"); the draft's placeholder
     *                  names it when the writer has not given it
     */
    public record Question(String question, String example, String unitLabel) {
        public static final String DEFAULT_UNIT_LABEL = "单位名称";

        public Question {
            unitLabel = unitLabel == null || unitLabel.isBlank() ? DEFAULT_UNIT_LABEL : unitLabel.strip();
        }

        public Question(String question, String example) {
            this(question, example, null);
        }
    }

    /**
     * How the drafter writes a part's sections.
     *
     * <ul>
     *   <li>{@code ITEMS}: one item (一是/二是…) per topic; a topic the writer gave nothing for gets a 【待补充：…】
     *       placeholder. Achievements, integrity, issues.</li>
     *   <li>{@code PLAN}: each section opens with the kind's own {@code fallback} paragraph, then the writer's
     *       concrete plans; nothing is flagged as missing, since the standing paragraph already makes a whole
     *       section. Plans for the next year.</li>
     * </ul>
     */
    public enum Style {
        ITEMS, PLAN;

        /** The style of a part whose file declares none: {@code PLAN} for the part keyed "measures", as before styles. */
        static Style defaultFor(String partKey) {
            return "measures".equals(partKey) ? PLAN : ITEMS;
        }
    }

    /**
     * A part of the report ("一、履职情况及成效").
     *
     * @param number   1-based; a kind may have any number of parts
     * @param key      a name unique within the kind (achievements, integrity, issues, measures …); the drafter does
     *                 not read it, it reads {@code itemized} and {@code style}
     * @param heading  the heading without its ordinal ("履职情况及成效")
     * @param itemized true when the part has no （一） sections: its one section's items follow the heading directly
     * @param style    how the part's sections are written
     */
    public record PartSpec(int number, String key, String heading, boolean itemized, List<SectionSpec> sections,
                           Style style) {
        public PartSpec {
            sections = List.copyOf(sections);
            style = style == null ? Style.defaultFor(key) : style;
        }

        /** A part with the default style for its key. */
        public PartSpec(int number, String key, String heading, boolean itemized, List<SectionSpec> sections) {
            this(number, key, heading, itemized, sections, null);
        }
    }

    /**
     * A section of a part. {@code ref} is "p.s" ("1.2"), or "p" for the single section of an itemized part.
     *
     * @param heading  the heading without its ordinal (empty for an itemized part)
     * @param fallback the kind's own paragraph (no numbers): in a {@code PLAN} part it opens the section, elsewhere it is
     *                 written only for a section without topics; may be null
     */
    public record SectionSpec(String ref, String heading, List<TopicSpec> topics, String fallback) {
        public SectionSpec {
            topics = List.copyOf(topics);
        }
    }

    /**
     * One thing to ask about and one item (一是/二是…) of the draft.
     *
     * @param key      unique within the kind ("study")
     * @param label    short Chinese name shown in the facts panel ("理论学习")
     * @param question what the interview asks
     * @param example  an example answer (the kind's own wording)
     * @param units    units the answer usually carries ("次", "册")
     * @param keywords words that route a statement to this topic
     * @param lead     the item's lead phrase in the draft ("抓实理论学习")
     * @param missing  what the placeholder names when the writer gave nothing ("全年集中学习研讨的次数和主要内容")
     * @param close    an optional closing clause after the writer's facts (no numbers), may be null
     * @param leads    more lead phrases for the same topic, used in turn when the writer gave several items of it (two
     *                 problems of one area each get their own item and their own lead); may be empty
     * @param frame    an optional clause saying how the work was approached (no numbers), written between the lead and
     *                 the writer's facts ("坚持把…作为…"); only where the writer gave facts; may be null
     */
    public record TopicSpec(String key, String label, String question, String example, List<String> units,
                            List<String> keywords, String lead, String missing, String close, List<String> leads,
                            String frame, boolean keyed) {
        public TopicSpec {
            units = List.copyOf(units);
            keywords = List.copyOf(keywords);
            leads = leads == null ? List.of() : List.copyOf(leads);
        }

        /** A topic that takes what follows its question, keywords or not. */
        public TopicSpec(String key, String label, String question, String example, List<String> units,
                         List<String> keywords, String lead, String missing, String close, List<String> leads,
                         String frame) {
            this(key, label, question, example, units, keywords, lead, missing, close, leads, frame, false);
        }

        /** A topic with one lead phrase and no frame. */
        public TopicSpec(String key, String label, String question, String example, List<String> units,
                         List<String> keywords, String lead, String missing, String close) {
            this(key, label, question, example, units, keywords, lead, missing, close, List.of(), null);
        }

        /** The lead of the topic's {@code n}-th item (0-based): {@code lead}, then each of {@code leads}; null past the end. */
        public String lead(int n) {
            if (n == 0) return lead;
            return n - 1 < leads.size() ? leads.get(n - 1) : null;
        }
    }

    /**
     * The kind without the framing clauses its topics put around the writer's facts (each topic's {@code frame}, how
     * the work was approached, and {@code close}, what came of it): for a writer who asked for plain writing
     * ("朴实点，别弄那些排比大词"). Headings, leads and placeholders stay.
     */
    public ReportKind withoutFraming() {
        List<PartSpec> plain = parts.stream().map(p -> new PartSpec(p.number(), p.key(), p.heading(), p.itemized(),
                p.sections().stream().map(s -> new SectionSpec(s.ref(), s.heading(), s.topics().stream()
                        .map(t -> new TopicSpec(t.key(), t.label(), t.question(), t.example(), t.units(), t.keywords(),
                                t.lead(), t.missing(), null, t.leads(), null, t.keyed())).toList(), s.fallback())).toList(),
                p.style())).toList();
        return new ReportKind(id, name, description, title, opening, intro, plain, aliases, order, work);
    }

    public Stream<SectionSpec> sections() {
        return parts.stream().flatMap(p -> p.sections().stream());
    }

    public Stream<TopicSpec> topics() {
        return sections().flatMap(s -> s.topics().stream());
    }

    public Optional<TopicSpec> topic(String key) {
        return topics().filter(t -> t.key().equals(key)).findFirst();
    }

    public Optional<SectionSpec> section(String ref) {
        return sections().filter(s -> s.ref().equals(ref)).findFirst();
    }

    /** The section a topic belongs to. */
    public SectionSpec sectionOf(String topicKey) {
        return sections().filter(s -> s.topics().stream().anyMatch(t -> t.key().equals(topicKey)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown topic " + topicKey));
    }

    public PartSpec partOf(SectionSpec section) {
        return parts.stream().filter(p -> p.sections().contains(section)).findFirst().orElseThrow();
    }
}
