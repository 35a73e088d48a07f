package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a writer can be shown — error messages of the server ({@code ErrorCode}, the frame reader, the HTTP
 * endpoints), the interviewer's and refiner's replies, the kinds and the FAQ, and every string of the page — speaks
 * a cadre's language: no protocol word (hello, JSON, lastSeq), no property or environment name (SHUZHI_…,
 * shuzhi.…), no field name. A Latin word may appear only if a writer knows it from the office (Word, WPS, .docx …).
 */
class WriterWordsTest {
    /** Latin words a writer meets in office software anyway, and the font names the page's CSS stacks list. */
    static final Set<String> KNOWN = Set.of(
            "docx", "doc", "txt", "html", "md", "Markdown", "Word", "WPS", "wps", "PDF", "XX", "MB", "GB", "Enter", "Shift", "Ctrl", "Esc", "Z", "T",
            // the model usage badge in LLM mode reads "1.8k tokens", as model consoles do
            "tokens", "k",
            // CSS font stacks (never shown as text)
            "GB2312", "GBK", "serif", "sans", "SimSun", "SimHei", "FangSong", "STFangsong", "KaiTi", "STKaiti", "STSong",
            "STHeiti", "Heiti", "SC", "STZhongsong", "Microsoft", "YaHei", "FangSong_GB2312", "KaiTi_GB2312", "Noto", "Serif", "Sans",
            "CJK", "AR", "PL", "UKai", "CN", "Source", "Han", "Times", "New", "Roman");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern DEVELOPER = Pattern.compile("SHUZHI_|shuzhi\\.|\\bhello\\b|JSON|lastSeq|\\b[a-z]+[A-Z][a-zA-Z]*");
    private static final Pattern REGEX = Pattern.compile("\\\\[sdnbwSDW]|\\(\\?|\\[[^\\]]*\\][?*+{]|\\]\\{\\d|\\|\\(");
    /** Texts for the console or the log (the startup banner, the operator's smoke command), never for a writer. */
    private static final Set<String> NOT_FOR_WRITERS = Set.of("StartupMessage.java", "Smoke.java");

    @Test
    void everyTextAWriterCanSee_usesNoDeveloperWords() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
            java.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !NOT_FOR_WRITERS.contains(p.getFileName().toString())).forEach(files::add);
        }
        // The page: app.js, widget.js and every module under js/.
        try (Stream<Path> page = Files.walk(Path.of("src/main/resources/static"))) {
            page.filter(p -> p.toString().endsWith(".js")).forEach(files::add);
        }
        int texts = 0;
        for (Path file : files) {
            String src = stripComments(Files.readString(file, StandardCharsets.UTF_8));
            Matcher m = LITERAL.matcher(src);
            while (m.find()) {
                String text = m.group(1) != null ? m.group(1) : m.group(2);
                if (!HAN.matcher(text).find()) continue; // only texts in Chinese reach a writer
                if (REGEX.matcher(text).find()) continue; // a pattern the code reads with, not a text
                texts++;
                check(file + ": " + text, text, found);
            }
        }
        // Kinds, the FAQ and the proofreading notes are shown as they are written.
        for (String dir : List.of("prompts/kinds", "prompts/faq")) {
            try (Stream<Path> data = Files.list(Path.of(dir))) {
                for (Path file : data.toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (line.trim().startsWith("#") || line.trim().matches("-?\\s*(match|keywords|aliases):.*")) continue;
                        String value = line.replaceAll("\\{[a-z]+\\}", " ").replaceFirst("^\\s*-?\\s*[A-Za-z_]+:\\s*", "").replaceFirst("^\\s*-\\s*", "");
                        if (!HAN.matcher(value).find()) continue;
                        texts++;
                        check(file + ": " + line.trim(), value, found);
                    }
                }
            }
        }
        assertThat(texts).as("writer-facing texts scanned").isGreaterThan(500);
        assertThat(found).as("texts a writer can see that use developer words").isEmpty();
    }

    static void check(String where, String text, List<String> found) {
        if (DEVELOPER.matcher(text).find()) { found.add(where); return; }
        Matcher w = WORD.matcher(text.replaceAll("\\\\.", " ").replaceAll("%[0-9.]*[dsf]", " "));
        while (w.find()) {
            if (!KNOWN.contains(w.group()) && !w.group().matches("[0-9a-fA-F]{4}")) { found.add(where + "  [" + w.group() + "]"); return; }
        }
    }

    private static String stripComments(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m)\\s//\\s.*$", "");
    }
}
