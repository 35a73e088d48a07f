package io.shuzhi.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Download links.
 *
 * @param key the secret that seals download links ({@code SHUZHI_LINK_KEY}, at least 32 characters); when empty, a
 *            random key of this process (links then do not survive a restart and other instances refuse them)
 * @param ttl how long a download link opens the file after the page asked for it
 */
@ConfigurationProperties("shuzhi.links")
record ExportLinkProperties(String key, Duration ttl) {
    public ExportLinkProperties {
        key = key == null ? "" : key.strip();
        ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        if (!key.isEmpty() && key.length() < 32) {
            throw new IllegalArgumentException("shuzhi.links.key (SHUZHI_LINK_KEY) is too short: use at least 32"
                    + " random characters, e.g. the output of `openssl rand -base64 32`.");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("shuzhi.links.ttl must be between 1 s and 1 h, was " + ttl + ".");
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ExportLinkProperties[key=" + (key.isEmpty() ? "(random per process)" : "(set)") + ", ttl=" + ttl + "]";
    }
}
