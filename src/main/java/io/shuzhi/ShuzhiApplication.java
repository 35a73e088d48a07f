package io.shuzhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Shuzhi (述职助手): a chat assistant that drafts the annual 述职报告 from the writer's own facts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShuzhiApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShuzhiApplication.class, args);
    }
}
