package io.shuzhi.llm;

import io.shuzhi.prompts.PromptFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The model's prompt texts, one file per prompt under {@code prompts/} ({@code prompts/<name>.md}) with named
 * {@code {{variables}}}, and the per-kind style guides ({@code prompts/style/<kind>.md}). Read from the {@code prompts/}
 * folder next to the app when there is one, else from the copy in the jar. Every prompt the code uses is loaded and
 * checked at startup: a missing file, or a variable the code does not fill, stops the app with the file's name.
 */
@Component
class PromptTemplates {
    /** The prompts the code renders and the variables each must use: no more, no fewer. */
    static final Map<String, Set<String>> REQUIRED = Map.of(
            "system", Set.of(),
            "extract", Set.of("kind_name", "topics", "current_topic", "message"),
            "interview", Set.of("kind_name", "recorded", "next_question", "next_section", "message"),
            "write-section", Set.of("kind_name", "unit", "year", "outline", "section_heading", "part_heading",
                    "mode", "topics", "facts", "answers", "style", "last_year_plans"),
            "rewrite-section", Set.of("kind_name", "unit", "year", "outline", "target", "operation", "current_chars",
                    "target_chars", "text", "facts", "instruction", "style"));
    /** The one slot a style guide may have: the report year's 提法, filled by the code that uses the guide. */
    public static final String YEAR_NOTES = "{{year_notes}}";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");
    private static final Pattern ANY_BRACES = Pattern.compile("\\{\\{|}}");
    private static final String DIR = "prompts";

    private final Map<String, String> templates = new TreeMap<>();
    private final Map<String, String> styles = new TreeMap<>();

    public PromptTemplates() {
        this(Path.of(DIR));
    }

    /** Reads {@code dir} when it exists, else the classpath's {@code prompts/}. */
    public PromptTemplates(Path dir) {
        if (Files.isDirectory(dir)) {
            readDir(dir, templates);
            Path style = dir.resolve("style");
            if (Files.isDirectory(style)) readDir(style, styles);
        } else {
            readClasspath(DIR, templates);
            readClasspath(DIR + "/style", styles);
        }
        check();
    }

    /** The prompt {@code name} with its variables filled; every variable it has must be given, and no other. */
    public String render(String name, Map<String, ?> vars) {
        String template = templates.get(name);
        if (template == null) throw new IllegalArgumentException("no prompt named '" + name + "' under prompts/");
        Set<String> used = variables(template);
        for (String k : vars.keySet()) {
            if (!used.contains(k)) throw new IllegalArgumentException("prompts/" + name + ".md has no variable {{" + k + "}}");
        }
        Matcher m = VARIABLE.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            Object v = vars.get(m.group(1));
            if (v == null) throw new IllegalArgumentException("prompts/" + name + ".md: variable {{" + m.group(1) + "}} not given");
            m.appendReplacement(out, Matcher.quoteReplacement(v.toString()));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /**
     * The style guide of a report kind, when {@code prompts/style/<kindId>.md} exists; its {@value #YEAR_NOTES} slot is
     * left for the caller, who knows the report's year.
     */
    public Optional<String> style(String kindId) {
        return Optional.ofNullable(styles.get(kindId)).map(String::strip);
    }

    static Set<String> variables(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private void check() {
        for (var e : styles.entrySet()) {
            // a style guide goes into a prompt as a value: a slot the code does not fill would reach the model as is
            Matcher slot = Pattern.compile("\\{\\{[^}]*}}").matcher(e.getValue().replace(YEAR_NOTES, ""));
            if (slot.find()) {
                throw new IllegalStateException("prompts/style/" + e.getKey() + ".md: unknown slot " + slot.group()
                        + " (a style guide may only use " + YEAR_NOTES + ")");
            }
        }
        for (var e : REQUIRED.entrySet()) {
            String file = "prompts/" + e.getKey() + ".md";
            String t = templates.get(e.getKey());
            if (t == null) throw new IllegalStateException(file + ": missing (the model engine needs it)");
            Set<String> used = variables(t);
            for (String v : used) {
                if (!e.getValue().contains(v)) throw new IllegalStateException(file + ": unknown variable {{" + v + "}}");
            }
            for (String v : e.getValue()) {
                if (!used.contains(v)) throw new IllegalStateException(file + ": variable {{" + v + "}} is never used");
            }
            // "{{ Name }}" or a lone "}}" is a typo the renderer would pass through to the model.
            String rest = VARIABLE.matcher(t).replaceAll("");
            if (ANY_BRACES.matcher(rest).find()) throw new IllegalStateException(file + ": malformed {{variable}}");
        }
    }

    private static void readDir(Path dir, Map<String, String> into) {
        into.putAll(PromptFiles.listDir(dir, ".md"));
    }

    private static void readClasspath(String location, Map<String, String> into) {
        into.putAll(PromptFiles.listClasspath(location, ".md"));
    }
}
