package io.shuzhi.export;

import static io.shuzhi.export.GongwenLayout.*;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Section;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

/** Writes a draft as a .docx laid out after GB/T 9704-2012 (see docs/export.md for every number). */
final class DocxWriter {
    private static final String FONT_TABLE_REL =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
    private static final String FONT_TABLE_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";

    /** −0.25 pt, in twentieths of a point. */
    static final int CONDENSE_TWIPS = -5;
    /** A 2号 title line holds 156 mm / 22 pt ≈ 20 characters. */
    static final double TITLE_CHARS_PER_LINE = 20;
    /** fontTable signature of a Chinese face: CJK ranges in usb1, the GB2312 code page (bit 18) in csb0. */
    private static final String GB2312_SIG = "<w:sig w:usb0=\"00000003\" w:usb1=\"288F0000\" w:usb2=\"00000016\""
            + " w:usb3=\"00000000\" w:csb0=\"00040001\" w:csb1=\"00000000\"/>";

    private final ExportProperties props;
    private final long lineTwips;
    private final Set<String> usedFonts = new LinkedHashSet<>();

    DocxWriter(ExportProperties props) {
        this.props = props;
        this.lineTwips = twipsOfPoints(props.lineSpacingPt());
    }

    byte[] write(Draft draft) {
        try (XWPFDocument doc = new XWPFDocument()) {
            defaults(doc);
            for (Section s : draft.sections()) {
                if (s.ref().equals("title")) {
                    for (String line : lines(s.heading())) title(doc, TitleLines.split(line, TITLE_CHARS_PER_LINE));
                    // One empty body line between title and text, as offices lay out a report.
                    bodyParagraph(doc, false);
                } else if (s.level() == 2 && !s.heading().isEmpty()) {
                    runIn(doc, s);
                } else {
                    if (!s.heading().isEmpty()) heading(doc, s.heading());
                    for (String line : lines(s.body())) text(doc, line);
                }
            }
            page(doc);
            footer(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
            footer(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
            doc.setEvenAndOddHeadings(true);
            fontTable(doc);
            var out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("docx export failed", e);
        }
    }

    private static String[] lines(String text) {
        return text.isBlank() ? new String[0] : text.strip().split("\\s*\\n\\s*");
    }

    // ----- paragraphs -------------------------------------------------------------------------------------------

    /** One title paragraph; a long title in lines broken between phrases (a line break, so it stays one title). */
    private void title(XWPFDocument doc, java.util.List<String> lines) {
        XWPFParagraph p = paragraph(doc, false);
        p.setAlignment(ParagraphAlignment.CENTER);
        // A 22 pt line is taller than one grid line: off the grid, the fixed spacing alone decides its height
        // (LibreOffice would otherwise give each title line two grid lines).
        p.getCTP().getPPr().addNewSnapToGrid().setVal(false);
        for (int i = 0; i < lines.size(); i++) {
            XWPFRun r = run(p, lines.get(i), props.titleFont(), TITLE_PT);
            if (i < lines.size() - 1) r.addBreak();
        }
    }

    private void heading(XWPFDocument doc, String heading) {
        run(bodyParagraph(doc, true), heading, props.headingFont(), BODY_PT);
    }

    private void text(XWPFDocument doc, String line) {
        run(bodyParagraph(doc, true), line, props.bodyFont(), BODY_PT);
    }

    /** "（一）标题。" in 楷体 and the text after it in 仿宋, one paragraph (a run-in heading ends with 。). */
    private void runIn(XWPFDocument doc, Section s) {
        XWPFParagraph p = bodyParagraph(doc, true);
        String heading = s.heading().strip();
        if (!heading.endsWith("。")) heading += "。";
        run(p, heading, props.runInFont(), BODY_PT);
        String body = String.join("", lines(s.body()));
        if (!body.isEmpty()) run(p, body, props.bodyFont(), BODY_PT);
    }

    private XWPFParagraph bodyParagraph(XWPFDocument doc, boolean indent) {
        XWPFParagraph p = paragraph(doc, indent);
        p.setAlignment(ParagraphAlignment.BOTH);
        return p;
    }

    /** Fixed line spacing, no space before or after, optionally a first-line indent of two characters. */
    private XWPFParagraph paragraph(XWPFDocument doc, boolean indent) {
        XWPFParagraph p = doc.createParagraph();
        CTPPr pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTSpacing sp = pPr.isSetSpacing() ? pPr.getSpacing() : pPr.addNewSpacing();
        sp.setBefore(BigInteger.ZERO);
        sp.setAfter(BigInteger.ZERO);
        sp.setLine(BigInteger.valueOf(lineTwips));
        sp.setLineRule(STLineSpacingRule.EXACT);
        if (indent) {
            CTInd ind = pPr.addNewInd();
            // Two characters: firstLineChars for Word/WPS (follows the grid), firstLine in twips for other readers.
            ind.setFirstLineChars(BigInteger.valueOf(200));
            ind.setFirstLine(BigInteger.valueOf(twipsOfPoints(2 * BODY_PT)));
        }
        return p;
    }

    private XWPFRun run(XWPFParagraph p, String text, String eastAsiaFont, double pt) {
        XWPFRun r = p.createRun();
        r.setText(text);
        style(r.getCTR(), eastAsiaFont, props.latinFont(), pt);
        if (pt == BODY_PT) {
            // Condense by 0.25 pt: 28 glyphs of 15.75 pt fit the 442 pt block in every reader (of 16 pt only 27 do).
            r.getCTR().getRPr().addNewSpacing().setVal(BigInteger.valueOf(CONDENSE_TWIPS));
        }
        return r;
    }

    /** Fonts on all four slots, size for both scripts, black: Word and WPS substitute whatever is left unset. */
    private void style(CTR ctr, String eastAsiaFont, String latinFont, double pt) {
        CTRPr rPr = ctr.isSetRPr() ? ctr.getRPr() : ctr.addNewRPr();
        CTFonts f = rPr.addNewRFonts();
        f.setAscii(latinFont);
        f.setHAnsi(latinFont);
        f.setCs(latinFont);
        f.setEastAsia(eastAsiaFont);
        // Quotes “” and the dash — are shared by both scripts: render them full width in the Chinese font.
        f.setHint(STHint.EAST_ASIA);
        usedFonts.add(eastAsiaFont);
        usedFonts.add(latinFont);
        BigInteger halfPoints = BigInteger.valueOf(Math.round(pt * 2));
        rPr.addNewSz().setVal(halfPoints);
        rPr.addNewSzCs().setVal(halfPoints);
        rPr.addNewColor().setVal("000000");
    }

    // ----- page, grid, footers ----------------------------------------------------------------------------------

    private void page(XWPFDocument doc) {
        CTBody body = doc.getDocument().getBody();
        CTSectPr sect = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(PAGE_WIDTH_MM)));
        size.setH(BigInteger.valueOf(twips(PAGE_HEIGHT_MM)));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(twips(TOP_MM)));
        mar.setBottom(BigInteger.valueOf(twips(BOTTOM_MM)));
        mar.setLeft(BigInteger.valueOf(twips(LEFT_MM)));
        mar.setRight(BigInteger.valueOf(twips(RIGHT_MM)));
        mar.setHeader(BigInteger.valueOf(twips(HEADER_MM)));
        mar.setFooter(BigInteger.valueOf(twips(FOOTER_MM)));
        mar.setGutter(BigInteger.ZERO);
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        // A line grid only. A character grid (linesAndChars, pitch 15.79 pt) gives LibreOffice two cells for every
        // 16 pt glyph wider than a cell: 14 characters a line where Word shows 28. Without it each reader sets the
        // glyphs at their own width, condensed by 0.25 pt (CONDENSE_TWIPS), and 28 × 15.75 pt fit the 156 mm block.
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(twips(BLOCK_HEIGHT_MM) / LINES_PER_PAGE));
    }

    /** "— 1 —" in 4号 宋体, one character in from the block's outer edge (odd right, even left). */
    private void footer(XWPFFooter footer, ParagraphAlignment align) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(align);
        CTPPr pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTInd ind = pPr.addNewInd();
        BigInteger oneChar = BigInteger.valueOf(twipsOfPoints(PAGE_NUMBER_PT));
        if (align == ParagraphAlignment.RIGHT) ind.setRight(oneChar); else ind.setLeft(oneChar);
        CTSpacing sp = pPr.addNewSpacing();
        sp.setBefore(BigInteger.ZERO);
        sp.setAfter(BigInteger.ZERO);
        footerText(p, "— ");
        footerField(p, STFldCharType.BEGIN);
        CTR instr = footerRun(p);
        instr.addNewInstrText().setStringValue(" PAGE ");
        footerField(p, STFldCharType.SEPARATE);
        footerText(p, "1");
        footerField(p, STFldCharType.END);
        footerText(p, " —");
    }

    private void footerText(XWPFParagraph p, String text) {
        footerRun(p).addNewT().setStringValue(text);
        p.getCTP().getRArray(p.getCTP().sizeOfRArray() - 1).getTArray(0)
                .setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
    }

    private void footerField(XWPFParagraph p, STFldCharType.Enum type) {
        footerRun(p).addNewFldChar().setFldCharType(type);
    }

    private CTR footerRun(XWPFParagraph p) {
        CTR r = p.getCTP().addNewR();
        style(r, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
        return r;
    }

    // ----- document defaults and font table ---------------------------------------------------------------------

    /** 3号 仿宋 as the document default: the grid's character pitch is measured against it. */
    private void defaults(XWPFDocument doc) {
        var styles = doc.createStyles();
        CTFonts f = CTFonts.Factory.newInstance();
        f.setAscii(props.latinFont());
        f.setHAnsi(props.latinFont());
        f.setCs(props.latinFont());
        f.setEastAsia(props.bodyFont());
        styles.setDefaultFonts(f);
        styles.getDefaultRunStyle().getRPr().addNewSz().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        styles.getDefaultRunStyle().getRPr().addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        var lang = styles.getDefaultRunStyle().getRPr().addNewLang();
        lang.setVal("en-US");
        lang.setEastAsia("zh-CN");
        // An explicit Normal style of 16 pt too: LibreOffice measures the character grid against Normal, not the
        // document defaults, and without it falls back to 12 pt and puts each character in two grid cells.
        CTStyle normal = CTStyle.Factory.newInstance();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setStyleId("Normal");
        normal.setDefault(true);
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        CTRPr rPr = normal.addNewRPr();
        CTFonts nf = rPr.addNewRFonts();
        nf.setAscii(props.latinFont());
        nf.setHAnsi(props.latinFont());
        nf.setCs(props.latinFont());
        nf.setEastAsia(props.bodyFont());
        rPr.addNewSz().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        rPr.addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        styles.addStyle(new XWPFStyle(normal, styles));
    }

    /**
     * word/fontTable.xml naming each font with its fallback (altName) and GB2312 charset, so Word/WPS substitute a
     * Chinese face of the same kind when the office font is not installed. POI has no API for it: written as XML.
     */
    private void fontTable(XWPFDocument doc) {
        try {
            OPCPackage pkg = doc.getPackage();
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            if (pkg.containPart(name)) return;
            PackagePart part = pkg.createPart(name, FONT_TABLE_TYPE);
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, FONT_TABLE_REL);
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
                    .append("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
            for (String font : usedFonts) {
                boolean latin = font.equals(props.latinFont()) && font.chars().allMatch(c -> c < 128);
                xml.append("<w:font w:name=\"").append(xmlEscape(font)).append("\">");
                String alt = FALLBACK.get(font);
                if (alt != null) xml.append("<w:altName w:val=\"").append(xmlEscape(alt)).append("\"/>");
                xml.append("<w:charset w:val=\"").append(latin ? "00" : "86").append("\"/>");
                // What kind of face it is, for a reader that must substitute it: 黑体 is a sans face, 宋/仿宋/楷 serif
                // ones; proportional (Chinese faces are not monospaced for Latin); the Unicode ranges and the GB2312
                // code page it covers (sig), which Word and WPS match a substitute on.
                boolean sans = font.contains("黑");
                xml.append("<w:family w:val=\"").append(sans ? "swiss" : "roman").append("\"/>");
                xml.append("<w:pitch w:val=\"variable\"/>");
                if (!latin) xml.append(GB2312_SIG);
                xml.append("</w:font>");
            }
            xml.append("</w:fonts>");
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("font table could not be written", e);
        }
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
