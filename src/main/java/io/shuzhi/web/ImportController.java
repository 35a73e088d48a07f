package io.shuzhi.web;

import io.shuzhi.chat.ErrorCode;
import io.shuzhi.chat.ShuzhiException;
import io.shuzhi.chat.TurnRunner;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/sessions/{id}/import} (multipart, field {@code file}): last year's report as .txt or .docx, at most
 * 2 MB. The session's tabs receive the result as frames; the response says which draft version it made.
 */
@RestController
class ImportController {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private final TurnRunner turns;

    ImportController(TurnRunner turns) {
        this.turns = turns;
    }

    @PostMapping("/api/sessions/{id}/import")
    ResponseEntity<Map<String, Object>> upload(@PathVariable String id, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (!SESSION_ID.matcher(id).matches()) return error(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "找不到这个会话。");
        try {
            int version = turns.importFile(id, file.getBytes(), file.getOriginalFilename()).get(30, TimeUnit.SECONDS);
            return ResponseEntity.ok(Map.of("version", version));
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ShuzhiException s) {
                HttpStatus status = switch (s.code()) {
                    case SESSION_NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case IMPORT_FAILED -> HttpStatus.UNPROCESSABLE_ENTITY;
                    default -> HttpStatus.CONFLICT;
                };
                return error(status, s.code().name(), s.getMessage());
            }
            if (ErrorCode.storeUnavailable(cause)) {
                return error(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE", "存储服务暂时不可用，请稍后重试。");
            }
            return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "导入失败，请重试。");
        } catch (TimeoutException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "导入仍在处理中，请稍后刷新查看。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "导入被中断，请重试。");
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }
}
