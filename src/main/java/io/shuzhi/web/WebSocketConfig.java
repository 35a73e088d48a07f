package io.shuzhi.web;

import io.shuzhi.chat.ChatProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Registers {@code /ws/chat} and the transport's message buffers (the frame size limit, beyond which the socket closes
 * with 1009, is kept by {@link ChatSocketHandler}), and which other sites may embed the widget: the socket handshake
 * and CORS of {@code /api/**} follow {@code shuzhi.web.allowed-origins}.
 */
@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {
    /** Tomcat's per-socket message buffers: characters of text, bytes of binary. */
    static final int MESSAGE_PART = 1024;
    private final ChatSocketHandler handler;
    private final WebProperties web;

    WebSocketConfig(ChatSocketHandler handler, WebProperties web) {
        this.handler = handler;
        this.web = web;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Spring's origin check always admits the same origin (Origin matches the Host header) and a request with no
        // Origin (not a browser); any other page's handshake is refused with 403 unless its origin matches a pattern.
        registry.addHandler(handler, "/ws/chat")
                .setAllowedOriginPatterns(web.allowedOrigins().toArray(String[]::new));
    }

    /** CORS for the widget on an allowed site: the kind chooser, export links, delete and import. Nothing else is cross-origin. */
    @Bean
    WebMvcConfigurer embeddingCors() {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                // Registered also when the list is empty: then every other site's request to these paths is refused
                // (403) instead of being run with a response the browser merely hides. allowedOrigins() with nothing
                // clears the registration's permit-all default, which no pattern would replace when there is none.
                String[] origins = web.allowedOrigins().toArray(String[]::new);
                registry.addMapping("/api/kinds").allowedOrigins().allowedOriginPatterns(origins).allowedMethods("GET").maxAge(600);
                // The page posts the session id in the body and gets a sealed link back; the link itself is opened by
                // a navigation (a download), which needs no CORS.
                registry.addMapping("/api/exports").allowedOrigins().allowedOriginPatterns(origins).allowedMethods("POST")
                        .allowedHeaders(HttpHeaders.CONTENT_TYPE).maxAge(600);
                registry.addMapping("/api/sessions/*").allowedOrigins().allowedOriginPatterns(origins).allowedMethods("DELETE")
                        .maxAge(600);
                registry.addMapping("/api/sessions/*/import").allowedOrigins().allowedOriginPatterns(origins).allowedMethods("POST")
                        .maxAge(600);
            }
        };
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(ChatProperties chat) {
        var container = new ServletServerContainerFactoryBean();
        // Per socket; a longer message arrives in parts (see ChatSocketHandler.supportsPartialMessages).
        container.setMaxTextMessageBufferSize(MESSAGE_PART);
        container.setMaxBinaryMessageBufferSize(MESSAGE_PART);
        container.setMaxSessionIdleTimeout(chat.idleTimeout().toMillis());
        return container;
    }
}
