package io.shuzhi.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Conversation metrics at {@code /actuator/prometheus}: turns and their latency by frame type, errors by code,
 * model tokens in and out, drafts generated, sessions with an open tab on this instance.
 */
@Component
class ChatMetrics {
    private final MeterRegistry registry;
    private final Counter tokensIn;
    private final Counter tokensOut;
    private final Counter generations;

    ChatMetrics(MeterRegistry registry, SessionHub hub) {
        this.registry = registry;
        this.tokensIn = Counter.builder("shuzhi.tokens").tag("direction", "in").register(registry);
        this.tokensOut = Counter.builder("shuzhi.tokens").tag("direction", "out").register(registry);
        this.generations = Counter.builder("shuzhi.generations").register(registry);
        Gauge.builder("shuzhi.sessions.active", hub, SessionHub::sessions).register(registry);
    }

    /** The protocol's name of a frame ("say", "fact_edit"…): a metric says what the protocol says. */
    static String type(ClientFrame frame) {
        return TYPES.get(frame.getClass());
    }

    /** Worked out once per frame class, not once per turn. */
    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> frameClass) {
            return frameClass.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        }
    };

    void turn(String type, long nanos) {
        // p50/p99 of the server's own part of a turn (from the lane picking it up to its frames sent), over a
        // rolling window of a few minutes.
        Timer.builder("shuzhi.turn.latency").tag("type", type).publishPercentiles(0.5, 0.99)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void error(ErrorCode code) {
        Counter.builder("shuzhi.errors").tag("code", code.name()).register(registry).increment();
    }

    void tokens(long in, long out) {
        tokensIn.increment(in);
        tokensOut.increment(out);
    }

    void generation() {
        generations.increment();
    }
}
