package io.shuzhi.draft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a data file under {@code prompts/}: the folder next to the app when there is one, else the copy in the jar,
 * the way the kinds and prompts are read.
 */
final class PromptFiles {
    private PromptFiles() {
    }

    /** The file's text; IllegalStateException naming the file when it is in neither place. */
    static String read(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(name + " not found on disk or on the classpath"));
    }

    /** The file's text, or empty when it is in neither place. */
    static Optional<String> find(String name) {
        try {
            Path file = Path.of(name);
            if (Files.isRegularFile(file)) return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            try (InputStream in = PromptFiles.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be read", e);
        }
        return Optional.empty();
    }
}
