package io.shuzhi.interview;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where report kinds are read from.
 *
 * @param dir         directory of {@code <id>.yaml} files; when it does not exist the kinds packed in the jar are used
 * @param defaultKind the kind a new session gets when the page names none
 */
@ConfigurationProperties("shuzhi.kinds")
public record KindsProperties(String dir, String defaultKind) {
    public KindsProperties {
        dir = dir == null || dir.isBlank() ? "prompts/kinds" : dir;
        defaultKind = defaultKind == null || defaultKind.isBlank() ? "party-branch-secretary" : defaultKind;
    }
}
