package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.Question;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.Style;
import io.shuzhi.interview.ReportKind.TopicSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The report kinds, read and checked once at startup from {@code prompts/kinds/*.yaml}. */
@Component
public class ReportKinds {

    static final String OPENING_END = "现将有关情况报告如下：";
    private static final String DEFAULT_ID = new KindsProperties(null, null).defaultKind();
    private static final String CLASSPATH_DIR = "prompts/kinds";
    private static final Pattern DIGIT = Pattern.compile("[0-9０-９]");
    private static final Set<String> KIND_FIELDS = Set.of("id", "name", "description", "title", "opening", "intro", "parts",
            "aliases", "order");
    private static final Set<String> INTRO_FIELDS = Set.of("question", "example", "unit");
    private static final Set<String> PART_FIELDS = Set.of("key", "heading", "itemized", "style", "sections");
    private static final Set<String> SECTION_FIELDS = Set.of("heading", "fallback", "topics");
    private static final Set<String> TOPIC_FIELDS = Set.of("key", "label", "question", "example", "units", "keywords",
            "lead", "missing", "close", "leads", "frame");

    private final Map<String, ReportKind> byId;
    private final ReportKind defaultKind;

    /** Reads the directory in {@code props}, or the kinds packed on the classpath when that directory is absent. */
    @Autowired
    public ReportKinds(KindsProperties props) {
        Path dir = Path.of(props.dir());
        this.byId = Files.isDirectory(dir) ? loadDirectory(dir) : loadClasspath(CLASSPATH_DIR);
        this.defaultKind = Optional.ofNullable(byId.get(props.defaultKind())).orElseThrow(() -> new KindFileException(
                "shuzhi.kinds.default-kind: no kind '" + props.defaultKind() + "' among " + byId.keySet()));
    }

    /** Reads every {@code *.yaml} in {@code dir}; the default kind is party-branch-secretary if present, else the first id. */
    public ReportKinds(Path dir) {
        if (!Files.isDirectory(dir)) throw new KindFileException(dir + ": no such directory");
        this.byId = loadDirectory(dir);
        this.defaultKind = byId.getOrDefault(DEFAULT_ID, byId.values().iterator().next());
    }

    /** The kind with this id; IllegalArgumentException when there is none. */
    public ReportKind get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown report kind: " + id));
    }

    public Optional<ReportKind> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** All kinds in the order the page offers them: by each file's {@code order}, then by id. */
    public List<ReportKind> all() {
        return byId.values().stream()
                .sorted(java.util.Comparator.comparingInt(ReportKind::order).thenComparing(ReportKind::id)).toList();
    }

    public ReportKind defaultKind() {
        return defaultKind;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, ReportKind> loadDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list report kinds", e);
        }
        Map<String, ReportKind> kinds = new TreeMap<>();
        for (Path file : files) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                put(kinds, parse(file.toString(), file.getFileName().toString(), content));
            } catch (IOException e) {
                throw new KindFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if (kinds.isEmpty()) throw new KindFileException(dir + ": no report kind files (*.yaml)");
        checkAliases(kinds, id -> dir.resolve(id + ".yaml").toString());
        return Collections.unmodifiableMap(kinds);
    }

    private static Map<String, ReportKind> loadClasspath(String location) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/*.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("classpath:" + location + ": cannot list report kinds", e);
        }
        Map<String, ReportKind> kinds = new TreeMap<>();
        for (Resource r : resources) {
            String fileName = r.getFilename();
            String shown = "classpath:" + location + "/" + fileName;
            try (InputStream in = r.getInputStream()) {
                put(kinds, parse(shown, fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new KindFileException(shown + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if (kinds.isEmpty()) throw new KindFileException("classpath:" + location + ": no report kind files (*.yaml)");
        checkAliases(kinds, id -> "classpath:" + location + "/" + id + ".yaml");
        return Collections.unmodifiableMap(kinds);
    }

    private static void put(Map<String, ReportKind> kinds, ReportKind kind) {
        // Two jars on the classpath may both carry a kind: the first one wins, as Spring's own resources do.
        kinds.putIfAbsent(kind.id(), kind);
    }

    /**
     * A phrase that names two kinds would make {@link KindRecognizer} guess: each alias (and each kind's name) must
     * belong to one kind only.
     */
    private static void checkAliases(Map<String, ReportKind> kinds, java.util.function.Function<String, String> fileOf) {
        Map<String, String> owner = new java.util.HashMap<>();
        kinds.values().forEach(k -> owner.put(KindRecognizer.normalise(k.name()), k.id()));
        for (ReportKind kind : kinds.values()) {
            for (int i = 0; i < kind.aliases().size(); i++) {
                String alias = kind.aliases().get(i);
                String other = owner.putIfAbsent(KindRecognizer.normalise(alias), kind.id());
                if (other != null && !other.equals(kind.id())) {
                    throw new KindFileException(fileOf.apply(kind.id()) + ": aliases[" + i + "] '" + alias
                            + "' already names the kind '" + other + "' (" + fileOf.apply(other) + ")");
                }
            }
        }
    }

    /** Parses one kind file; {@code shown} is how messages name the file. */
    static ReportKind parse(String shown, String fileName, String content) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
        } catch (YAMLException e) {
            throw new KindFileException(shown + ": not valid YAML: " + e.getMessage(), e);
        }
        return new KindReader(shown).kind(root, fileName.substring(0, fileName.length() - ".yaml".length()));
    }

    /** Walks one file's maps, naming the field path in every complaint. */
    private record KindReader(String file) {

        ReportKind kind(Object root, String expectedId) {
            Map<String, Object> m = map(root, "");
            String id = text(m, "", "id");
            if (!id.equals(expectedId)) {
                throw fail("id '" + id + "' must equal the file name '" + expectedId + "'");
            }
            String opening = noDigits(text(m, "", "opening"), "opening");
            if (!opening.strip().endsWith(OPENING_END)) throw fail("opening must end with " + OPENING_END);
            String title = noDigits(text(m, "", "title"), "title");
            Map<String, Object> introMap = map(required(m, "", "intro"), "intro");
            Question intro = new Question(text(introMap, "intro", "question"), optionalText(introMap, "intro", "example"),
                    optionalText(introMap, "intro", "unit"));
            List<Object> partList = list(required(m, "", "parts"), "parts");
            if (partList.isEmpty()) throw fail("parts is empty");
            List<PartSpec> parts = new ArrayList<>();
            Set<String> topicKeys = new HashSet<>();
            Set<String> partKeys = new HashSet<>();
            for (int p = 0; p < partList.size(); p++) {
                PartSpec part = part(partList.get(p), p, topicKeys);
                if (!partKeys.add(part.key())) throw fail("parts[" + p + "].key '" + part.key() + "' is used twice");
                parts.add(part);
            }
            return new ReportKind(id, text(m, "", "name"), optionalText(m, "", "description"), title, opening,
                    intro, parts, aliases(m), order(m));
        }

        private int order(Map<String, Object> m) {
            Object o = m.get("order");
            if (o == null) return Integer.MAX_VALUE;
            if (o instanceof Number n && n.intValue() >= 0) return n.intValue();
            throw fail("order must be a whole number ≥ 0, not '" + o + "'");
        }

        private List<String> aliases(Map<String, Object> m) {
            if (m.get("aliases") == null) return List.of();
            List<String> aliases = strings(m.get("aliases"), "aliases");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < aliases.size(); i++) {
                if (!seen.add(KindRecognizer.normalise(aliases.get(i)))) {
                    throw fail("aliases[" + i + "] '" + aliases.get(i) + "' is listed twice");
                }
            }
            return aliases;
        }

        private PartSpec part(Object node, int p, Set<String> topicKeys) {
            String path = "parts[" + p + "]";
            Map<String, Object> m = map(node, path);
            checkFields(m, path, PART_FIELDS);
            String key = text(m, path, "key");
            String heading = noDigits(text(m, path, "heading"), path + ".heading");
            boolean itemized = bool(m, path, "itemized");
            Style style = style(m, path, key);
            List<Object> sectionList = list(required(m, path, "sections"), path + ".sections");
            if (sectionList.isEmpty()) throw fail(path + ".sections is empty");
            if (itemized && sectionList.size() != 1) {
                throw fail(path + ".sections must hold exactly one section when itemized is true (has "
                        + sectionList.size() + ")");
            }
            List<SectionSpec> sections = new ArrayList<>();
            for (int s = 0; s < sectionList.size(); s++) {
                String ref = itemized ? String.valueOf(p + 1) : (p + 1) + "." + (s + 1);
                SectionSpec section = section(sectionList.get(s), path + ".sections[" + s + "]", ref, itemized, topicKeys);
                // A declared plan part is written from its standing paragraphs: without one a section would be empty.
                if (style == Style.PLAN && m.get("style") != null && section.fallback() == null) {
                    throw fail(path + ".sections[" + s + "].fallback is missing (style: plan needs it)");
                }
                sections.add(section);
            }
            return new PartSpec(p + 1, key, heading, itemized, sections, style);
        }

        private Style style(Map<String, Object> m, String path, String key) {
            String declared = optionalText(m, path, "style");
            if (declared == null) return Style.defaultFor(key);
            return switch (declared) {
                case "items" -> Style.ITEMS;
                case "plan" -> Style.PLAN;
                default -> throw fail(at(path, "style") + " '" + declared + "' must be items or plan");
            };
        }

        private SectionSpec section(Object node, String path, String ref, boolean itemized, Set<String> topicKeys) {
            Map<String, Object> m = map(node, path);
            checkFields(m, path, SECTION_FIELDS);
            String heading = noDigits(itemized ? Optional.ofNullable(optionalText(m, path, "heading")).orElse("")
                    : text(m, path, "heading"), path + ".heading");
            String fallback = noDigits(optionalText(m, path, "fallback"), path + ".fallback");
            List<Object> topicList = list(required(m, path, "topics"), path + ".topics");
            if (topicList.isEmpty()) throw fail(path + ".topics is empty");
            List<TopicSpec> topics = new ArrayList<>();
            for (int t = 0; t < topicList.size(); t++) {
                TopicSpec topic = topic(topicList.get(t), path + ".topics[" + t + "]");
                if (!topicKeys.add(topic.key())) {
                    throw fail(path + ".topics[" + t + "].key '" + topic.key() + "' is used twice in this kind");
                }
                topics.add(topic);
            }
            return new SectionSpec(ref, heading, topics, fallback);
        }

        private TopicSpec topic(Object node, String path) {
            Map<String, Object> m = map(node, path);
            checkFields(m, path, TOPIC_FIELDS);
            String key = text(m, path, "key");
            if (key.equals(InterviewState.INTRO)) throw fail(path + ".key 'intro' is reserved for the opening question");
            List<String> keywords = strings(required(m, path, "keywords"), path + ".keywords");
            if (keywords.isEmpty()) throw fail(path + ".keywords is empty");
            List<String> units = m.containsKey("units") && m.get("units") != null
                    ? strings(m.get("units"), path + ".units") : List.of();
            List<String> leads = m.get("leads") != null ? strings(m.get("leads"), path + ".leads") : List.of();
            for (int i = 0; i < leads.size(); i++) noDigits(leads.get(i), path + ".leads[" + i + "]");
            return new TopicSpec(key, text(m, path, "label"), text(m, path, "question"),
                    optionalText(m, path, "example"), units, keywords,
                    noDigits(text(m, path, "lead"), path + ".lead"), text(m, path, "missing"),
                    noDigits(optionalText(m, path, "close"), path + ".close"), leads,
                    noDigits(optionalText(m, path, "frame"), path + ".frame"));
        }

        // -- field helpers ------------------------------------------------------------------------------------

        private KindFileException fail(String what) {
            return new KindFileException(file + ": " + what);
        }

        private static String at(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private Object required(Map<String, Object> m, String path, String field) {
            Object v = m.get(field);
            if (v == null) throw fail(at(path, field) + " is missing");
            return v;
        }

        private String text(Map<String, Object> m, String path, String field) {
            Object v = required(m, path, field);
            if (!(v instanceof String s)) throw fail(at(path, field) + " must be text");
            if (s.isBlank()) throw fail(at(path, field) + " is blank");
            return s.strip();
        }

        private String optionalText(Map<String, Object> m, String path, String field) {
            Object v = m.get(field);
            if (v == null) return null;
            if (!(v instanceof String s)) throw fail(at(path, field) + " must be text");
            return s.isBlank() ? null : s.strip();
        }

        private boolean bool(Map<String, Object> m, String path, String field) {
            Object v = m.get(field);
            if (v == null) return false;
            if (!(v instanceof Boolean b)) throw fail(at(path, field) + " must be true or false");
            return b;
        }

        private String noDigits(String text, String path) {
            // These texts go into every draft as they are: a digit there would be a number no writer gave.
            if (text != null && DIGIT.matcher(text).find()) throw fail(path + " must not contain digits");
            return text;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map(Object node, String path) {
            if (!(node instanceof Map<?, ?> raw)) throw fail((path.isEmpty() ? "the file" : path) + " must be a mapping");
            Map<String, Object> m = new LinkedHashMap<>();
            raw.forEach((k, v) -> m.put(String.valueOf(k), v));
            if (path.isEmpty()) checkFields(m, path, KIND_FIELDS);
            if (path.equals("intro")) checkFields(m, path, INTRO_FIELDS);
            return m;
        }

        private List<Object> list(Object node, String path) {
            if (!(node instanceof List<?> l)) throw fail(path + " must be a list");
            return new ArrayList<>(l);
        }

        private List<String> strings(Object node, String path) {
            List<Object> l = list(node, path);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String s) || s.isBlank()) throw fail(path + "[" + i + "] must be text");
                out.add(s.strip());
            }
            return out;
        }

        private void checkFields(Map<String, Object> m, String path, Set<String> known) {
            // A misspelt field would otherwise be dropped without a word and its text never reach the draft.
            for (String k : m.keySet()) {
                if (!known.contains(k)) throw fail(at(path, k) + " is not a known field (expected one of " + known + ")");
            }
        }
    }
}
