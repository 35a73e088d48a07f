package io.shuzhi.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a title too long for one line breaks. GB/T 9704 §7.3.1 asks for a 梯形或菱形 title broken between phrases:
 * "第三党支部书记2025年度 / 抓基层党建工作述职报告", never "…工作述 / 职报告". The candidates are the ends of the
 * phrases a report title is made of (the unit, the year, 关于…, the report's name); of those that give lines that
 * fit, the most even one wins, with the upper line no longer than the lower (a trapezoid).
 */
final class TitleLines {
    /** Breaks after the year and before these (the year: after the unit and post; 关于; 抓; the report's name). */
    private static final Pattern AFTER = Pattern.compile("(?:\\d{4}|[〇一二三四五六七八九零]{4})年度?");
    private static final Pattern BEFORE = Pattern.compile("(?:\\d{4}|[〇一二三四五六七八九零]{4})年|关于|抓|(?:个人)?(?:述职|述责述廉|工作总结|工作报告|总结)");

    private TitleLines() {
    }

    /** The title's lines, each at most {@code maxUnits} wide (a Chinese character 1, a digit or Latin letter ½). */
    static List<String> split(String title, double maxUnits) {
        String t = title.strip();
        if (width(t) <= maxUnits || t.length() < 4) return List.of(t);
        List<Integer> cuts = new ArrayList<>();
        Matcher a = AFTER.matcher(t);
        while (a.find()) if (a.end() > 0 && a.end() < t.length()) cuts.add(a.end());
        Matcher b = BEFORE.matcher(t);
        while (b.find()) if (b.start() > 0) cuts.add(b.start());
        int best = -1;
        double bestScore = Double.MAX_VALUE;
        for (int cut : cuts) {
            double up = width(t.substring(0, cut)), down = width(t.substring(cut));
            if (up > maxUnits || down > maxUnits) continue;
            // Even lines first; an upper line longer than the lower one (an inverted trapezoid) costs a little.
            double score = Math.abs(up - down) + (up > down ? 2 : 0);
            if (score < bestScore) { bestScore = score; best = cut; }
        }
        if (best < 0) return List.of(t); // no phrase boundary fits: the reader wraps it
        return List.of(t.substring(0, best), t.substring(best));
    }

    static double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) < 0x2000 ? 0.5 : 1;
        return w;
    }
}
