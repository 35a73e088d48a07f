package io.shuzhi.interview;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers to the questions writers ask back ("党课一年讲几次比较合适？", "一般写多少字？"), from
 * {@code prompts/faq/faq.yaml} (the working directory's {@code prompts/} first, then the classpath), read once by
 * {@link Lexicon}. An entry answers when every one of its word groups has a word in the question; the entry matching
 * most words wins.
 */
public final class Faq {
    static final String FILE = "prompts/faq/faq.yaml";
    /** What the assistant says to a question no entry answers. */
    static final String UNKNOWN = "这个问题我在离线模式下答不准，建议以上级党组织的通知和要求为准。";

    /** One entry: word groups that must all match, and the answer. */
    record Entry(String id, List<List<String>> match, String answer) {
    }

    private final List<Entry> entries;
    private final Words words;

    /** The answers of {@code entries}, matched against the question's {@code words}. */
    Faq(List<Entry> entries, Words words) {
        this.entries = List.copyOf(entries);
        this.words = words;
    }

    /** The answer to {@code question}, or empty when no entry matches. */
    public Optional<String> answer(String question) {
        if (question == null || question.isBlank()) return Optional.empty();
        Set<String> words = new HashSet<>();
        for (Words.Word w : this.words.of(question)) words.add(w.text().toLowerCase());
        String lower = question.toLowerCase();
        Entry best = null;
        int bestScore = 0;
        for (Entry e : entries) {
            int score = 0;
            boolean all = true;
            for (List<String> group : e.match()) {
                // A word of the group said as a word, or a phrase of several words ("三会一课", "多少字") in the text.
                long hits = group.stream().filter(g -> words.contains(g.toLowerCase())
                        || g.length() >= 2 && lower.contains(g.toLowerCase())).count();
                if (hits == 0) {
                    all = false;
                    break;
                }
                score += (int) hits;
            }
            if (all && score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(Entry::answer);
    }

    @SuppressWarnings("unchecked")
    static List<Entry> parse(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof List<?> list)) throw new IllegalStateException(FILE + ": expected a list of entries");
        List<Entry> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) throw new IllegalStateException(FILE + ": an entry is not a mapping");
            String id = String.valueOf(m.get("id"));
            Object match = m.get("match");
            Object answer = m.get("answer");
            if (!(match instanceof List<?> groups) || groups.isEmpty() || !(answer instanceof String a) || a.isBlank()) {
                throw new IllegalStateException(FILE + ": entry " + id + " needs `match` (word groups) and `answer`");
            }
            List<List<String>> parsed = new ArrayList<>();
            for (Object g : groups) {
                if (!(g instanceof List<?> words) || words.isEmpty()) {
                    throw new IllegalStateException(FILE + ": entry " + id + ": each group of `match` is a list of words");
                }
                parsed.add(((List<Object>) words).stream().map(String::valueOf).toList());
            }
            out.add(new Entry(id, List.copyOf(parsed), a.strip()));
        }
        return List.copyOf(out);
    }
}
