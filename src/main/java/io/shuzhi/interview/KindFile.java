package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.Question;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.Style;
import io.shuzhi.interview.ReportKind.TopicSpec;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * One report kind file as written ({@code prompts/kinds/<id>.yaml}): read by Jackson (component names are the
 * file's field names, an unknown field is an error), checked field by field by the constraints below, then across
 * fields by {@link #problems}, then turned into a {@link ReportKind}. Messages are a field path and what is wrong
 * ("parts[0].sections[1].heading must not contain digits").
 */
record KindFile(@Text String id, @Text String name, String description,
                @Text @NoDigits String title,
                @Text @NoDigits @Pattern(regexp = "(?sU).*" + KindFile.OPENING_END + "\\s*",
                        message = "must end with " + KindFile.OPENING_END) String opening,
                @NotNull(message = MISSING) @Valid Intro intro,
                @NotNull(message = MISSING) @Size(min = 1, message = "is empty")
                List<@NotNull(message = "must be a mapping") @Valid Part> parts,
                List<@NotBlank(message = "must be text") String> aliases,
                @PositiveOrZero(message = "must be a whole number ≥ 0, not '${validatedValue}'") Integer order,
                String work) {

    static final String OPENING_END = "现将有关情况报告如下：";
    private static final String MISSING = "is missing";

    record Intro(@Text String question, String example, String unit) {}

    record Part(@Text String key, @Text @NoDigits String heading, Boolean itemized,
                @Pattern(regexp = "\\s*(items|plan)?\\s*", message = "'${validatedValue}' must be items or plan") String style,
                @NotNull(message = MISSING) @Size(min = 1, message = "is empty")
                List<@NotNull(message = "must be a mapping") @Valid Section> sections) {
        Part {
            itemized = Boolean.TRUE.equals(itemized);
        }
    }

    /** {@code heading} is required unless the part is itemized: {@link #problems} checks that. */
    record Section(@NoDigits String heading, @NoDigits String fallback,
                   @NotNull(message = MISSING) @Size(min = 1, message = "is empty")
                   List<@NotNull(message = "must be a mapping") @Valid Topic> topics) {}

    record Topic(@Text @Pattern(regexp = "(?s)(?!" + InterviewState.INTRO + "\\z).*",
                         message = "'" + InterviewState.INTRO + "' is reserved for the opening question") String key,
                 @Text String label, @Text String question, String example,
                 List<@NotBlank(message = "must be text") String> units,
                 @NotNull(message = MISSING) @Size(min = 1, message = "is empty")
                 List<@NotBlank(message = "must be text") String> keywords,
                 @Text @NoDigits String lead, @Text String missing, @NoDigits String close,
                 List<@NotBlank(message = "must be text") @NoDigits String> leads, @NoDigits String frame,
                 Boolean keyed) {}

    /**
     * What one field cannot say of itself, each as "path what is wrong"; read only once every field is valid.
     *
     * @param expectedId the file name without {@code .yaml}, which the id must equal
     */
    List<String> problems(String expectedId) {
        List<String> problems = new ArrayList<>();
        if (!id.strip().equals(expectedId)) {
            problems.add("id '" + id.strip() + "' must equal the file name '" + expectedId + "'");
        }
        Set<String> aliasesSeen = new HashSet<>();
        for (int i = 0; aliases != null && i < aliases.size(); i++) {
            if (!aliasesSeen.add(KindRecognizer.normalise(aliases.get(i).strip()))) {
                problems.add("aliases[" + i + "] '" + aliases.get(i).strip() + "' is listed twice");
            }
        }
        Set<String> partKeys = new HashSet<>();
        Set<String> topicKeys = new HashSet<>();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            String path = "parts[" + p + "]";
            if (!partKeys.add(part.key().strip())) problems.add(path + ".key '" + part.key().strip() + "' is used twice");
            if (part.itemized() && part.sections().size() != 1) {
                problems.add(path + ".sections must hold exactly one section when itemized is true (has "
                        + part.sections().size() + ")");
            }
            for (int s = 0; s < part.sections().size(); s++) {
                Section section = part.sections().get(s);
                String sectionPath = path + ".sections[" + s + "]";
                if (!part.itemized() && section.heading() == null) problems.add(sectionPath + ".heading is missing");
                if (!part.itemized() && section.heading() != null && section.heading().isBlank()) {
                    problems.add(sectionPath + ".heading is blank");
                }
                // A declared plan part is written from its standing paragraphs: without one a section would be empty.
                if ("plan".equals(optional(part.style())) && optional(section.fallback()) == null) {
                    problems.add(sectionPath + ".fallback is missing (style: plan needs it)");
                }
                for (int t = 0; t < section.topics().size(); t++) {
                    String key = section.topics().get(t).key().strip();
                    if (!topicKeys.add(key)) {
                        problems.add(sectionPath + ".topics[" + t + "].key '" + key + "' is used twice in this kind");
                    }
                }
            }
        }
        if (optional(work) != null && !topicKeys.contains(work.strip())) {
            problems.add("work '" + work.strip() + "' names no topic of this kind");
        }
        // a keyed topic sends what it does not take to the kind's work topic: without one it would follow the question
        boolean keyed = parts.stream().flatMap(p -> p.sections().stream()).flatMap(s -> s.topics().stream())
                .anyMatch(t -> Boolean.TRUE.equals(t.keyed()));
        if (keyed && optional(work) == null) problems.add("work is missing (a topic is keyed)");
        return problems;
    }

    /** The kind this file describes; call only when the file has no {@link #problems}. */
    ReportKind toReportKind() {
        List<PartSpec> partSpecs = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            List<SectionSpec> sections = new ArrayList<>();
            for (int s = 0; s < part.sections().size(); s++) {
                Section section = part.sections().get(s);
                String ref = part.itemized() ? String.valueOf(p + 1) : (p + 1) + "." + (s + 1);
                String heading = optional(section.heading());
                sections.add(new SectionSpec(ref, heading == null ? "" : heading,
                        section.topics().stream().map(KindFile::topicSpec).toList(), optional(section.fallback())));
            }
            String key = part.key().strip();
            partSpecs.add(new PartSpec(p + 1, key, part.heading().strip(), part.itemized(), sections,
                    optional(part.style()) == null ? Style.defaultFor(key)
                            : Style.valueOf(part.style().strip().toUpperCase(Locale.ROOT))));
        }
        return new ReportKind(id.strip(), name.strip(), optional(description), title.strip(), opening.strip(),
                new Question(intro.question().strip(), optional(intro.example()), optional(intro.unit())),
                partSpecs, stripped(aliases), order == null ? Integer.MAX_VALUE : order, optional(work));
    }

    private static TopicSpec topicSpec(Topic t) {
        return new TopicSpec(t.key().strip(), t.label().strip(), t.question().strip(), optional(t.example()),
                stripped(t.units()), stripped(t.keywords()), t.lead().strip(), t.missing().strip(), optional(t.close()),
                stripped(t.leads()), optional(t.frame()), Boolean.TRUE.equals(t.keyed()));
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> stripped(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(String::strip).toList();
    }

    // -- the constraints the fields share ------------------------------------------------------------------------

    /** Text that must be there: "is missing" when absent, "is blank" when only spaces. */
    @NotNull(message = MISSING)
    @Pattern(regexp = "(?sU).*\\S.*", message = "is blank")
    @Constraint(validatedBy = {})
    @Target({FIELD, TYPE_USE, ANNOTATION_TYPE})
    @Retention(RUNTIME)
    @interface Text {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    // These texts go into every draft as they are: a digit there would be a number no writer gave.
    @Pattern(regexp = "[^0-9０-９]*", message = "must not contain digits")
    @Constraint(validatedBy = {})
    @Target({FIELD, TYPE_USE, ANNOTATION_TYPE})
    @Retention(RUNTIME)
    @interface NoDigits {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
