package io.shuzhi.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connection buffers sized for chat: thousands of tabs sit idle most of the time, and Tomcat keeps an application
 * read and write buffer per connection (8 KB each by default). Frames are small; 4 KB buffers halve the cost of an
 * idle tab without limiting frame size (larger frames are read in several passes).
 *
 * <p>Tomcat's WebSocket layer also keeps buffers of {@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} (8 KB) per
 * connection (the output buffer and the encoders' buffers); 1 KB is set unless the operator set it: a frame larger
 * than that is written in several passes, at no cost to what the protocol allows.
 */
@Configuration
class TomcatConfig {
    static final String WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    static {
        // Read once by Tomcat when its WebSocket classes load, which is after configuration classes are read.
        if (System.getProperty(WEBSOCKET_BUFFER) == null) System.setProperty(WEBSOCKET_BUFFER, "1024");
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> chatSizedBuffers() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", "4096");
            connector.setProperty("socket.appWriteBufSize", "4096");
        });
    }
}
