package io.shuzhi.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conversation limits.
 *
 * @param maxTextBytes        a frame larger than this gets a TOO_LARGE error frame (UTF-8 bytes)
 * @param transportLimitChars a frame longer than this (in characters: the servlet container buffers decoded text) is
 *                            refused by the WebSocket transport, which closes the socket with 1009
 * @param turnThreads         threads that run turns (sessions in parallel, each session's turns in order)
 */
@ConfigurationProperties("shuzhi.chat")
public record ChatProperties(Integer maxTextBytes, Integer transportLimitChars, Integer turnThreads) {
    public ChatProperties {
        maxTextBytes = maxTextBytes == null ? 8192 : maxTextBytes;
        transportLimitChars = transportLimitChars == null ? 65536 : transportLimitChars;
        turnThreads = turnThreads == null ? 8 : turnThreads;
    }
}
