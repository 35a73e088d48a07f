package io.shuzhi.chat;

import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.OfflineInterviewer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the engine: the offline one unless a model is configured (see {@code shuzhi.engine}). */
@Configuration
class EngineConfig {

    @Bean
    Engine engine(OfflineInterviewer interviewer, TemplateDrafter drafter) {
        return new Engine(Engine.OFFLINE, interviewer, drafter);
    }
}
