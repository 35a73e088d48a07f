package io.shuzhi.export;

import io.shuzhi.export.ImportException.Code;
import io.shuzhi.export.ImportedReport.LastYearFact;
import io.shuzhi.export.ImportedReport.OutlinePart;
import io.shuzhi.export.ImportedReport.OutlineSection;
import io.shuzhi.interview.ChineseNumerals;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.springframework.stereotype.Component;

/**
 * Reads last year's report (.txt in UTF-8 or GB18030, or .docx) into an outline — title, year, unit, opening, parts by
 * their 一、 headings with their roles, （一） sections, 一是/1./（1） items — and the numbers it gave, as last year's
 * facts. A report of another shape becomes a generic outline; only unreadable input is refused.
 */
@Component
public class PriorReportParser {
    /** 2 MB: a long report is 30 000 characters; anything far beyond is not one. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** A text with fewer Chinese characters than this is not a report. */
    static final int MIN_CJK = 100;

    private static final String CN = "[一二三四五六七八九十]{1,3}";
    private static final Pattern PART = Pattern.compile("^(" + CN + ")[、.．，,]\\s*");
    private static final Pattern SECTION = Pattern.compile("^[（(](" + CN + ")[）)][、.．]?\\s*");
    private static final Pattern ITEM = Pattern.compile("(?<=^|[。；：，！？\\n])\\s*([一二三四五六七八九十]{1,2})是");
    private static final Pattern LOW_ITEM = Pattern.compile("(?m)^\\s*(?:\\d{1,2}[.．、](?!\\d)|[（(]\\d{1,2}[）)])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");
    private static final Pattern CN_YEAR = Pattern.compile("([二〇零一二三四五六七八九]{4})年");
    /** A masked figure with its unit: **次, XX人, ×项, ××万元, X.X亿元, **%. "××市" (a masked name) is not one. */
    public static final Pattern PLACEHOLDER = Pattern.compile(
            "(?:[*＊×Ｘ]{1,4}|(?<![A-Za-z])(?:XX?X?X?|xx|ｘｘ?)(?![A-Za-z]))(?:[.．](?:[*＊×Ｘ]{1,2}|X{1,2}))?(?:余|多)?"
            + "(?:人次|万元|亿元|万人|次|人|名|项|期|册|本|篇|场|类|元|件|条|户|家|份|批|轮|起|所|座|处|台|套|公里|亩|天|小时|个百分点|%|％|个(?!别|人|性|体))");
    private static final Pattern CLAUSE_END = Pattern.compile("[。；！？\\n]");

    private static final String[] MEASURES = {"举措", "打算", "思路", "努力方向", "下一步", "下步", "计划", "措施", "安排", "设想"};
    private static final String[] ISSUES = {"问题", "不足", "差距", "短板", "薄弱"};
    private static final String[] ACHIEVEMENTS = {"主要工作", "工作成效", "履职情况", "成效", "成绩", "完成情况", "做法", "工作情况", "履职", "情况"};
    private static final String[] ROLES = {"副书记", "书记", "副主任", "主任", "副局长", "局长", "处长", "科长", "部长", "院长",
        "校长", "所长", "总经理", "经理", "负责人", "委员", "个人"};

    /** The first bytes of an OLE2 compound file: Word 97–2003 .doc and WPS's own .wps. */
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    static final String DOC_HOWTO = "这是旧版 Word 的 .doc 文件，这里读不了。请在 Word 里打开它，点“文件”→“另存为”，"
            + "“保存类型”选“Word 文档（*.docx）”，保存后导入新的 .docx 文件；也可以把报告全文复制粘贴到对话框里。";
    static final String WPS_HOWTO = "这是 WPS 自己的 .wps 文件，这里读不了。请在 WPS 文字里打开它，点“文件”→“另存为”，"
            + "“文件类型”选“Microsoft Word 文件（*.docx）”，保存后导入新的 .docx 文件；也可以把报告全文复制粘贴到对话框里。";

    private final NumberParser numbers;

    /** A parser that finds last year's figures as the interview's {@code lexicon} reads them. */
    public PriorReportParser(Lexicon lexicon) {
        this.numbers = lexicon.numbers();
    }

    /** Reads an uploaded file: .docx by its content, anything else as text. */
    public ImportedReport parse(byte[] content, String fileName) throws ImportException {
        if (content == null || content.length == 0) throw new ImportException(Code.EMPTY, "文件是空的，请选择去年的述职报告。");
        if (content.length > MAX_BYTES) {
            throw new ImportException(Code.TOO_LARGE, "文件超过 2 MB，不像一份述职报告：请只导入报告正文（.docx 或 .txt）。");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (name.endsWith(".docx") || zip) return parse(docxText(content, name.endsWith(".docx")));
        boolean ole = content.length >= OLE.length && java.util.Arrays.equals(content, 0, OLE.length, OLE, 0, OLE.length);
        if (name.endsWith(".wps") || name.endsWith(".wpt")) throw new ImportException(Code.OLD_FORMAT, WPS_HOWTO);
        if (name.endsWith(".doc") || name.endsWith(".dot") || ole) throw new ImportException(Code.OLD_FORMAT, DOC_HOWTO);
        if (name.endsWith(".pdf")) {
            throw new ImportException(Code.NOT_TEXT, "PDF 文件这里读不了。请打开原来的 Word/WPS 文档另存为 .docx 再导入，"
                    + "或者把报告全文复制粘贴到对话框里。");
        }
        return parse(decode(content));
    }

    /** Reads a pasted or decoded text. */
    public ImportedReport parse(String text) throws ImportException {
        if (text == null || text.isBlank()) throw new ImportException(Code.EMPTY, "没有收到内容，请粘贴去年的述职报告全文。");
        String t = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        long cjk = t.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        if (cjk < MIN_CJK) {
            throw new ImportException(Code.NOT_A_REPORT, "内容太短，不像一份述职报告：请粘贴全文（至少一百字）。");
        }
        List<String> lines = new ArrayList<>();
        for (String line : t.split("\n")) {
            String l = line.strip().replace("\u3000", "").strip();
            if (!l.isEmpty()) lines.add(l);
        }
        return new Outline(lines, numbers).build();
    }

    // ----- input -------------------------------------------------------------------------------------------------

    private static String docxText(byte[] content, boolean namedDocx) throws ImportException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            var out = new StringBuilder();
            for (XWPFParagraph p : doc.getParagraphs()) out.append(finalText(p)).append('\n');
            return out.toString();
        } catch (IOException | RuntimeException e) {
            // POI reports a broken package as IOException or as one of several runtime exceptions.
            throw new ImportException(namedDocx ? Code.NOT_DOCX : Code.NOT_TEXT,
                    "这个文件打不开：它不是有效的 .docx 文档。请在 Word/WPS 中另存为 .docx 或 .txt 后再试。");
        }
    }

    /**
     * The paragraph as it reads with every tracked change accepted: inserted text kept, deleted and moved-away text
     * dropped. POI's own getText() reads the runs of an insertion only in some versions, so the XML is walked here.
     */
    static String finalText(XWPFParagraph p) {
        var out = new StringBuilder();
        try (org.apache.xmlbeans.XmlCursor c = p.getCTP().newCursor()) {
            int depth = 0;
            int dropped = -1; // depth at which a w:del or w:moveFrom started
            while (c.hasNextToken()) {
                org.apache.xmlbeans.XmlCursor.TokenType t = c.toNextToken();
                if (t.isStart()) {
                    depth++;
                    String n = c.getName().getLocalPart();
                    if (dropped < 0 && (n.equals("del") || n.equals("moveFrom"))) dropped = depth;
                    if (dropped < 0 && W.equals(c.getName().getNamespaceURI())) {
                        if (n.equals("t")) out.append(c.getTextValue());
                        else if (n.equals("tab")) out.append('\t');
                    }
                } else if (t.isEnd()) {
                    if (depth == dropped) dropped = -1;
                    depth--;
                    if (depth < 0) break;
                }
            }
        }
        return out.toString();
    }

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** UTF-8 when the bytes are valid UTF-8, else GB18030 (what GBK offices save); binary data is refused. */
    static String decode(byte[] content) throws ImportException {
        int control = 0;
        for (byte b : content) {
            if (b == 0) throw notText();
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') control++;
        }
        if (control > content.length / 50) throw notText();
        String utf8 = strict(content, StandardCharsets.UTF_8);
        if (utf8 != null) return utf8;
        String gb = strict(content, Charset.forName("GB18030"));
        if (gb != null) return gb;
        throw notText();
    }

    private static String strict(byte[] content, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static ImportException notText() {
        return new ImportException(Code.NOT_TEXT, "这不是文本文件：请导入 .docx 或 .txt 格式的述职报告，或直接粘贴全文。");
    }

    // ----- outline -----------------------------------------------------------------------------------------------

    /** Builds the outline from the non-empty lines. */
    private static final class Outline {
        private final List<String> lines;
        private String title = "";
        private final List<String> opening = new ArrayList<>();
        private final List<PartBuilder> parts = new ArrayList<>();
        private final NumberParser numbers;

        Outline(List<String> lines, NumberParser numbers) {
            this.lines = lines;
            this.numbers = numbers;
        }

        ImportedReport build() {
            int i = 0;
            String first = lines.get(0);
            if (lines.size() > 1 && first.length() <= 60 && !first.matches(".*[。；：:]$")
                    && !PART.matcher(first).find() && !SECTION.matcher(first).find()) {
                title = first;
                i = 1;
            }
            boolean headings = lines.stream().skip(i).anyMatch(l -> PART.matcher(l).find() || SECTION.matcher(l).find());
            for (; i < lines.size(); i++) {
                String line = lines.get(i);
                if (headings) structured(line); else plain(line);
            }
            List<OutlinePart> out = new ArrayList<>();
            out.add(new OutlinePart(OutlinePart.OPENING, "", OutlinePart.OPENING, String.join("\n", opening),
                    List.of(), List.of()));
            for (int p = 0; p < parts.size(); p++) out.add(parts.get(p).build(String.valueOf(p + 1)));
            String year = year();
            return new ImportedReport(title, year, unit(year), out, facts(out), shape(out));
        }

        private void structured(String line) {
            Matcher pm = PART.matcher(line);
            Matcher sm = SECTION.matcher(line);
            if (pm.find()) {
                String[] hb = runIn(line, 40);
                var part = new PartBuilder(hb[0], role(hb[0].substring(pm.end())));
                if (!hb[1].isEmpty()) part.body.add(hb[1]);
                parts.add(part);
            } else if (sm.find()) {
                if (parts.isEmpty()) parts.add(new PartBuilder("", OutlinePart.OTHER));
                String[] hb = runIn(line, 50);
                parts.get(parts.size() - 1).sections.add(new String[]{hb[0], hb[1]});
            } else if (parts.isEmpty()) {
                opening.add(line);
            } else {
                PartBuilder part = parts.get(parts.size() - 1);
                if (part.sections.isEmpty()) {
                    part.body.add(line);
                } else {
                    String[] last = part.sections.get(part.sections.size() - 1);
                    last[1] = last[1].isEmpty() ? line : last[1] + "\n" + line;
                }
            }
        }

        /** No headings at all: the first paragraph opens; a paragraph that starts on problems or plans starts a part. */
        private void plain(String line) {
            if (opening.isEmpty() && parts.isEmpty()) {
                opening.add(line);
                return;
            }
            int cut = line.length();
            for (char c : new char[]{'，', '。', '：', '；'}) {
                int at = line.indexOf(c);
                if (at >= 0 && at < cut) cut = at;
            }
            String lead = line.substring(0, Math.min(cut, 30));
            String role = contains(lead, MEASURES) ? OutlinePart.MEASURES
                    : contains(lead, ISSUES) ? OutlinePart.ISSUES : null;
            if (parts.isEmpty() || role != null && !role.equals(parts.get(parts.size() - 1).role)) {
                parts.add(new PartBuilder("", role == null ? OutlinePart.OTHER : role));
            }
            parts.get(parts.size() - 1).body.add(line);
        }

        private String year() {
            for (String s : new String[]{title, String.join("\n", opening)}) {
                Matcher m = YEAR.matcher(s);
                if (m.find()) return m.group(1);
                Matcher c = CN_YEAR.matcher(s);
                while (c.find()) {
                    OptionalInt year = ChineseNumerals.year(c.group(1));
                    if (year.isPresent()) return String.valueOf(year.getAsInt());
                }
            }
            return "";
        }

        /** The title's words before the year, less a trailing post ("第三党支部书记" → "第三党支部"). */
        private String unit(String year) {
            if (title.isEmpty()) return "";
            int at = year.isEmpty() ? -1 : title.indexOf(year);
            String head = at > 0 ? title.substring(0, at) : "";
            head = head.replaceFirst("^关于", "").strip();
            boolean stripped = true;
            while (stripped) {
                stripped = false;
                for (String role : ROLES) {
                    if (head.endsWith(role) && head.length() > role.length()) {
                        head = head.substring(0, head.length() - role.length());
                        stripped = true;
                    }
                }
            }
            return head;
        }

        private static String shape(List<OutlinePart> parts) {
            List<String> roles = parts.stream().map(OutlinePart::role).filter(r -> !r.equals(OutlinePart.OPENING)).toList();
            boolean headed = parts.stream().skip(1).allMatch(p -> !p.heading().isEmpty());
            return headed && roles.equals(List.of(OutlinePart.ACHIEVEMENTS, OutlinePart.ISSUES, OutlinePart.MEASURES))
                    ? ImportedReport.THREE_PART : ImportedReport.GENERIC;
        }

        private List<LastYearFact> facts(List<OutlinePart> parts) {
            List<LastYearFact> facts = new ArrayList<>();
            for (OutlinePart p : parts) {
                facts(p.ref(), p.body(), facts);
                for (OutlineSection s : p.sections()) facts(s.ref(), s.heading() + "。" + s.body(), facts);
            }
            return facts;
        }

        private void facts(String ref, String text, List<LastYearFact> out) {
            if (text.isBlank()) return;
            int from = 0;
            Matcher end = CLAUSE_END.matcher(text);
            while (from < text.length()) {
                int to = end.find(from) ? end.start() : text.length();
                String clause = text.substring(from, to).strip();
                from = to + 1;
                if (clause.isEmpty()) continue;
                for (Quantity q : numbers.find(clause)) out.add(new LastYearFact(ref, clause, q, null));
                Matcher ph = PLACEHOLDER.matcher(clause);
                while (ph.find()) out.add(new LastYearFact(ref, clause, null, ph.group()));
            }
        }
    }

    private static final class PartBuilder {
        final String heading;
        final String role;
        final List<String> body = new ArrayList<>();
        final List<String[]> sections = new ArrayList<>();

        PartBuilder(String heading, String role) {
            this.heading = heading;
            this.role = role;
        }

        OutlinePart build(String ref) {
            String text = String.join("\n", body);
            List<OutlineSection> out = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                String[] s = sections.get(i);
                out.add(new OutlineSection(ref + "." + (i + 1), s[0], s[1], items(s[1])));
            }
            return new OutlinePart(ref, heading, role, text, items(text), out);
        }
    }

    /** "（一）标题。正文" → [heading, body]; a line without an early 。 is all heading. */
    private static String[] runIn(String line, int maxHeading) {
        int stop = line.indexOf('。');
        if (stop > 0 && stop <= maxHeading && stop < line.length() - 1) {
            return new String[]{line.substring(0, stop), line.substring(stop + 1).strip()};
        }
        if (line.length() <= maxHeading) return new String[]{line.replaceAll("[。：:]$", ""), ""};
        return new String[]{line, ""};
    }

    /** The heading's role: measures before issues ("针对问题的整改措施" is a plan), issues before achievements. */
    static String role(String heading) {
        if (contains(heading, MEASURES)) return OutlinePart.MEASURES;
        if (contains(heading, ISSUES)) return OutlinePart.ISSUES;
        if (contains(heading, ACHIEVEMENTS)) return OutlinePart.ACHIEVEMENTS;
        return OutlinePart.OTHER;
    }

    private static boolean contains(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) return true;
        }
        return false;
    }

    /** 一是/二是 items, or lines starting 1. / （1）; empty when the text has fewer than two. */
    static List<String> items(String text) {
        List<Integer> starts = new ArrayList<>();
        Matcher m = ITEM.matcher(text);
        while (m.find()) starts.add(m.start(1));
        if (starts.size() < 2) {
            starts.clear();
            Matcher low = LOW_ITEM.matcher(text);
            while (low.find()) starts.add(low.start());
        }
        if (starts.size() < 2) return List.of();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String item = text.substring(starts.get(i), end).strip().replaceAll("[；;，,]$", "");
            if (!item.isEmpty()) items.add(item);
        }
        return items;
    }
}
