package io.shuzhi.export;

import java.util.Locale;
import java.util.Optional;

/** The download formats: file extension and media type. */
public enum ExportFormat {
    TXT("txt", "text/plain; charset=UTF-8"),
    MD("md", "text/markdown; charset=UTF-8"),
    HTML("html", "text/html; charset=UTF-8"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** "docx", "DOCX", "html" … → the format; anything else → empty. */
    public static Optional<ExportFormat> parse(String name) {
        if (name == null) return Optional.empty();
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.extension.equals(n)) return Optional.of(f);
        }
        return Optional.empty();
    }
}
