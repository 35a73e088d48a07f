package io.shuzhi.web;

import io.shuzhi.chat.TurnRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the app where to open it and which engine runs. */
@Component
class StartupMessage implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);
    private final TurnRunner turns;

    StartupMessage(TurnRunner turns) {
        this.turns = turns;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String engine = "offline".equals(turns.engineName()) ? "离线模式 (offline)" : turns.engineName();
            log.info("Shuzhi 述职助手 is ready: open http://localhost:{}/  — engine: {}",
                    web.getWebServer().getPort(), engine);
        }
    }
}
