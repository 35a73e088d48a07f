package io.shuzhi.chat;

import java.util.function.IntSupplier;
import org.springframework.context.ApplicationContext;

/**
 * For tests outside {@code chat}: how many sessions the hub holds open tabs for, so {@link SessionHub} itself can stay
 * package-private.
 */
public final class OpenSessions {

    private OpenSessions() {}

    /** The running app's count of sessions with an open tab on this instance, read anew on each call. */
    public static IntSupplier in(ApplicationContext app) {
        SessionHub hub = app.getBean(SessionHub.class);
        return hub::sessions;
    }
}
