package io.shuzhi.export;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftFormats;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Turns a draft into a download (.docx after GB/T 9704, .html, .md, .txt) or the clipboard HTML. */
@Component
public class ExportService {
    private final ExportProperties props;

    ExportService(ExportProperties props) {
        this.props = props == null ? ExportProperties.defaults() : props;
    }

    /** The draft in the given format, as bytes (text formats are UTF-8). */
    public byte[] render(Draft draft, ExportFormat format) {
        return switch (format) {
            case DOCX -> docx(draft);
            case HTML -> html(draft).getBytes(StandardCharsets.UTF_8);
            case MD -> DraftFormats.markdown(draft).getBytes(StandardCharsets.UTF_8);
            case TXT -> DraftFormats.text(draft).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A .docx laid out after GB/T 9704-2012: A4, 37/26/35/28 mm, 22 × 28 grid, fixed line spacing, "— 1 —" footers. */
    byte[] docx(Draft draft) {
        return new DocxWriter(props).write(draft);
    }

    /** A standalone HTML document with inline 公文 styles (the clipboard fragment inside an A4 page). */
    String html(Draft draft) {
        return new HtmlWriter(props).document(draft);
    }

    /** The HTML fragment the page's copy button puts on the clipboard as text/html (paste keeps 公文 formatting). */
    String clipboardHtml(Draft draft) {
        return new HtmlWriter(props).fragment(draft);
    }
}
