package io.shuzhi.draft;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.draft.Proofreader.Suggestion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real sample report: the checker must find its real errors and raise at most one false alarm. */
class ProofreaderSampleTest {
    /** Errors a reviewer would mark in the sample (wrong text as found). */
    private static final Set<String> REAL = Set.of("民主权力", "诚勉谈话", "柠紧", "辩明", "\"");

    static String sample() throws IOException {
        Path shared = Path.of("/work/shared/samples/party-branch-secretary-2022.txt");
        Path copy = Path.of("src/test/resources/samples/party-branch-secretary-2022.txt");
        return Files.readString(Files.isRegularFile(shared) ? shared : copy, StandardCharsets.UTF_8);
    }

    @Test
    void sampleReport_findsRealErrors_atMostOneFalseAlarm() throws IOException {
        String text = sample();
        List<Suggestion> found = new Proofreader(DRAFT_LEXICON).check(text);
        found.forEach(s -> System.out.println("SUGGESTION " + s.category() + " [" + s.start() + "," + s.end() + ") "
                + s.wrong() + " → " + s.right() + " · " + s.note() + " · …"
                + text.substring(Math.max(0, s.start() - 8), Math.min(text.length(), s.end() + 8)).replace("\n", "⏎")
                + "…"));
        assertThat(found).extracting(Suggestion::wrong).contains("民主权力", "诚勉谈话", "柠紧");
        assertThat(found).filteredOn(s -> s.wrong().equals("民主权力")).first()
                .satisfies(s -> assertThat(s.right()).isEqualTo("民主权利"));
        assertThat(found).filteredOn(s -> s.wrong().equals("诚勉谈话")).first()
                .satisfies(s -> assertThat(s.right()).isEqualTo("诫勉谈话"));
        assertThat(found).filteredOn(s -> s.wrong().equals("柠紧")).first()
                .satisfies(s -> assertThat(s.right()).isEqualTo("拧紧"));
        // "党的二十大精神" is the right wording and must not be flagged.
        assertThat(found).noneMatch(s -> s.wrong().contains("二十大"));
        for (Suggestion s : found) assertThat(text.substring(s.start(), s.end())).isEqualTo(s.wrong());
        long falseAlarms = found.stream().filter(s -> !REAL.contains(s.wrong())).count();
        System.out.println("SUGGESTIONS " + found.size() + ", outside the expected list: " + falseAlarms);
        assertThat(falseAlarms).isLessThanOrEqualTo(1);
    }
}
