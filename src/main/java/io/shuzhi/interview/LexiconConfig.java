package io.shuzhi.interview;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The interview's tables as the app's one {@link Lexicon}, read at startup. */
@Configuration(proxyBeanMethods = false)
class LexiconConfig {

    @Bean
    Lexicon lexicon() {
        return Lexicon.load();
    }
}
