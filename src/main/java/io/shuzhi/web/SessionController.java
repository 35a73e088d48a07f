package io.shuzhi.web;

import io.shuzhi.chat.ErrorCode;
import io.shuzhi.chat.TurnRunner;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/sessions/{id}}: the writer's "delete my data". Every key of the session goes, on every instance
 * its tabs are open (they get a {@code deleted} frame and close). 204 when it was deleted, 404 when there was none.
 */
@RestController
class SessionController {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private final TurnRunner turns;

    SessionController(TurnRunner turns) {
        this.turns = turns;
    }

    @DeleteMapping("/api/sessions/{id}")
    ResponseEntity<Map<String, Object>> delete(@PathVariable String id) {
        if (!SESSION_ID.matcher(id).matches()) return error(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "找不到这个会话。");
        try {
            boolean existed = turns.delete(id).get(30, TimeUnit.SECONDS);
            return existed ? ResponseEntity.noContent().build()
                    : error(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "找不到这个会话（可能已删除或已过期）。");
        } catch (ExecutionException e) {
            if (ErrorCode.storeUnavailable(e.getCause())) {
                return error(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE", "存储服务暂时不可用，会话没有删除，请稍后重试。");
            }
            return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "删除失败，请重试。");
        } catch (TimeoutException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "会话正忙，删除尚未完成，请稍后重试。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "删除被中断，请重试。");
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }
}
