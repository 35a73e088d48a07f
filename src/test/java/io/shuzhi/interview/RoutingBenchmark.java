package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing by keywords only against routing by keywords and similarity ({@link EmbeddingSimilarity}), without the app:
 * the quality corpus's writer turns played through {@link OfflineInterviewer}, each point looked for in the facts
 * of its expected section (as the quality benchmark looks in the draft's section), and the held-out set
 * {@code routing-heldout.tsv}. Also the time per turn, the model's load time and the process's memory.
 * A measurement, not a test: {@code mvn -B test -Dtest=RoutingBenchmark}; figures in docs/quality.md.
 */
class RoutingBenchmark {

    private static final ReportKinds KINDS = new ReportKinds(Path.of("prompts/kinds"));
    private static final Path CORPUS = Path.of("src/test/resources/quality");

    record Figures(int sections, int sectionsAll, int parts, int partsAll, int problems, int problemsAll, int plans,
                   int plansAll, long[] turnNanos, List<String> misses) {
    }

    @Test
    void keywordsOnly_againstSimilarity() throws Exception {
        String keywords = measure("keywords only", TopicSimilarity.NONE);
        long t0 = System.nanoTime();
        var similarity = new EmbeddingSimilarity(KINDS, "embeddings");
        similarity.load();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(similarity.ready()).as("model loaded").isTrue();
        String embeddings = measure("keywords + bge-small-zh-v1.5", similarity);
        System.out.println(keywords);
        System.out.println("model load and topic embeddings: " + loadMs + " ms");
        System.out.println(embeddings);
    }

    private static String measure(String name, TopicSimilarity similarity) throws Exception {
        var interviewer = new OfflineInterviewer(LEXICON, Clock.fixed(Instant.parse("2026-12-10T08:00:00Z"),
                ZoneId.of("Asia/Shanghai")), similarity);
        play(interviewer); // warm-up: classes, HanLP dictionaries, JIT
        Figures f = play(interviewer);
        long[] ns = f.turnNanos().clone();
        Arrays.sort(ns);
        System.gc();
        Thread.sleep(300);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("VmRSS ?");
        StringBuilder out = new StringBuilder();
        out.append(String.format("== %s%nsections right %d/%d, parts right %d/%d, problems %d/%d, plans %d/%d%n"
                        + "held-out %s%nturns %d: median %.2f ms, p95 %.2f ms, max %.2f ms; heap used after GC %d MB, %s%n",
                name, f.sections(), f.sectionsAll(), f.parts(), f.partsAll(), f.problems(), f.problemsAll(), f.plans(),
                f.plansAll(), heldOut(similarity, out), ns.length, ns[ns.length / 2] / 1e6,
                ns[(int) (ns.length * 0.95)] / 1e6, ns[ns.length - 1] / 1e6, heap, rss));
        f.misses().forEach(m -> out.append("  ").append(m).append('\n'));
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Figures play(OfflineInterviewer interviewer) throws IOException {
        int sections = 0, sectionsAll = 0, parts = 0, partsAll = 0, problems = 0, problemsAll = 0, plans = 0, plansAll = 0;
        List<Long> turns = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Path file : corpus()) {
            Map<String, Object> y = new Yaml().load(Files.readString(file));
            ReportKind kind = KINDS.get((String) y.get("kind"));
            InterviewState state = InterviewState.start();
            int n = 0;
            for (Object t : (List<Object>) y.get("turns")) {
                if (!(t instanceof Map<?, ?> m)) continue; // "generate"
                long a = System.nanoTime();
                state = interviewer.answer(kind, state, "m-" + (++n), (String) m.get("say")).state();
                turns.add(System.nanoTime() - a);
            }
            Map<String, StringBuilder> bySection = new LinkedHashMap<>();
            Map<Integer, StringBuilder> byPart = new LinkedHashMap<>();
            for (Fact fact : state.facts()) {
                if (kind.topic(fact.topic()).isEmpty()) continue;
                bySection.computeIfAbsent(ref(kind, fact.topic()), k -> new StringBuilder()).append(fact.text()).append('|');
                byPart.computeIfAbsent(kind.partOf(kind.sectionOf(fact.topic())).number(), k -> new StringBuilder())
                        .append(fact.text()).append('|');
            }
            int problemsPart = partNumber(kind, RuleExtractor.PROBLEMS_PART);
            int plansPart = partNumber(kind, RuleExtractor.PLANS_PART);
            for (Object o : (List<Object>) ((Map<String, Object>) y.get("expect")).get("points")) {
                Map<String, Object> point = (Map<String, Object>) o;
                List<String> words = ((List<Object>) point.get("words")).stream().map(String::valueOf).toList();
                int part = (Integer) point.get("part");
                Integer section = (Integer) point.get("section");
                boolean inPart = hasAll(byPart.getOrDefault(part, new StringBuilder()).toString(), words);
                partsAll++;
                if (inPart) parts++;
                if (part == problemsPart) {
                    problemsAll++;
                    if (inPart) problems++;
                }
                if (part == plansPart) {
                    plansAll++;
                    if (inPart) plans++;
                }
                if (section == null) continue;
                sectionsAll++;
                String want = part + "." + section;
                if (inPart && hasAll(bySection.getOrDefault(want, new StringBuilder()).toString(), words)) sections++;
                else misses.add(y.get("id") + " " + words + " want " + want + ", in " + where(bySection, words));
            }
        }
        long[] ns = turns.stream().mapToLong(Long::longValue).toArray();
        return new Figures(sections, sectionsAll, parts, partsAll, problems, problemsAll, plans, plansAll, ns, misses);
    }

    /** Each held-out message alone, with its open question: right when every fact it gives is in the expected section. */
    private static String heldOut(TopicSimilarity similarity, StringBuilder misses) throws IOException {
        int right = 0;
        int all = 0;
        for (String line : Files.readAllLines(CORPUS.resolve("routing-heldout.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t");
            ReportKind kind = KINDS.get(c[0]);
            String open = c[1].equals("-") ? null : kind.topic(c[1]).orElseThrow().key();
            InterviewState s = InterviewState.start().withProfile("某单位", "2026").withCurrentTopic(open);
            RuleExtractor.Result r = LEXICON.extractor().extract(kind, s, "h", c[2], similarity);
            List<String> got = r.added().stream().map(f -> ref(kind, f.topic())).distinct().toList();
            all++;
            if (!got.isEmpty() && got.stream().allMatch(c[3]::equals)) right++;
            else misses.append("  held-out ").append(c[2]).append(" want ").append(c[3]).append(", got ").append(got)
                    .append('\n');
        }
        return right + "/" + all;
    }

    private static List<Path> corpus() {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int partNumber(ReportKind kind, String key) {
        return kind.parts().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().number();
    }

    /** "part.section" in the kind's order (an itemized part is one section, x.1). */
    static String ref(ReportKind kind, String topic) {
        SectionSpec s = kind.sectionOf(topic);
        PartSpec p = kind.partOf(s);
        return p.number() + "." + (p.sections().indexOf(s) + 1);
    }

    private static String where(Map<String, StringBuilder> bySection, List<String> words) {
        List<String> out = new ArrayList<>();
        bySection.forEach((ref, text) -> {
            for (String fact : text.toString().split("\\|")) {
                if (words.stream().anyMatch(w -> Arrays.stream(w.split("\\|")).anyMatch(fact::contains))) {
                    out.add(ref + " " + fact);
                }
            }
        });
        return out.toString();
    }

    private static boolean hasAll(String text, List<String> words) {
        for (String w : words) {
            if (Arrays.stream(w.split("\\|")).noneMatch(alt -> !alt.isBlank() && text.contains(alt.strip()))) return false;
        }
        return true;
    }
}
