package io.shuzhi.export;

import static io.shuzhi.export.GongwenLayout.*;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Section;
import java.util.Locale;

/**
 * The draft as HTML with inline 公文 styles. Word and WPS keep inline styles on paste (and read the mso-* ones), so the
 * fragment is what the page's copy button puts on the clipboard as text/html; the standalone document wraps the same
 * fragment for download.
 */
final class HtmlWriter {
    private final ExportProperties props;

    HtmlWriter(ExportProperties props) {
        this.props = props;
    }

    /** The paragraphs only, inside one div: for the clipboard. */
    String fragment(Draft draft) {
        var out = new StringBuilder("<div class=\"shuzhi-draft\" style=\"color:#000;\">");
        for (Section s : draft.sections()) {
            if (s.ref().equals("title")) {
                for (String line : lines(s.heading())) {
                    out.append(p("text-align:center;", 0));
                    var parts = TitleLines.split(line, DocxWriter.TITLE_CHARS_PER_LINE);
                    for (int i = 0; i < parts.size(); i++) {
                        out.append(i > 0 ? "<br>" : "").append(span(props.titleFont(), TITLE_PT, parts.get(i)));
                    }
                    out.append("</p>");
                }
                out.append(p("", 0)).append("&nbsp;</p>");
            } else if (s.level() == 2 && !s.heading().isEmpty()) {
                String heading = s.heading().strip();
                if (!heading.endsWith("。")) heading += "。";
                out.append(p("text-align:justify;", 2)).append(span(props.runInFont(), BODY_PT, heading));
                String body = String.join("", lines(s.body()));
                if (!body.isEmpty()) out.append(span(props.bodyFont(), BODY_PT, body));
                out.append("</p>");
            } else {
                if (!s.heading().isEmpty()) {
                    out.append(p("text-align:justify;", 2)).append(span(props.headingFont(), BODY_PT, s.heading()))
                            .append("</p>");
                }
                for (String line : lines(s.body())) {
                    out.append(p("text-align:justify;", 2)).append(span(props.bodyFont(), BODY_PT, line)).append("</p>");
                }
            }
        }
        return out.append("</div>").toString();
    }

    /** A whole page: A4 with the GB/T 9704 margins for printing, the 156 mm text block on screen. */
    String document(Draft draft) {
        String title = escape(draft.title().isBlank() ? "述职报告" : draft.title());
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n"
                + "<style>@page{size:A4;margin:" + mm(TOP_MM) + " " + mm(RIGHT_MM) + " " + mm(BOTTOM_MM) + " "
                + mm(LEFT_MM) + ";}body{margin:0;background:#fff;}"
                + ".shuzhi-draft{width:" + mm(BLOCK_WIDTH_MM) + ";margin:" + mm(TOP_MM) + " auto;}"
                + "@media print{.shuzhi-draft{margin:0;}}</style>\n</head>\n<body>\n" + fragment(draft) + "\n</body>\n</html>\n";
    }

    private String p(String extra, int indentChars) {
        return "<p style=\"margin:0;" + extra + "text-indent:" + indentChars + "em;line-height:" + pt(props.lineSpacingPt())
                + ";mso-line-height-rule:exactly;font-size:" + pt(BODY_PT) + ";\">";
    }

    private String span(String font, double size, String text) {
        // The Chinese faces first: with Times New Roman first a browser sets “ ” in its narrow Latin quotes. Word and
        // WPS take digits and Latin from mso-ascii-font-family all the same.
        return "<span style=\"font-family:" + cssStack(font).replace(",serif", "").replace(",sans-serif", "").replace("\"", "&quot;")
                + ",&quot;" + props.latinFont() + "&quot;," + (font.contains("黑") ? "sans-serif" : "serif")
                + ";mso-fareast-font-family:&quot;" + font + "&quot;;mso-ascii-font-family:&quot;" + props.latinFont()
                + "&quot;;mso-hansi-font-family:&quot;" + props.latinFont() + "&quot;;font-size:" + pt(size)
                + ";color:#000;\">" + escape(text) + "</span>";
    }

    private static String[] lines(String text) {
        return text.isBlank() ? new String[0] : text.strip().split("\\s*\\n\\s*");
    }

    static String escape(String s) {
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String pt(double v) {
        return String.format(Locale.ROOT, "%spt", trim(v));
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%smm", trim(v));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
