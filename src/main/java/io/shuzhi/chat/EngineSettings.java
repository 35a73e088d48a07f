package io.shuzhi.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code shuzhi.engine}: {@code auto} (the model when {@code shuzhi.llm.base-url} and {@code model} are set, else
 * offline), {@code offline}, or {@code llm}.
 */
@ConfigurationProperties("shuzhi")
record EngineSettings(String engine) {
    enum Mode { AUTO, OFFLINE, LLM }

    Mode mode() {
        if (engine == null || engine.isBlank()) return Mode.AUTO;
        try {
            return Mode.valueOf(engine.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("shuzhi.engine: '" + engine + "' is not one of auto, offline, llm");
        }
    }
}
