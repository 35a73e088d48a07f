package io.shuzhi.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web settings.
 *
 * @param allowedOrigins origins (or patterns such as {@code https://*.example.gov.cn}) whose pages may open the
 *                       chat socket; empty means Shuzhi's own page only
 */
@ConfigurationProperties("shuzhi.web")
record WebProperties(List<String> allowedOrigins) {
    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }
}
