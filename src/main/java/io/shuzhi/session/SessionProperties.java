package io.shuzhi.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Session storage settings.
 *
 * @param ttl       how long a session lives after its last activity (writers work over several days)
 * @param maxEvents how many server frames a session's event log keeps for replay (approximately; older ones are
 *                  trimmed and a resuming tab gets a fresh snapshot instead)
 * @param purgeOlderThan when set, every session whose last activity is older than this is deleted at startup and
 *                  then every {@code purgeEvery}, whatever TTL it was stored with (an operator who shortens the
 *                  retention need not wait for the old TTLs); null: no purge
 * @param purgeEvery how often the purge runs
 * @param fanoutCheck how often an instance checks that cross-instance notices arrive (0: never)
 */
@ConfigurationProperties("shuzhi.session")
public record SessionProperties(Duration ttl, Integer maxEvents, Duration purgeOlderThan, Duration purgeEvery,
                                Duration fanoutCheck) {
    public SessionProperties {
        fanoutCheck = fanoutCheck == null ? Duration.ofSeconds(5) : fanoutCheck;
        ttl = ttl == null ? Duration.ofDays(30) : ttl;
        maxEvents = maxEvents == null ? 2000 : maxEvents;
        purgeEvery = purgeEvery == null ? Duration.ofHours(1) : purgeEvery;
        if (purgeOlderThan != null && (purgeOlderThan.isNegative() || purgeOlderThan.isZero())) purgeOlderThan = null;
        if (purgeEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("shuzhi.session.purge-every must be at least 1 minute, was " + purgeEvery);
        }
    }
}
