package io.shuzhi.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shuzhi.export.ImportException.Code;
import io.shuzhi.export.ImportedReport.LastYearFact;
import io.shuzhi.export.ImportedReport.OutlinePart;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PriorReportParserTest {
    private final PriorReportParser parser = new PriorReportParser();

    private static String resource(String path) throws IOException {
        return Files.readString(Path.of("src/test/resources", path), StandardCharsets.UTF_8);
    }

    private static String sample() throws IOException {
        Path shared = Path.of("/work/shared/samples/party-branch-secretary-2022.txt");
        return Files.isRegularFile(shared) ? Files.readString(shared) : resource("samples/party-branch-secretary-2022.txt");
    }

    @Test
    void sample_isThreePart_withSectionsItemsAndPlaceholderNumbers() throws Exception {
        ImportedReport r = parser.parse(sample());
        assertThat(r.shape()).isEqualTo(ImportedReport.THREE_PART);
        assertThat(r.title()).isEqualTo("党支部书记2022年度党建工作述职报告");
        assertThat(r.year()).isEqualTo("2022");
        assertThat(r.unit()).isEqualTo("党支部");
        assertThat(r.opening()).startsWith("2022年").endsWith("现将有关情况报告如下：");
        assertThat(r.parts()).extracting(OutlinePart::role)
                .containsExactly("opening", "achievements", "issues", "measures");
        OutlinePart achievements = r.parts().get(1);
        assertThat(achievements.heading()).isEqualTo("一、履职情况及成效");
        assertThat(achievements.sections()).hasSize(4);
        assertThat(achievements.sections().get(0).ref()).isEqualTo("1.1");
        assertThat(achievements.sections().get(0).heading()).startsWith("（一）").doesNotEndWith("。");
        assertThat(achievements.sections().get(0).items()).hasSize(4).first().asString().startsWith("一是");
        OutlinePart issues = r.parts().get(2);
        assertThat(issues.sections()).isEmpty();
        assertThat(issues.items()).hasSize(3);
        assertThat(r.parts().get(3).sections()).hasSize(3);
        // The sample hides its numbers behind ** : they come back as placeholders, never as invented values.
        assertThat(r.facts()).filteredOn(LastYearFact::isPlaceholder).extracting(LastYearFact::placeholder)
                .contains("**次", "**册", "*期", "*人", "*类", "**余项", "**名", "**余人次");
        assertThat(r.facts()).filteredOn(LastYearFact::isPlaceholder)
                .filteredOn(f -> f.sectionRef().equals("1.1")).extracting(LastYearFact::placeholder)
                .containsExactly("**次", "**册", "**次", "*篇", "*期");
        assertThat(r.facts()).noneMatch(f -> f.isPlaceholder() && f.placeholder().startsWith("*个"));
        assertThat(r.facts()).allMatch(f -> f.isPlaceholder() || f.quantity() != null);
    }

    @Test
    void fourPartAccountabilityReport_isGeneric_withRolesAndNumbers() throws Exception {
        ImportedReport r = parser.parse(resource("import/four-part-accountability.txt"));
        assertThat(r.shape()).isEqualTo(ImportedReport.GENERIC);
        assertThat(r.year()).isEqualTo("2024");
        assertThat(r.unit()).isEqualTo("市农业农村局");
        assertThat(r.parts()).hasSize(5);
        assertThat(r.parts()).extracting(OutlinePart::role)
                .containsExactly("opening", "achievements", "achievements", "issues", "measures");
        assertThat(r.parts().get(1).sections()).hasSize(2);
        assertThat(r.parts().get(2).items()).hasSize(3);
        assertThat(r.facts()).filteredOn(f -> f.sectionRef().equals("1.2")).extracting(f -> f.quantity().raw())
                .contains("27项", "约40%", "2轮", "11个");
        assertThat(r.facts()).filteredOn(f -> f.sectionRef().equals("1.1")).extracting(f -> f.quantity().value())
                .contains(new BigDecimal("3"), new BigDecimal("4"));
    }

    @Test
    void reportWithoutHeadings_isGeneric_splitByWhatParagraphsTalkAbout() throws Exception {
        ImportedReport r = parser.parse(resource("import/no-headings.txt"));
        assertThat(r.shape()).isEqualTo(ImportedReport.GENERIC);
        assertThat(r.title()).isEqualTo("2023年个人工作总结");
        assertThat(r.year()).isEqualTo("2023");
        assertThat(r.opening()).startsWith("这一年");
        assertThat(r.parts()).extracting(OutlinePart::role).containsExactly("opening", "other", "issues", "measures");
        assertThat(r.facts()).extracting(f -> f.quantity().raw()).contains("86篇", "12篇", "45场", "1次", "300余人次", "20余次", "5篇");
        assertThat(r.facts()).allMatch(f -> f.sectionRef().equals("1"));
    }

    @Test
    void gbkText_isDecodedAsGb18030() throws Exception {
        byte[] gbk = resource("import/four-part-accountability.txt").getBytes(Charset.forName("GBK"));
        ImportedReport r = parser.parse(gbk, "去年述职.txt");
        assertThat(r.title()).isEqualTo("市农业农村局副局长2024年度述责述廉报告");
    }

    @Test
    void docx_isReadByParagraphs() throws Exception {
        byte[] docx = new ExportService(ExportProperties.defaults()).docx(ExportTestDrafts.threePart());
        ImportedReport r = parser.parse(docx, "report.docx");
        assertThat(r.shape()).isEqualTo(ImportedReport.THREE_PART);
        assertThat(r.year()).isEqualTo("2025");
        assertThat(r.unit()).isEqualTo("第三党支部");
        assertThat(r.parts().get(1).sections()).hasSize(3);
        assertThat(r.facts()).extracting(f -> f.quantity().raw()).contains("18次", "24篇", "15人次");
    }

    @Test
    void refusals_haveCodesAndChineseMessages() {
        assertRefused(() -> parser.parse(new byte[0], "a.txt"), Code.EMPTY);
        assertRefused(() -> parser.parse("   \n "), Code.EMPTY);
        byte[] big = new byte[PriorReportParser.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertRefused(() -> parser.parse(big, "a.txt"), Code.TOO_LARGE);
        assertRefused(() -> parser.parse("这不是文档".getBytes(StandardCharsets.UTF_8), "report.docx"), Code.NOT_DOCX);
        assertRefused(() -> parser.parse(new byte[]{'P', 'K', 3, 4, 0, 0, 1, 2}, "report.docx"), Code.NOT_DOCX);
        assertRefused(() -> parser.parse(new byte[]{1, 2, 0, 3, (byte) 0xff, 0, 7}, "photo.txt"), Code.NOT_TEXT);
        assertRefused(() -> parser.parse("今年工作很好，明年继续努力。"), Code.NOT_A_REPORT);
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertRefused(Call call, Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).matches(".*\\p{IsHan}.*");
        });
    }
}
