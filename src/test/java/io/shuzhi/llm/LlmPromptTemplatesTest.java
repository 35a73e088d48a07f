package io.shuzhi.llm;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompt files: loaded by name, variables checked at load and at render. */
class LlmPromptTemplatesTest {

    @Test
    void theShippedPrompts_load_andRender() {
        var p = new PromptTemplates(Path.of("prompts"));
        String s = p.render("interview", Map.of("kind_name", "K", "recorded", "R", "next_question", "Q",
                "next_section", "S", "message", "M"));
        assertThat(s).contains("《K》").doesNotContain("{{");
        assertThat(p.style("personal-annual")).isPresent();
        assertThat(p.style("no-such-kind")).isEmpty();
    }

    @Test
    void styleGuide_carriesTheReportYearsFormulations_andNoSlotReachesTheModel() {
        var p = new PromptTemplates(Path.of("prompts"));
        var kind = new io.shuzhi.interview.ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");
        String y2025 = LlmDraftWriter.style(p, kind, "2025", DRAFT_LEXICON.years());
        assertThat(y2025).contains("深入贯彻中央八项规定精神学习教育", "“十四五”规划收官之年").doesNotContain("{{");
        String y2026 = LlmDraftWriter.style(p, kind, "2026年", DRAFT_LEXICON.years());
        assertThat(y2026).contains("“十五五”开局之年", "树立和践行正确政绩观学习教育").doesNotContain("{{");
        assertThat(LlmDraftWriter.style(p, kind, "2022", DRAFT_LEXICON.years())).contains("不写任何年份特定的学习教育名称").doesNotContain("{{");
        assertThat(LlmDraftWriter.style(p, kind, null, DRAFT_LEXICON.years())).doesNotContain("{{");
    }

    @Test
    void startupFails_onAStyleGuideWithAnUnknownSlot(@TempDir Path dir) throws Exception {
        for (String name : PromptTemplates.REQUIRED.keySet()) {
            Files.copy(Path.of("prompts", name + ".md"), dir.resolve(name + ".md"));
        }
        Files.createDirectories(dir.resolve("style"));
        Files.writeString(dir.resolve("style/party-branch-secretary.md"), "# 文风\n{{year_notes}}\n{{yearNotes}}\n");
        assertThatThrownBy(() -> new PromptTemplates(dir)).hasMessageContaining("party-branch-secretary.md")
                .hasMessageContaining("yearNotes");
    }

    @Test
    void renderFails_onAMissingOrUnknownVariable() {
        var p = new PromptTemplates(Path.of("prompts"));
        assertThatThrownBy(() -> p.render("interview", Map.of("kind_name", "K")))
                .hasMessageContaining("not given");
        assertThatThrownBy(() -> p.render("system", Map.of("oops", "x"))).hasMessageContaining("oops");
        assertThatThrownBy(() -> p.render("nope", Map.of())).hasMessageContaining("nope");
    }

    @Test
    void startupFails_onAFileWithAnUnknownVariable(@TempDir Path dir) throws Exception {
        for (String name : PromptTemplates.REQUIRED.keySet()) {
            Files.copy(Path.of("prompts", name + ".md"), dir.resolve(name + ".md"));
        }
        Files.writeString(dir.resolve("extract.md"), Files.readString(dir.resolve("extract.md")) + "{{typo}}");
        assertThatThrownBy(() -> new PromptTemplates(dir)).hasMessageContaining("extract.md").hasMessageContaining("typo");
        Files.copy(Path.of("prompts", "extract.md"), dir.resolve("extract.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        new PromptTemplates(dir);
        Files.delete(dir.resolve("system.md"));
        assertThatThrownBy(() -> new PromptTemplates(dir)).hasMessageContaining("system.md");
    }
}
