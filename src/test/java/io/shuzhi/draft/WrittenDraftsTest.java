package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One colloquial interview per kind, drafted and written to {@code target/drafts/<kind>.txt} to be read the way a
 * reviewer of 公文 reads it. What a reviewer would strike at once is checked here: spoken words on the page, a
 * figure lost on the way, a gap papered over.
 */
class WrittenDraftsTest {
    private static final ReportKinds KINDS = new ReportKinds(Path.of("prompts/kinds"));

    @ParameterizedTest
    @CsvSource({"party-branch-secretary", "personal-annual", "annual-work-summary", "accountability-integrity"})
    void aColloquialInterview_draftsInTheRegister_withEveryFigure(String id) throws Exception {
        InterviewState state = switch (id) {
            case "party-branch-secretary" -> ColloquialWriters.branchSecretary("2025");
            case "personal-annual" -> ColloquialWriters.departmentHead("2025");
            case "annual-work-summary" -> ColloquialWriters.hospital("2025");
            default -> ColloquialWriters.bureauChief("2025");
        };
        ReportKind kind = KINDS.get(id);
        String text = new TemplateDrafter(DRAFT_LEXICON).write(kind, state, 1, null).toPlainText();
        Files.createDirectories(Path.of("target/drafts"));
        Files.writeString(Path.of("target/drafts/" + id + ".txt"), text + "\n（" + CharCount.of(text) + "字）\n",
                StandardCharsets.UTF_8);

        assertThat(text).as(id).doesNotContain("我们", "咱们", "搞", "弄了", "一共", "这块", "的话", "今年", "去年", "明年",
                "吧", "病人", "处里", "没有", "大概", "扎实开展党纪学习教育");
        assertThat(text).as(id).contains("扎实开展深入贯彻中央八项规定精神学习教育，");
        for (Fact f : state.facts()) {
            f.quantities().forEach(q -> {
                String shown = ItemComposer.display(q);
                // people said in 个 are counted in 人/名: "处里一共9个人" → "本处共9人"
                String number = shown.substring(0, shown.length() - 1);
                boolean people = shown.endsWith("个") && (text.contains(number + "人") || text.contains(number + "名"));
                if (!people) assertThat(text).as(f.text()).contains(shown);
            });
        }
        // every topic was answered except none: no placeholder stands where the writer said something
        assertThat(text).as(id).doesNotContain("【待补充");
    }
}
