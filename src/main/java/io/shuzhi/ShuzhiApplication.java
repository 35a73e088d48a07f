package io.shuzhi;

import io.shuzhi.llm.Smoke;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Shuzhi (述职助手): a chat assistant that drafts the annual 述职报告 from the writer's own facts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShuzhiApplication {
    public static void main(String[] args) {
        if (args.length > 0 && Smoke.COMMAND.equals(args[0])) {
            // The operator's check of a model endpoint: no web server, no Redis; the exit code says pass or fail.
            System.exit(Smoke.command(Arrays.copyOfRange(args, 1, args.length), Smoke.console()));
        }
        SpringApplication.run(ShuzhiApplication.class, args);
    }
}
