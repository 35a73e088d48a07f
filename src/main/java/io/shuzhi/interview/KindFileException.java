package io.shuzhi.interview;

/** A report kind file that cannot be used; each line of the message names the file and a field ("x.yaml: parts[0].heading is missing"). */
class KindFileException extends RuntimeException {
    public KindFileException(String message) {
        super(message);
    }

    public KindFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
