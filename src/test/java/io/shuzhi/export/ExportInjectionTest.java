package io.shuzhi.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftFormats;
import io.shuzhi.draft.Section;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * Text that would be markup, links or Word fields somewhere (pasted by a writer, or written by a model) stays text in
 * every export: HTML escaped, Markdown escaped, and in .docx plain runs — no field a Word/WPS user could trigger.
 */
class ExportInjectionTest {
    static final String HTML = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    static final String MARKDOWN = "[点此领取](javascript:alert(1)) ![t](http://tracker.example/p.png) <b>粗</b> # 标题 **x** `c`";
    static final String FIELDS = "{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\" } { HYPERLINK \"http://evil.example\" }"
            + " { INCLUDETEXT \"C:\\\\secret.txt\" } <w:fldSimple w:instr=\"DDE cmd\"/>";
    static final String CONTROL = "控制字符\u0001\u0008\u000B\u000C\u0013\u0014\u0015\uFFFE\uD800结束";

    private final ExportService exports = new ExportService(ExportProperties.defaults());

    private static Draft hostile() {
        return new Draft("party-branch-secretary", 1, List.of(
                new Section("title", 0, "市局" + HTML + "述职报告", ""),
                new Section("opening", 1, "", "开头。" + MARKDOWN),
                new Section("1", 1, "一、履职情况及成效", ""),
                new Section("1.1", 2, "（一）" + HTML, "一是" + FIELDS + "。二是" + CONTROL + "。"),
                new Section("2", 1, "二、存在问题和不足", MARKDOWN + "\n# 第二行" + HTML)));
    }

    @Test
    void html_escapesEveryTag_andAttribute() {
        String html = new String(exports.render(hostile(), ExportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void markdown_showsTheTextAsWritten_noLinkImageTagOrHeading() {
        String md = DraftFormats.markdown(hostile());
        // No live link, image, raw tag or heading made from the writer's text.
        // (A mark preceded by a backslash is shown as itself.)
        assertThat(md).doesNotContainPattern("(?<!\\\\)\\]\\(").doesNotContainPattern("(?<!\\\\)!(?<!\\\\)\\[")
                .doesNotContainPattern("(?<!\\\\)<(script|b|img)").doesNotContain("\n# 第二行");
        // What a reader of the rendered file sees is the text itself (escapes undone).
        String shown = md.replaceAll("\\\\([\\\\`*_\\[\\]<>!#|~{}()])", "$1");
        assertThat(shown).contains(MARKDOWN).contains("<script>alert(1)</script>");
        assertThat(md).startsWith("# 市局");
    }

    @Test
    void docx_hasNoFieldButThePageNumber_andStaysAValidDocument() throws Exception {
        byte[] docx = exports.render(hostile(), ExportFormat.DOCX);
        StringBuilder body = new StringBuilder();
        StringBuilder footers = new StringBuilder();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().equals("word/document.xml")) body.append(xml);
                if (e.getName().startsWith("word/footer")) footers.append(xml);
            }
        }
        assertThat(body.toString()).doesNotContain("<w:instrText").doesNotContain("<w:fldSimple")
                .doesNotContain("<w:fldChar").doesNotContain("<w:hyperlink");
        // The only field: the page number in the footers.
        assertThat(footers.toString().replaceAll("(?s).*?<w:instrText[^>]*>([^<]*)</w:instrText>.*?", "$1|"))
                .doesNotContain("DDE").doesNotContain("HYPERLINK").doesNotContain("INCLUDE");
        // XML 1.0 has no place for control characters: the file opens, and the writer's words are there.
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            assertThat(text).contains("DDEAUTO").contains("控制字符").contains("结束").contains("<script>");
        }
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
