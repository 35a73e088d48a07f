package io.shuzhi.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conversation limits.
 *
 * @param maxTextBytes             a frame larger than this gets a TOO_LARGE error frame (UTF-8 bytes)
 * @param transportLimitChars      a message longer than this (in characters) closes the socket with 1009 and is
 *                                 not read further; between {@code maxTextBytes} and this it gets TOO_LARGE. The
 *                                 socket handler joins a message's parts up to this many characters while it arrives;
 *                                 idle sockets do not pay for it
 * @param turnThreads              threads that run turns (sessions in parallel, each session's turns in order)
 * @param connectionBurst          frames one tab may send at once …
 * @param connectionPerSecond      … and per second after that
 * @param addressBurst             frames one client address may send at once (all its tabs) …
 * @param addressPerSecond         … and per second after that
 * @param maxConcurrentGenerations drafts written at the same time on this instance; more get a BUSY error
 * @param generationLock           how long a streamed draft's lock lives without a finished section (a crashed
 *                                 instance holds it no longer)
 * @param idleTimeout              a socket with no frame from its tab for this long is closed (the page reconnects
 *                                 and resumes when the writer comes back)
 * @param maxStateBytes            the largest session state stored (UTF-8 bytes of its JSON); a turn that would
 *                                 store more is refused with SESSION_LIMIT
 * @param maxSocketsPerAddress     chat sockets one client address may hold open; the next one gets a
 *                                 TOO_MANY_CONNECTIONS error frame and is closed (1008). Behind a reverse proxy the
 *                                 address is the proxy's unless it forwards the client's (server.forward-headers-strategy)
 * @param stateCacheSessions       sessions whose last committed state this instance keeps between turns (least recently
 *                                 used dropped first): a turn of one of them reads only the revision from Redis, not
 *                                 the state and every fact; 0 turns the cache off
 */
@ConfigurationProperties("shuzhi.chat")
public record ChatProperties(Integer maxTextBytes, Integer transportLimitChars, Integer turnThreads,
                             Integer connectionBurst, Double connectionPerSecond, Integer addressBurst,
                             Double addressPerSecond, Integer maxConcurrentGenerations,
                             java.time.Duration generationLock, java.time.Duration idleTimeout,
                             Integer maxStateBytes, Integer maxSocketsPerAddress, Integer stateCacheSessions) {
    public ChatProperties {
        maxTextBytes = maxTextBytes == null ? 8192 : maxTextBytes;
        transportLimitChars = transportLimitChars == null ? 10240 : transportLimitChars;
        turnThreads = turnThreads == null ? 8 : turnThreads;
        connectionBurst = connectionBurst == null ? 30 : connectionBurst;
        connectionPerSecond = connectionPerSecond == null ? 5.0 : connectionPerSecond;
        addressBurst = addressBurst == null ? 300 : addressBurst;
        addressPerSecond = addressPerSecond == null ? 50.0 : addressPerSecond;
        maxConcurrentGenerations = maxConcurrentGenerations == null ? 4 : maxConcurrentGenerations;
        generationLock = generationLock == null ? java.time.Duration.ofSeconds(90) : generationLock;
        idleTimeout = idleTimeout == null ? java.time.Duration.ofMinutes(30) : idleTimeout;
        maxStateBytes = maxStateBytes == null ? 2 * 1024 * 1024 : maxStateBytes;
        maxSocketsPerAddress = maxSocketsPerAddress == null ? 200 : maxSocketsPerAddress;
        stateCacheSessions = stateCacheSessions == null ? 1000 : stateCacheSessions;
    }
}
