package io.shuzhi.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text lines of {@code pdftotext -bbox} output: words on one baseline joined, with the line's extent in pt. */
final class PdfLines {
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");
    private static final Pattern PAGE = Pattern.compile("<page ");

    record Line(int page, double xMin, double xMax, double height, String text) {
    }

    private PdfLines() {
    }

    static List<Line> of(String bbox) {
        List<Line> out = new ArrayList<>();
        String[] pages = PAGE.split(bbox);
        for (int n = 1; n < pages.length; n++) {
            Map<Long, List<double[]>> rows = new TreeMap<>();
            Map<Long, StringBuilder> texts = new TreeMap<>();
            Matcher m = WORD.matcher(pages[n]);
            record W(double x0, double y0, double x1, double y1, String t) {
            }
            List<W> words = new ArrayList<>();
            while (m.find()) {
                words.add(new W(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), unescape(m.group(5))));
            }
            words.sort((a, b) -> Double.compare(a.x0(), b.x0()));
            for (W w : words) {
                long key = Math.round((w.y0() + w.y1()) / 2 / 4); // one text line is ~29 pt tall: 4 pt buckets
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {w.x0(), w.x1(), w.y1() - w.y0()});
                texts.computeIfAbsent(key, k -> new StringBuilder()).append(w.t());
            }
            for (var e : rows.entrySet()) {
                double x0 = e.getValue().stream().mapToDouble(a -> a[0]).min().orElse(0);
                double x1 = e.getValue().stream().mapToDouble(a -> a[1]).max().orElse(0);
                double h = e.getValue().stream().mapToDouble(a -> a[2]).max().orElse(0);
                out.add(new Line(n, x0, x1, h, texts.get(e.getKey()).toString()));
            }
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
