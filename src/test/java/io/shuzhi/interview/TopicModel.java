package io.shuzhi.interview;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/**
 * For tests outside {@code interview}: wait until the running app's similarity model has loaded, so
 * {@link EmbeddingSimilarity} itself can stay package-private.
 */
public final class TopicModel {

    private TopicModel() {}

    /** Whether the model loaded within {@code timeout} (false: routing stays by keywords alone). */
    public static boolean awaitReady(ApplicationContext app, Duration timeout) throws InterruptedException {
        return app.getBean(EmbeddingSimilarity.class).awaitReady(timeout);
    }
}
