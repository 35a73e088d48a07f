package io.shuzhi.export;

import static io.shuzhi.support.Tables.LEXICON;
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
    private final PriorReportParser parser = new PriorReportParser(LEXICON);

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

    // ----- what writers really have (issue 18) ------------------------------------------------------------------

    @Test
    void docAndWps_areRefusedPlainly_withHowToSaveAsDocx() {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        assertRefused(() -> parser.parse(ole, "去年述职.doc"), Code.OLD_FORMAT);
        assertThatThrownBy(() -> parser.parse(ole, "去年述职.doc")).hasMessageContaining(".doc")
                .hasMessageContaining("另存为").hasMessageContaining("Word 文档（*.docx）").hasMessageContaining("复制粘贴");
        assertThatThrownBy(() -> parser.parse(ole, "去年述职.wps")).hasMessageContaining(".wps")
                .hasMessageContaining("WPS 文字").hasMessageContaining("*.docx");
        // An old Word file renamed to .txt is still an old Word file.
        assertThatThrownBy(() -> parser.parse(ole, "report.txt")).isInstanceOfSatisfying(ImportException.class,
                e -> assertThat(e.code()).isEqualTo(Code.OLD_FORMAT));
    }

    @Test
    void docxWithTrackedChanges_readsTheFinalText() throws Exception {
        byte[] docx;
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("县卫生健康局党组成员、副局长2024年度述责述廉报告");
            var p = doc.createParagraph();
            p.createRun().setText("2024年，本人认真履行“一岗双责”，组织观看警示教育片");
            var del = p.getCTP().addNewDel();
            del.setId(java.math.BigInteger.ONE);
            del.setAuthor("审核人");
            del.addNewR().addNewDelText().setStringValue("3次");
            var ins = p.getCTP().addNewIns();
            ins.setId(java.math.BigInteger.TWO);
            ins.setAuthor("审核人");
            ins.addNewR().addNewT().setStringValue("2次");
            p.getCTP().addNewR().addNewT().setStringValue("，剖析典型案例6个，抓好药品采购、工程项目等重点环节的廉政风险防控，督促分管科室逐项整改。");
            doc.createParagraph().createRun().setText("一、履行全面从严治党主体责任情况");
            doc.createParagraph().createRun().setText("与分管的4个科室签订责任书，召开廉政形势分析会3次，对分管领域的苗头性问题早提醒早纠正。");
            doc.write(out);
            docx = out.toByteArray();
        }
        ImportedReport r = parser.parse(docx, "修订稿.docx");
        assertThat(r.opening()).contains("警示教育片2次，剖析").doesNotContain("3次2次").doesNotContain("片3次");
        assertThat(r.facts()).extracting(f -> f.quantity() == null ? f.placeholder() : f.quantity().raw())
                .contains("2次").doesNotContain("3次2次");
    }

    @Test
    void maskedFigures_XXTimesAndStars_areUnknownFigures_notNumbers() throws Exception {
        ImportedReport r = parser.parse(resource("import/branch-2025.txt"));
        assertThat(r.facts()).filteredOn(LastYearFact::isPlaceholder).extracting(LastYearFact::placeholder)
                .containsExactlyInAnyOrder("XX次", "××次", "**次");
        assertThat(r.facts()).filteredOn(f -> !f.isPlaceholder()).extracting(f -> f.quantity().raw())
                .contains("12次", "40册", "4次", "1名", "15件").doesNotContain("XX次");
        ImportedReport four = parser.parse(resource("import/integrity-2024.txt"));
        assertThat(four.facts()).filteredOn(LastYearFact::isPlaceholder).extracting(LastYearFact::placeholder)
                .containsExactly("×份");
        // A masked place name is not a figure.
        assertThat(PriorReportParser.PLACEHOLDER.matcher("××市委组织部").find()).isFalse();
        assertThat(PriorReportParser.PLACEHOLDER.matcher("完成投资X.X亿元").find()).isTrue();
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
