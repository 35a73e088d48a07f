package io.shuzhi.web;

import io.shuzhi.chat.TurnRunner;
import io.shuzhi.draft.Draft;
import io.shuzhi.export.ExportFormat;
import io.shuzhi.export.ExportService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads in two steps, so that no URL carries the session id. {@code POST /api/exports} with
 * {@code {"sessionId", "format"}} in the body answers a short-lived sealed link ({@link ExportLinks});
 * {@code GET /api/exports/{token}} is the file, named after the draft's title. The old
 * {@code GET /api/sessions/{id}/export} opens nothing. An unknown id and a session with no draft answer alike, so
 * the endpoints do not tell which ids exist.
 */
@RestController
class ExportController {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    static final String NO_DRAFT = "没有可导出的草稿。";
    static final String BARE_ID = "下载地址里不能只写会话编号：请回到述职助手页面，点“导出”选择格式下载（页面会生成几分钟内有效的下载链接）。";
    static final String EXPIRED = "下载链接已过期：请回到述职助手页面，重新点“导出”下载。";
    static final String INVALID = "下载链接无效（不完整、被改动，或服务器已重启）：请回到述职助手页面，重新点“导出”下载。";

    private final TurnRunner turns;
    private final ExportService exports;
    private final ExportLinks links;

    ExportController(TurnRunner turns, ExportService exports, ExportLinks links) {
        this.turns = turns;
        this.exports = exports;
        this.links = links;
    }

    /** What the page posts: the session (the credential, in the body) and the format wanted. */
    record LinkRequest(String sessionId, String format) {}

    @PostMapping("/api/exports")
    ResponseEntity<Map<String, Object>> link(@RequestBody(required = false) LinkRequest request) {
        if (request == null || request.sessionId() == null || request.format() == null) {
            return json(HttpStatus.BAD_REQUEST, "MISSING_FIELD", "导出请求缺少内容，请刷新页面后再试。");
        }
        Optional<ExportFormat> format = ExportFormat.parse(request.format());
        if (format.isEmpty()) {
            return json(HttpStatus.BAD_REQUEST, "BAD_FORMAT", "不支持的导出格式：请用 docx、html、md 或 txt。");
        }
        String id = request.sessionId();
        if (!SESSION_ID.matcher(id).matches() || turns.currentDraft(id).isEmpty()) {
            return json(HttpStatus.NOT_FOUND, "NO_DRAFT", NO_DRAFT);
        }
        ExportLinks.Link link = links.sign(id, format.get());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("url", "/api/exports/" + link.token(), "format", format.get().extension(),
                        "expiresAt", link.expiresAt().toString()));
    }

    @GetMapping("/api/exports/{token}")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        ExportLinks.Opened opened = links.open(token);
        if (opened.valid().isEmpty()) {
            return opened.refusal() == ExportLinks.Refusal.EXPIRED
                    ? plain(HttpStatus.GONE, EXPIRED) : plain(HttpStatus.FORBIDDEN, INVALID);
        }
        ExportLinks.Claims claims = opened.claims();
        Optional<Draft> draft = turns.currentDraft(claims.sessionId());
        if (draft.isEmpty()) return plain(HttpStatus.NOT_FOUND, NO_DRAFT);
        Draft d = draft.get();
        ExportFormat f = claims.format();
        String name = fileName(d.title()) + "." + f.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .body(exports.render(d, f));
    }

    /** The address of protocol v1's first releases: a bare session id in a URL opens nothing any more. */
    @GetMapping("/api/sessions/{id}/export")
    ResponseEntity<byte[]> bareId(@PathVariable String id) {
        return plain(HttpStatus.FORBIDDEN, BARE_ID);
    }

    /** The title without characters that file systems refuse; "述职报告" when there is no title. */
    static String fileName(String title) {
        String cleaned = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}【】]", "")
                // Leading dots make a hidden file (and ".." a path); trailing dots and spaces Windows drops itself.
                .replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (cleaned.isEmpty()) cleaned = "述职报告";
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }

    private static ResponseEntity<byte[]> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(message.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Map<String, Object>> json(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .body(Map.of("code", code, "message", message));
    }
}
