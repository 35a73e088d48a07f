package io.shuzhi.session;

/** Redis did not answer (down, restarting, or too slow). The operation changed nothing the caller can rely on. */
public class StoreUnavailableException extends RuntimeException {
    StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
