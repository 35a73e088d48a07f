package io.shuzhi.interview;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The report kinds, read and checked once at startup from {@code prompts/kinds/*.yaml}. */
@Component
public class ReportKinds {

    private static final String DEFAULT_ID = new KindsProperties(null, null).defaultKind();
    private static final String CLASSPATH_DIR = "prompts/kinds";

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
                put(kinds, KindFileReader.read(file.toString(), file.getFileName().toString(), content));
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
                put(kinds, KindFileReader.read(shown, fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
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
}
