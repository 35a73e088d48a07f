package io.shuzhi.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connection buffers sized for chat: thousands of tabs sit idle most of the time, and Tomcat keeps an application
 * read and write buffer per connection (8 KB each by default). Frames are small; 4 KB buffers halve the cost of an
 * idle tab without limiting frame size (larger frames are read in several passes).
 */
@Configuration
class TomcatConfig {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> chatSizedBuffers() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", "4096");
            connector.setProperty("socket.appWriteBufSize", "4096");
        });
    }
}
