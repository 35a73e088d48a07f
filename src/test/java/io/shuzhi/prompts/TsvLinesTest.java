package io.shuzhi.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule files' readers differ in small ways that their files rely on; these pin each one. */
class TsvLinesTest {
    private static List<String> shown(List<TsvLines.Line> lines) {
        return lines.stream().map(l -> l.line() + ":" + String.join("|", l.cols())).toList();
    }

    @Test
    void of_numbersLinesAsWritten_dropsCarriageReturns_keepsTrailingEmptyColumns() {
        String content = "# comment\r\n\r\n a\tb\t\r\n  \n  # data\tx\nc\rd\te\n";
        assertThat(shown(TsvLines.of(content))).containsExactly("3: a|b|", "5:  # data|x", "6:cd|e");
    }

    @Test
    void of_withCommentTest_letsHashStartData() {
        String content = "# comment\n#Q\t共计\n#\n#-\tx\n";
        assertThat(shown(TsvLines.of(content, l -> l.equals("#") || l.startsWith("# ") || l.startsWith("#-"))))
                .containsExactly("2:#Q|共计");
    }

    @Test
    void stripped_stripsEachLine_soIndentedCommentsAndTrailingTabsGo() {
        String content = "  # comment\r\n\ta\tb\t\n\n  c\td  \re\n";
        assertThat(shown(TsvLines.stripped(content))).containsExactly("2:a|b", "4:c|d", "5:e");
    }

    @Test
    void where_namesFileAndLine() {
        assertThat(TsvLines.of("\nx\ty\n").get(0).where("f.tsv")).isEqualTo("f.tsv:2");
    }
}
