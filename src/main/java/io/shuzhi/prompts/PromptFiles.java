package io.shuzhi.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The one reader of the data files under {@code prompts/} (prompt templates, word lists, rules, the FAQ): the
 * {@code prompts/} folder next to the app when the file is there, else the copy in the jar. An operator overrides a
 * file by putting it in that folder; nothing else reads prompt files.
 */
public final class PromptFiles {
    private PromptFiles() {
    }

    /** A file's text and where it was read from: its path on disk, or {@code classpath:<name>}. */
    public record Text(String source, String content) {
    }

    /** The file's text; IllegalStateException naming the file when it is in neither place. */
    public static String read(String name) {
        return find(name).orElseThrow(() -> notFound(name));
    }

    /** The file's text, or empty when it is in neither place. */
    public static Optional<String> find(String name) {
        return locate(name).map(Text::content);
    }

    /** The file's text with where it came from; IllegalStateException naming the file when it is in neither place. */
    public static Text readWithSource(String name) {
        return locate(name).orElseThrow(() -> notFound(name));
    }

    private static Optional<Text> locate(String name) {
        try {
            Path file = Path.of(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(new Text(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            try (InputStream in = PromptFiles.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    return Optional.of(new Text("classpath:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be read", e);
        }
        return Optional.empty();
    }

    private static IllegalStateException notFound(String name) {
        return new IllegalStateException(name + " not found on disk or on the classpath");
    }

    /** Every {@code *<suffix>} file directly in {@code dir} on disk: file name without the suffix → text. */
    public static Map<String, String> listDir(Path dir, String suffix) {
        Map<String, String> out = new LinkedHashMap<>();
        try (var list = Files.list(dir)) {
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f)).toList()) {
                String name = p.getFileName().toString();
                out.put(name.substring(0, name.length() - suffix.length()), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read prompts", e);
        }
        return out;
    }

    /** Every {@code *<suffix>} file in {@code location} on the classpath (the first of a name wins): name → text. */
    public static Map<String, String> listClasspath(String location, String suffix) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/*" + suffix);
            for (Resource r : found) {
                String name = r.getFilename();
                if (name == null) continue;
                try (InputStream in = r.getInputStream()) {
                    out.putIfAbsent(name.substring(0, name.length() - suffix.length()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("classpath:" + location + ": cannot read prompts", e);
        }
        return out;
    }
}
