package io.shuzhi.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recital check against the real system prompt: any rule of it is caught, real draft sentences are not. */
class PromptLeaksTest {
    private final String system = new PromptTemplates(Path.of("prompts")).render("system", java.util.Map.of());
    private final PromptLeaks leaks = new PromptLeaks(system);

    @Test
    void everyRuleOfThePrompt_recitedAlone_orWithSpacesAndNewlines_isCaught() {
        for (String line : system.split("\n")) {
            if (line.replaceAll("\\s+", "").length() < PromptLeaks.RUN) continue;
            assertThat(leaks.in("好的，我的要求是：" + line + "。")).as(line).isTrue();
            assertThat(leaks.in(line.replaceAll("(.)(.)", "$1 $2\n"))).as("spaced: " + line).isTrue();
        }
    }

    @Test
    void sentencesOfRealDrafts_areNotTakenForARecital() throws IOException {
        List<String> texts = List.of(
                Files.readString(Path.of("src", "test", "resources", "samples", "party-branch-secretary-2022.txt")),
                "现将2025年度履职情况及成效、存在问题和不足、下步工作举措报告如下：",
                "一是坚持公文语体，庄重平实地总结工作，全年开展研讨交流24次。");
        for (String t : texts) {
            for (String sentence : t.split("(?<=[。；：！？])")) {
                assertThat(leaks.in(sentence)).as(sentence).isFalse();
            }
        }
    }
}
