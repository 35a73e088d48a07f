package io.shuzhi.export;

/** A prior report that cannot be read; the message is Chinese, for the writer. */
public class ImportException extends Exception {
    /** Why an import was refused. */
    enum Code {
        EMPTY,        // 文件或文本为空
        NOT_TEXT,     // 二进制文件，不是文本
        OLD_FORMAT,   // .doc / .wps：旧格式，请另存为 .docx
        TOO_LARGE,    // 超过 2 MB
        NOT_DOCX,     // 扩展名是 .docx，内容不是
        NOT_A_REPORT  // 太短或不像述职报告
    }

    private final Code code;

    ImportException(Code code, String message) {
        super(message);
        this.code = code;
    }

    Code code() {
        return code;
    }
}
