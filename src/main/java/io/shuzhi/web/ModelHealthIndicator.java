package io.shuzhi.web;

import io.shuzhi.chat.TurnRunner;
import io.shuzhi.llm.LlmModels;
import io.shuzhi.llm.LlmProperties;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "model": offline mode is UP (no model needed); in LLM mode the model endpoint
 * is probed (at most every 30 s) and reported DOWN when it does not answer. Readiness leaves it out: writers can
 * still chat when the model is away (the interview falls back to the rules).
 */
@Component("model")
class ModelHealthIndicator implements HealthIndicator {
    private static final Duration CACHE = Duration.ofSeconds(30);
    private final TurnRunner turns;
    private final LlmProperties llm;
    private volatile Health last;
    private volatile long lastAt;

    ModelHealthIndicator(TurnRunner turns, LlmProperties llm) {
        this.turns = turns;
        this.llm = llm;
    }

    @Override
    public Health health() {
        if ("offline".equals(turns.engineName())) return Health.up().withDetail("engine", "offline").build();
        long now = System.nanoTime();
        Health cached = last;
        if (cached != null && now - lastAt < CACHE.toNanos()) return cached;
        Optional<String> problem = LlmModels.probe(llm);
        Health h = problem.isEmpty()
                ? Health.up().withDetail("engine", turns.engineName()).build()
                : Health.down().withDetail("engine", turns.engineName()).withDetail("problem", problem.get()).build();
        last = h;
        lastAt = now;
        return h;
    }
}
