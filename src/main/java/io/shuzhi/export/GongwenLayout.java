package io.shuzhi.export;

import java.util.Map;

/** The GB/T 9704-2012 numbers the exports use, in one place (docs/export.md explains each one). */
final class GongwenLayout {
    private GongwenLayout() {
    }

    // §5.1 A4 paper; §5.2.1 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm → right 26 mm, bottom 35 mm.
    static final double PAGE_WIDTH_MM = 210;
    static final double PAGE_HEIGHT_MM = 297;
    static final double TOP_MM = 37;
    static final double LEFT_MM = 28;
    static final double BLOCK_WIDTH_MM = 156;
    static final double BLOCK_HEIGHT_MM = 225;
    static final double RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - BLOCK_WIDTH_MM;
    static final double BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - BLOCK_HEIGHT_MM;
    // §7.5: the page number sits 7 mm below the block. Word measures the footer from the page edge to the footer's
    // bottom, so 35 − 7 − one 14 pt line (≈ 5 mm) ≈ 23 mm puts the number's top 7 mm under the block.
    static final double FOOTER_MM = 23;
    static final double HEADER_MM = 15;

    // §5.2.3: 22 lines of 28 characters fill the block.
    static final int LINES_PER_PAGE = 22;
    static final int CHARS_PER_LINE = 28;
    static final double DEFAULT_LINE_PT = 28.95;

    // §5.2.2 3号 = 16 pt body; §7.3.1 2号 = 22 pt title; §7.5 4号 = 14 pt page numbers.
    static final double BODY_PT = 16;
    static final double TITLE_PT = 22;
    static final double PAGE_NUMBER_PT = 14;

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String RUN_IN_FONT = "楷体_GB2312";
    static final String PAGE_NUMBER_FONT = "宋体";
    static final String LATIN_FONT = "Times New Roman";

    /** The font Word/WPS should take when the named one is not installed (fontTable altName). */
    static final Map<String, String> FALLBACK = Map.of(
            "方正小标宋简体", "华文中宋",
            "方正小标宋_GBK", "华文中宋",
            "仿宋_GB2312", "仿宋",
            "方正仿宋_GBK", "仿宋",
            "楷体_GB2312", "楷体",
            "方正楷体_GBK", "楷体",
            "黑体", "SimHei",
            "方正黑体_GBK", "黑体",
            "宋体", "SimSun");

    /**
     * CSS font stacks for the HTML/clipboard export: the office font first, then what Windows and macOS ship, then the
     * faces a Linux desktop (统信, 麒麟, or any with Noto CJK) has — a Chinese face in every case before any Latin one,
     * so “ ” and — are set full width.
     */
    static final Map<String, String> CSS_STACK = Map.of(
            "方正小标宋简体", "\"方正小标宋简体\",\"华文中宋\",STZhongsong,\"宋体\",SimSun,\"Noto Serif CJK SC\",\"Source Han Serif SC\",serif",
            "仿宋_GB2312", "\"仿宋_GB2312\",\"仿宋\",FangSong,STFangsong,\"Noto Serif CJK SC\",\"Source Han Serif SC\",serif",
            "黑体", "\"黑体\",SimHei,STHeiti,\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif",
            "楷体_GB2312", "\"楷体_GB2312\",\"楷体\",KaiTi,STKaiti,\"AR PL UKai CN\",\"Noto Serif CJK SC\",serif",
            "宋体", "\"宋体\",SimSun,STSong,\"Noto Serif CJK SC\",serif");

    static long twips(double mm) {
        return Math.round(mm * 1440 / 25.4);
    }

    static long twipsOfPoints(double pt) {
        return Math.round(pt * 20);
    }


    static String cssStack(String font) {
        String stack = CSS_STACK.get(font);
        if (stack != null) return stack;
        String fallback = FALLBACK.get(font);
        return "\"" + font + "\"" + (fallback == null ? "" : ",\"" + fallback + "\"") + ",serif";
    }
}
