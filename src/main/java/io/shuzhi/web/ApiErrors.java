package io.shuzhi.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** HTTP errors a person can read, never a stack trace. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Map.of("code", "TOO_LARGE", "message", "文件太大：请上传不超过 2 MB 的 .txt 或 .docx 文件。"));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> missing() {
        return ResponseEntity.badRequest()
                .body(Map.of("code", "MISSING_FIELD", "message", "请选择要上传的文件。"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable() {
        return ResponseEntity.badRequest()
                .body(Map.of("code", "BAD_REQUEST", "message", "请求的格式有误，请刷新页面后再试。"));
    }
}
