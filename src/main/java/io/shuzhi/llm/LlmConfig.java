package io.shuzhi.llm;

import io.shuzhi.draft.DraftLexicon;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.OfflineInterviewer;
import io.shuzhi.session.SessionProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The one place LLM mode is wired: the models are built here, once, and every LLM class gets them. All but the
 * rewriter are lazy — built only when {@code chat.EngineConfig} has chosen the model (configured, and it answered the
 * probe), so an offline app never builds a model.
 */
@Configuration(proxyBeanMethods = false)
class LlmConfig {

    @Bean
    @Lazy
    LlmModels llmModels(LlmProperties props) {
        return new LlmModels(props);
    }

    @Bean
    @Lazy
    LlmInterviewer llmInterviewer(OfflineInterviewer offline, Lexicon lexicon, LlmModels models, PromptTemplates prompts,
                                  StringRedisTemplate redis, SessionProperties session) {
        return new LlmInterviewer(offline, lexicon, models, prompts, new RedisChatMemoryStore(redis, session.ttl()));
    }

    @Bean
    @Lazy
    LlmDraftWriter llmDraftWriter(TemplateDrafter template, DraftLexicon lexicon, LlmModels models,
                                  PromptTemplates prompts) {
        return new LlmDraftWriter(template, lexicon, models, prompts);
    }

    /** Asked for by a refine turn only when the engine is not offline; the models then exist already. */
    @Bean
    LlmSectionRewriter llmSectionRewriter(LlmProperties props, ObjectProvider<LlmModels> models,
                                          PromptTemplates prompts, DraftLexicon lexicon) {
        return new LlmSectionRewriter(() -> props.configured() ? models.getObject() : null, prompts, lexicon);
    }
}
