package io.shuzhi.web;

import io.shuzhi.chat.TurnRunner;
import io.shuzhi.draft.Draft;
import io.shuzhi.export.ExportFormat;
import io.shuzhi.export.ExportService;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sessions/{id}/export?format=txt|md|html|docx}: the current draft as a download named after its title. The
 * session id is the credential; an unknown id and a session with no draft answer alike, so the endpoint does not
 * tell which ids exist.
 */
@RestController
class ExportController {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private final TurnRunner turns;
    private final ExportService exports;

    ExportController(TurnRunner turns, ExportService exports) {
        this.turns = turns;
        this.exports = exports;
    }

    @GetMapping("/api/sessions/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "txt") String format) {
        Optional<ExportFormat> kind = ExportFormat.parse(format);
        if (kind.isEmpty()) {
            return plain(HttpStatus.BAD_REQUEST, "不支持的导出格式：请用 docx、html、md 或 txt。");
        }
        Optional<Draft> draft = SESSION_ID.matcher(id).matches() ? turns.currentDraft(id) : Optional.empty();
        if (draft.isEmpty()) return plain(HttpStatus.NOT_FOUND, "没有可导出的草稿。");
        Draft d = draft.get();
        ExportFormat f = kind.get();
        String name = fileName(d.title()) + "." + f.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .body(exports.render(d, f));
    }

    /** The title without characters that file systems refuse; "述职报告" when there is no title. */
    static String fileName(String title) {
        String cleaned = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}【】]", "").strip();
        if (cleaned.isEmpty()) cleaned = "述职报告";
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }

    private static ResponseEntity<byte[]> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(message.getBytes(StandardCharsets.UTF_8));
    }
}
