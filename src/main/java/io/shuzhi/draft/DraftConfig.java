package io.shuzhi.draft;

import io.shuzhi.interview.Lexicon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The drafter's tables as the app's one {@link DraftLexicon}, read at startup. */
@Configuration(proxyBeanMethods = false)
class DraftConfig {

    @Bean
    DraftLexicon draftLexicon(Lexicon lexicon) {
        return DraftLexicon.load(lexicon);
    }
}
