package io.shuzhi.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.draft.Draft;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

class ExportServiceDocxTest {
    private final ExportService exports = new ExportService(ExportProperties.defaults());
    private final Draft draft = ExportTestDrafts.threePart();

    private XWPFDocument read(byte[] bytes) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static long num(Object v) {
        return ((BigInteger) v).longValue();
    }

    @Test
    void docx_hasA4PageAndGbMargins() throws IOException {
        try (XWPFDocument doc = read(exports.docx(draft))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(num(sect.getPgSz().getW())).isEqualTo(11906); // 210 mm
            assertThat(num(sect.getPgSz().getH())).isEqualTo(16838); // 297 mm
            assertThat(num(sect.getPgMar().getTop())).isEqualTo(2098); // 37 mm
            assertThat(num(sect.getPgMar().getLeft())).isEqualTo(1587); // 28 mm
            assertThat(num(sect.getPgMar().getRight())).isEqualTo(1474); // 26 mm
            assertThat(num(sect.getPgMar().getBottom())).isEqualTo(1984); // 35 mm
            // The text block is 156 × 225 mm (±1 twip of rounding).
            long blockW = 11906 - num(sect.getPgMar().getLeft()) - num(sect.getPgMar().getRight());
            long blockH = 16838 - num(sect.getPgMar().getTop()) - num(sect.getPgMar().getBottom());
            assertThat(blockW).isBetween(8843L, 8845L);
            assertThat(blockH).isBetween(12755L, 12757L);
            // 22 lines a page; no character grid (LibreOffice gives a 16 pt glyph two cells of a 15.79 pt grid).
            assertThat(sect.getDocGrid().getType()).isEqualTo(STDocGrid.LINES);
            assertThat(num(sect.getDocGrid().getLinePitch())).isEqualTo(12756 / 22);
            assertThat(sect.getDocGrid().isSetCharSpace()).isFalse();
        }
    }

    @Test
    void docx_titleIs22ptXiaobiaosongCentred() throws IOException {
        try (XWPFDocument doc = read(exports.docx(draft))) {
            XWPFParagraph title = doc.getParagraphs().get(0);
            // Too long for one 2号 line (about 20 characters): broken between phrases, in one paragraph.
            assertThat(title.getText()).isEqualTo("第三党支部书记2025年度\n抓基层党建工作述职报告");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            XWPFRun r = title.getRuns().get(0);
            assertFonts(r, "方正小标宋简体");
            assertThat(r.getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(r.getColor()).isEqualTo("000000");
            assertThat(doc.getParagraphs().get(1).getText()).isEmpty();
        }
    }

    @Test
    void docx_bodyIs16ptFangsongWithFixedSpacingAndTwoCharIndent() throws IOException {
        try (XWPFDocument doc = read(exports.docx(draft))) {
            XWPFParagraph opening = doc.getParagraphs().get(2);
            assertThat(opening.getText()).startsWith("2025年");
            XWPFRun r = opening.getRuns().get(0);
            assertFonts(r, "仿宋_GB2312");
            assertThat(r.getFontSizeAsDouble()).isEqualTo(16.0);
            for (XWPFParagraph p : doc.getParagraphs().subList(1, doc.getParagraphs().size())) {
                var spacing = p.getCTP().getPPr().getSpacing();
                assertThat(spacing.getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
                assertThat(num(spacing.getLine())).isEqualTo(579); // 28.95 pt
                if (p.getText().isEmpty()) continue;
                var ind = p.getCTP().getPPr().getInd();
                assertThat(num(ind.getFirstLineChars())).isEqualTo(200);
                assertThat(num(ind.getFirstLine())).isEqualTo(640); // 2 × 16 pt
            }
        }
    }

    @Test
    void docx_levelOneHeadingIsHeiti_levelTwoRunsInKaitiThenFangsong() throws IOException {
        try (XWPFDocument doc = read(exports.docx(draft))) {
            XWPFParagraph part = find(doc, "一、履职情况及成效");
            assertThat(part.getRuns()).hasSize(1);
            assertFonts(part.getRuns().get(0), "黑体");
            XWPFParagraph section = find(doc, "（一）抓理论武装");
            assertThat(section.getText()).startsWith("（一）抓理论武装，思想根基更牢。一是落实");
            assertThat(section.getRuns()).hasSize(2);
            assertFonts(section.getRuns().get(0), "楷体_GB2312");
            assertThat(section.getRuns().get(0).text()).endsWith("。");
            assertFonts(section.getRuns().get(1), "仿宋_GB2312");
            assertThat(section.getRuns().get(1).getFontSizeAsDouble()).isEqualTo(16.0);
            // An itemized part: heading paragraph, then its items as a body paragraph.
            XWPFParagraph issues = find(doc, "二、存在问题和不足");
            int at = doc.getParagraphs().indexOf(issues);
            assertThat(doc.getParagraphs().get(at + 1).getText()).startsWith("一是理论学习");
        }
    }

    @Test
    void docx_footersShowDashPageDash_oddRightEvenLeft() throws IOException {
        try (XWPFDocument doc = read(exports.docx(draft))) {
            assertThat(doc.getEvenAndOddHeadings()).isTrue();
            var policy = doc.getHeaderFooterPolicy();
            XWPFFooter odd = policy.getDefaultFooter();
            XWPFFooter even = policy.getEvenPageFooter();
            assertThat(odd).isNotNull();
            assertThat(even).isNotNull();
            assertPageNumber(odd.getParagraphs().get(0), ParagraphAlignment.RIGHT);
            assertPageNumber(even.getParagraphs().get(0), ParagraphAlignment.LEFT);
            assertThat(num(odd.getParagraphs().get(0).getCTP().getPPr().getInd().getRight())).isEqualTo(280);
            assertThat(num(even.getParagraphs().get(0).getCTP().getPPr().getInd().getLeft())).isEqualTo(280);
        }
    }

    @Test
    void docx_namesFallbackFontsInFontTable() throws Exception {
        try (XWPFDocument doc = read(exports.docx(draft))) {
            var part = doc.getPackage().getPartsByName(java.util.regex.Pattern.compile("/word/fontTable.xml"));
            assertThat(part).hasSize(1);
            String xml = new String(part.get(0).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xml).contains("w:name=\"方正小标宋简体\"><w:altName w:val=\"华文中宋\"/>")
                    .contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>")
                    .contains("w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/>");
            // What kind of face each is, for a reader that substitutes: serif for 宋/仿宋/楷, sans for 黑, GB2312.
            assertThat(xml).contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/><w:family w:val=\"roman\"/>")
                    .contains("w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/><w:family w:val=\"swiss\"/>")
                    .doesNotContain("w:val=\"fixed\"").contains("w:csb0=\"00040001\"");
        }
    }

    @Test
    void docx_lineSpacingIsConfigurable() throws IOException {
        var loose = new ExportService(new ExportProperties(29.5, null, "方正仿宋_GBK", null, null, null));
        try (XWPFDocument doc = read(loose.docx(draft))) {
            XWPFParagraph opening = doc.getParagraphs().get(2);
            assertThat(num(opening.getCTP().getPPr().getSpacing().getLine())).isEqualTo(590);
            assertFonts(opening.getRuns().get(0), "方正仿宋_GBK");
        }
    }

    /** Renders page 1 through LibreOffice into target/export/page-1.png when soffice is installed. */
    @Test
    void docx_rendersInLibreOffice() throws Exception {
        String soffice = onPath("soffice");
        String pdftoppm = onPath("pdftoppm");
        Assumptions.assumeTrue(soffice != null && pdftoppm != null,
                "SKIPPED: soffice or pdftoppm not on PATH — apt-get install -y libreoffice-writer poppler-utils to render target/export/page-1.png");
        Path dir = Path.of("target/export");
        Files.createDirectories(dir);
        Path docx = dir.resolve("draft.docx");
        Files.write(docx, exports.docx(draft));
        Files.writeString(dir.resolve("draft.html"), exports.html(draft));
        Path profile = Files.createTempDirectory("lo-profile");
        run(List.of(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", dir.toString(), docx.toString()));
        Path pdf = dir.resolve("draft.pdf");
        assertThat(pdf).exists();
        run(List.of(pdftoppm, "-png", "-r", "100", pdf.toString(), dir.resolve("page").toString()));
        Path png = Files.exists(dir.resolve("page-1.png")) ? dir.resolve("page-1.png") : dir.resolve("page-01.png");
        assertThat(png).exists();
        if (!png.getFileName().toString().equals("page-1.png")) Files.copy(png, dir.resolve("page-1.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("rendered " + dir.resolve("page-1.png").toAbsolutePath());
    }

    /**
     * The .docx as LibreOffice lays it out with the fonts a Linux desktop has (Noto CJK; none of the office faces):
     * measured from the PDF's text positions, every full line of body text holds at least 26 characters (28 in Word,
     * 26 on a paragraph's indented first line), and the title breaks between phrases.
     */
    @Test
    void docx_inLibreOfficeWithLinuxFonts_fullLinesHold26Characters_andTheTitleBreaksBetweenPhrases() throws Exception {
        String soffice = onPath("soffice");
        String pdftotext = onPath("pdftotext");
        Assumptions.assumeTrue(soffice != null && pdftotext != null,
                "SKIPPED: soffice or pdftotext not on PATH — apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk");
        Path dir = Files.createDirectories(Path.of("target/export/lines"));
        Path docx = dir.resolve("draft.docx");
        Files.write(docx, exports.docx(draft));
        Path profile = Files.createTempDirectory("lo-profile");
        run(List.of(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", dir.toString(), docx.toString()));
        Process p = new ProcessBuilder(pdftotext, "-bbox", "-f", "1", "-l", "2", dir.resolve("draft.pdf").toString(), "-")
                .redirectErrorStream(true).start();
        String bbox = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        var lines = PdfLines.of(bbox);
        double left = 28 / 25.4 * 72, right = left + 156 / 25.4 * 72;
        var body = lines.stream().filter(l -> l.height() < 24).toList(); // 16 pt text (≈21 pt boxes), not the 22 pt title (≈29)
        var full = body.stream().filter(l -> l.xMax() > right - 16 && l.xMin() < left + 40).toList();
        var counts = full.stream().map(l -> l.text().codePointCount(0, l.text().length())).toList();
        System.out.println("MEASURE characters per full body line in LibreOffice (pages 1-2): " + counts);
        assertThat(full).as("full body lines found").hasSizeGreaterThan(10);
        assertThat(counts).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(26));

        var title = lines.stream().filter(l -> l.height() >= 24).map(PdfLines.Line::text).toList();
        System.out.println("MEASURE title lines in LibreOffice: " + title);
        assertThat(String.join("", title)).isEqualTo(draft.title());
        assertThat(title).hasSize(2);
        assertThat(title.get(0)).endsWith("2025年度");
        assertThat(title.get(1)).startsWith("抓").endsWith("述职报告");
    }

    @Test
    void html_setsChineseFacesBeforeTimes_soQuotesAreFullWidth_andKeepsTheWordHints() {
        String html = exports.clipboardHtml(draft);
        // Every span names a Chinese face first (a browser takes “ ” from the first face that has them).
        var spans = java.util.regex.Pattern.compile("<span style=\"font-family:(.*?);mso-").matcher(html);
        int n = 0;
        while (spans.find()) {
            n++;
            assertThat(spans.group(1)).doesNotStartWith("&quot;Times").contains("Noto").contains("Times New Roman");
        }
        assertThat(n).isGreaterThan(10);
        assertThat(html).contains("mso-fareast-font-family:&quot;仿宋_GB2312&quot;")
                .contains("mso-ascii-font-family:&quot;Times New Roman&quot;").contains("mso-line-height-rule:exactly");
        // The title broken where the .docx breaks it.
        assertThat(html).contains("第三党支部书记2025年度</span><br><span");
    }

    @Test
    void titleLines_breakBetweenPhrases_orNotAtAll() {
        assertThat(TitleLines.split("第三党支部书记2025年度抓基层党建工作述职报告", 20))
                .containsExactly("第三党支部书记2025年度", "抓基层党建工作述职报告");
        assertThat(TitleLines.split("2025年度个人述职报告", 20)).containsExactly("2025年度个人述职报告");
        assertThat(TitleLines.split("市水务局党组书记、局长2025年度述责述廉报告", 20))
                .containsExactly("市水务局党组书记、局长", "2025年度述责述廉报告");
        assertThat(TitleLines.split("市第一人民医院内科党支部书记2024年度抓基层党建工作述职报告", 20))
                .containsExactly("市第一人民医院内科党支部书记", "2024年度抓基层党建工作述职报告");
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static String onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    private static XWPFParagraph find(XWPFDocument doc, String start) {
        return doc.getParagraphs().stream().filter(p -> p.getText().startsWith(start)).findFirst().orElseThrow();
    }

    private static void assertFonts(XWPFRun r, String eastAsia) {
        CTRPr rPr = r.getCTR().getRPr();
        CTFonts f = rPr.getRFontsArray(0);
        assertThat(f.getEastAsia()).isEqualTo(eastAsia);
        assertThat(f.getAscii()).isEqualTo("Times New Roman");
        assertThat(f.getHAnsi()).isEqualTo("Times New Roman");
        assertThat(f.getCs()).isEqualTo("Times New Roman");
        assertThat(r.getColor()).isEqualTo("000000");
    }

    private static void assertPageNumber(XWPFParagraph p, ParagraphAlignment align) {
        assertThat(p.getAlignment()).isEqualTo(align);
        String xml = p.getCTP().xmlText();
        assertThat(xml).contains("fldCharType=\"begin\"").contains(" PAGE ").contains("fldCharType=\"end\"");
        // The paragraph reads "— PAGE —" with the field's cached value 1.
        var text = new StringBuilder();
        for (var r : p.getCTP().getRList()) {
            if (r.sizeOfInstrTextArray() > 0) text.append(r.getInstrTextArray(0).getStringValue().strip());
            else if (r.sizeOfTArray() > 0 && !r.getTArray(0).getStringValue().equals("1")) text.append(r.getTArray(0).getStringValue());
        }
        assertThat(text.toString()).isEqualTo("— PAGE —");
        for (var r : p.getCTP().getRList()) {
            CTFonts f = r.getRPr().getRFontsArray(0);
            assertThat(f.getEastAsia()).isEqualTo("宋体");
            assertThat(f.getAscii()).isEqualTo("宋体");
            assertThat(num(r.getRPr().getSzArray(0).getVal())).isEqualTo(28); // 14 pt
        }
    }
}
