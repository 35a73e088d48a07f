package io.shuzhi.chat;

import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.OfflineInterviewer;
import io.shuzhi.llm.LlmDraftWriter;
import io.shuzhi.llm.LlmInterviewer;
import io.shuzhi.llm.LlmModels;
import io.shuzhi.llm.LlmProperties;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the engine (see {@link EngineSettings}). The model is probed once at startup; when it does not answer the
 * app starts offline with a warning — with {@code shuzhi.engine=llm} too, because an app that will not start while a
 * model server reboots helps nobody, and the page says plainly which engine runs.
 */
@Configuration
class EngineConfig {
    private static final Logger log = LoggerFactory.getLogger(EngineConfig.class);

    @Bean
    Engine engine(EngineSettings settings, LlmProperties llm, OfflineInterviewer interviewer, TemplateDrafter drafter,
                  ObjectProvider<LlmInterviewer> llmInterviewer, ObjectProvider<LlmDraftWriter> llmDrafter) {
        Engine offline = new Engine(Engine.OFFLINE, interviewer, drafter);
        EngineSettings.Mode mode = settings.mode();
        if (mode == EngineSettings.Mode.OFFLINE) return offline;
        if (!llm.configured()) {
            if (mode == EngineSettings.Mode.LLM) {
                log.warn("shuzhi.engine=llm but SHUZHI_LLM_BASE_URL / SHUZHI_LLM_MODEL are not both set: running offline");
            }
            return offline;
        }
        Optional<String> problem = LlmModels.probe(llm);
        if (problem.isPresent()) {
            log.warn("Model {} is not usable: {}. Running OFFLINE; restart once the model answers.", llm.model(),
                    problem.get());
            return offline;
        }
        log.info("Engine: model {} at {} (key {})", llm.model(), llm.base(), llm.apiKey().isEmpty() ? "not set" : "set");
        // Built here, after the probe, by llm.LlmConfig: an offline app never builds a model.
        return new Engine(llm.model(), llmInterviewer.getObject(), llmDrafter.getObject());
    }
}
