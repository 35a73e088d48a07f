package io.shuzhi.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Session storage settings.
 *
 * @param ttl       how long a session lives after its last activity (writers work over several days)
 * @param maxEvents how many server frames a session's event log keeps for replay (approximately; older ones are
 *                  trimmed and a resuming tab gets a fresh snapshot instead)
 * @param fanoutCheck how often an instance checks that cross-instance notices arrive (0: never)
 */
@ConfigurationProperties("shuzhi.session")
public record SessionProperties(Duration ttl, Integer maxEvents, Duration fanoutCheck) {
    public SessionProperties {
        fanoutCheck = fanoutCheck == null ? Duration.ofSeconds(5) : fanoutCheck;
        ttl = ttl == null ? Duration.ofDays(30) : ttl;
        maxEvents = maxEvents == null ? 2000 : maxEvents;
    }
}
