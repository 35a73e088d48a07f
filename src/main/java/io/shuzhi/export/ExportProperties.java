package io.shuzhi.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Layout choices an office may want to change ({@code shuzhi.export.*}); everything else follows GB/T 9704 and is fixed
 * in {@link GongwenLayout}. See docs/export.md.
 *
 * @param lineSpacingPt fixed line spacing in points: 28.95 = 225 mm / 22 lines (GB/T 9704 §5.2.3); offices use 28–29.5
 * @param titleFont     2号 title typeface (default 方正小标宋简体; the .docx names 华文中宋 as its fallback)
 * @param bodyFont      3号 body typeface (default 仿宋_GB2312, fallback 仿宋/FangSong)
 * @param headingFont   level-one heading typeface (default 黑体/SimHei)
 * @param runInFont     level-two run-in heading typeface (default 楷体_GB2312, fallback 楷体/KaiTi)
 * @param latinFont     digits and Latin letters (default Times New Roman)
 */
@ConfigurationProperties("shuzhi.export")
record ExportProperties(Double lineSpacingPt, String titleFont, String bodyFont, String headingFont,
                               String runInFont, String latinFont) {
    public ExportProperties {
        lineSpacingPt = lineSpacingPt == null ? GongwenLayout.DEFAULT_LINE_PT : lineSpacingPt;
        if (lineSpacingPt < 20 || lineSpacingPt > 40) {
            throw new IllegalArgumentException("shuzhi.export.line-spacing-pt must be between 20 and 40, was " + lineSpacingPt);
        }
        titleFont = orDefault(titleFont, GongwenLayout.TITLE_FONT);
        bodyFont = orDefault(bodyFont, GongwenLayout.BODY_FONT);
        headingFont = orDefault(headingFont, GongwenLayout.HEADING_FONT);
        runInFont = orDefault(runInFont, GongwenLayout.RUN_IN_FONT);
        latinFont = orDefault(latinFont, GongwenLayout.LATIN_FONT);
    }

    /** The GB/T 9704 defaults. */
    public static ExportProperties defaults() {
        return new ExportProperties(null, null, null, null, null, null);
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v.strip();
    }
}
