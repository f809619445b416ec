package io.botcore.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts a Bot Core Spring service with properties that Bot Core's own configuration resolved. Those
 * properties are put first, above anything Spring would read from the environment, so the precedence
 * defaults &lt; file &lt; environment &lt; flags is decided in one place ({@code ConfigLoader}).
 */
public final class ServiceLauncher {

    private ServiceLauncher() {
    }

    /**
     * @param application the {@code @SpringBootApplication} class
     * @param service {@code engine} or {@code ai}: names the log file and the {@code service} metric tag
     * @param properties Spring properties such as {@code server.port}
     * @param beans registers already-built objects (settings records) as beans
     * @return the running context; close it to stop the service gracefully
     */
    public static ConfigurableApplicationContext start(Class<?> application, String service,
            Map<String, Object> properties, Consumer<GenericApplicationContext> beans) {
        Map<String, Object> all = new HashMap<>(baseProperties(service));
        all.putAll(properties);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("bot-core", all));
        return new SpringApplicationBuilder(application)
                .main(application)
                .environment(environment)
                .web(WebApplicationType.SERVLET)
                .registerShutdownHook(false)
                .initializers(context -> beans.accept((GenericApplicationContext) context))
                .run();
    }

    private static Map<String, Object> baseProperties(String service) {
        Map<String, Object> p = new HashMap<>();
        p.put("botcore.service", service);
        p.put("spring.application.name", service);
        p.put("spring.main.banner-mode", "off");
        p.put("spring.main.log-startup-info", "false");
        p.put("logging.config", "classpath:botcore-logback.xml");
        p.put("spring.jackson.property-naming-strategy", "SNAKE_CASE");
        p.put("server.shutdown", "graceful");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", "10s");
        p.put("server.error.include-message", "never");
        p.put("server.error.include-stacktrace", "never");
        p.put("management.endpoints.access.default", "none");
        p.put("management.endpoints.web.exposure.exclude", "*");
        return p;
    }
}
