package io.shuzhi.web;

import io.shuzhi.chat.ChatProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Registers {@code /ws/chat} and the transport's frame size limit (beyond it the socket closes with 1009). */
@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {
    private final ChatSocketHandler handler;
    private final WebProperties web;

    WebSocketConfig(ChatSocketHandler handler, WebProperties web) {
        this.handler = handler;
        this.web = web;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        var registration = registry.addHandler(handler, "/ws/chat");
        if (!web.allowedOrigins().isEmpty()) {
            registration.setAllowedOriginPatterns(web.allowedOrigins().toArray(String[]::new));
        }
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(ChatProperties chat) {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(chat.transportLimitChars());
        container.setMaxBinaryMessageBufferSize(chat.transportLimitChars());
        container.setMaxSessionIdleTimeout(30L * 60 * 1000);
        return container;
    }
}
