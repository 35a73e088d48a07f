package io.shuzhi.draft.refine;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.prompts.PromptFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RefineWordsTest {
    private static final Draft DRAFT = new TemplateDrafter(DRAFT_LEXICON).write(
            new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary"),
            InterviewState.start().withProfile("县税务局机关第一党支部", "2024"), 1, null);
    private static final String GENERIC = PromptFiles.read(RefineWords.GENERIC);

    @Test
    void shippedLists_haveThreePartsAndTheGenericPairs() {
        RefineWords words = RefineWords.load();
        assertThat(words.partGroups()).hasSize(3);
        assertThat(words.partGroups().get(1)).contains("问题", "不足");
        // 工作情况 is looked for in headings, but "工作情况部分" is not how a writer names a part
        assertThat(words.partGroups().get(0)).contains("工作情况");
        assertThat(words.spoken()).contains("成效", "下步").doesNotContain("工作情况", "方向");
        assertThat(words.generic()).contains("支部", "党建");
    }

    @Test
    void aSpokenWordAddedToTheFile_namesItsPart() {
        RefineParser shipped = new RefineParser(RefineWords.load(), LEXICON.intents());
        assertThat(shipped.parse("短处部分再具体些", DRAFT)).isInstanceOf(RefineParser.Ambiguous.class);

        String groups = PromptFiles.read(RefineWords.PART_GROUPS) + "problems\t短处\tyes\n";
        RefineParser edited = new RefineParser(RefineWords.parse(groups, GENERIC), LEXICON.intents());
        assertThat(((RefineParser.Resolved) edited.parse("短处部分再具体些", DRAFT)).refinement().target())
                .isEqualTo(Target.of(Scope.PART, "2"));
    }

    @Test
    void malformedLine_namesTheFileAndLine() {
        assertThatThrownBy(() -> RefineWords.parse("# columns\nproblems\t问题\n", GENERIC))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prompts/refine/part-groups.tsv:2");
        assertThatThrownBy(() -> RefineWords.parse("problems\t问题\tmaybe\n", GENERIC))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("yes or no");
        assertThatThrownBy(() -> RefineWords.parse(PromptFiles.read(RefineWords.PART_GROUPS), "# nothing\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("generic-words.tsv: no entries");
    }
}
