package io.shuzhi.quality;

import io.shuzhi.quality.QualityMetrics.Campaign;
import io.shuzhi.quality.QualityMetrics.ChatWord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The quality corpus (src/test/resources/quality) and the report kinds' own wording, read from files. */
final class QualityCorpus {
    private QualityCorpus() {}

    /** One writer turn: a message, or a request for a draft. */
    record Turn(boolean generate, String text, List<String> noise, String replyShould, List<String> answerWords) {}

    record Point(List<String> words, int part, Integer section) {}

    record Expect(String unit, String post, List<String> figures, List<String> absent, List<Point> points) {}

    record Conversation(String id, String kind, int year, String note, List<Turn> turns, Expect expect, Path file) {}

    /** What a kind writes by itself (headings, leads, closes, fallbacks, opening, title) and which part is which. */
    record KindText(String id, List<String> partKeys, String scaffold) {
        int problemsPart() { return partKeys.indexOf("issues") + 1; }
        int plansPart() { return partKeys.indexOf("measures") + 1; }
    }

    static List<Conversation> load(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            List<Conversation> out = new ArrayList<>();
            for (Path p : yamls) out.add(parse(p));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Conversation parse(Path file) {
        Map<String, Object> y = new Yaml().load(read(file));
        String where = file.getFileName().toString();
        List<Turn> turns = new ArrayList<>();
        for (Object t : (List<Object>) require(y, "turns", where)) {
            if ("generate".equals(t)) {
                turns.add(new Turn(true, null, List.of(), null, List.of()));
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) t;
            turns.add(new Turn(false, (String) require(m, "say", where), strings(m.get("noise")),
                    (String) m.get("reply_should"), strings(m.get("answer_words"))));
        }
        Map<String, Object> e = (Map<String, Object>) require(y, "expect", where);
        List<Point> points = new ArrayList<>();
        for (Object o : (List<Object>) require(e, "points", where)) {
            Map<String, Object> p = (Map<String, Object>) o;
            points.add(new Point(strings(require(p, "words", where)), (Integer) require(p, "part", where),
                    (Integer) p.get("section")));
        }
        var expect = new Expect((String) require(e, "unit", where), (String) e.get("post"),
                strings(e.get("figures")), strings(e.get("absent")), points);
        return new Conversation((String) require(y, "id", where), (String) require(y, "kind", where),
                (Integer) require(y, "year", where), (String) y.get("note"), turns, expect, file);
    }

    private static Object require(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null) throw new IllegalArgumentException(where + ": " + key + " is missing");
        return v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        if (o == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Object x : (List<Object>) o) out.add(String.valueOf(x));
        return out;
    }

    static List<ChatWord> chatWords(Path file) {
        List<ChatWord> out = new ArrayList<>();
        for (String line : lines(file)) {
            String[] cols = line.split("\t");
            Set<String> kinds = new LinkedHashSet<>();
            if (cols.length > 1 && cols[1].startsWith("kinds=")) kinds.addAll(Arrays.asList(cols[1].substring(6).split(",")));
            out.add(new ChatWord(cols[0].strip(), kinds));
        }
        return out;
    }

    static List<Campaign> campaigns(Path file) {
        List<Campaign> out = new ArrayList<>();
        for (String line : lines(file)) {
            String[] c = line.split("\t");
            out.add(new Campaign(c[0].strip(), Integer.parseInt(c[1].strip()), Integer.parseInt(c[2].strip())));
        }
        return out;
    }

    /** Terms of every given list (one a line, "#" comments), in one set. */
    static Set<String> fixedTerms(Path... files) {
        Set<String> out = new LinkedHashSet<>();
        for (Path f : files) for (String line : lines(f)) out.add(line.strip());
        return out;
    }

    @SuppressWarnings("unchecked")
    static KindText kindText(Path kindsDir, String kind) {
        Map<String, Object> y = new Yaml().load(read(kindsDir.resolve(kind + ".yaml")));
        var scaffold = new StringBuilder();
        scaffold.append(y.get("title")).append('\n').append(y.get("opening")).append('\n');
        List<String> keys = new ArrayList<>();
        for (Object po : (List<Object>) y.get("parts")) {
            Map<String, Object> part = (Map<String, Object>) po;
            keys.add((String) part.get("key"));
            scaffold.append(part.get("heading")).append('\n');
            for (Object so : (List<Object>) part.getOrDefault("sections", List.of())) {
                Map<String, Object> s = (Map<String, Object>) so;
                for (String k : List.of("heading", "fallback")) if (s.get(k) != null) scaffold.append(s.get(k)).append('\n');
                for (Object to : (List<Object>) s.getOrDefault("topics", List.of())) {
                    Map<String, Object> t = (Map<String, Object>) to;
                    for (String k : List.of("lead", "close")) if (t.get(k) != null) scaffold.append(t.get(k)).append('\n');
                }
            }
        }
        return new KindText(kind, keys, scaffold.toString());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path p) {
        List<String> out = new ArrayList<>();
        for (String line : read(p).split("\n")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            out.add(line.replaceAll("\\s+$", ""));
        }
        return out;
    }
}
