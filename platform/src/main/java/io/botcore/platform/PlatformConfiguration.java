package io.botcore.platform;

import io.botcore.platform.metrics.ProcessMemoryMetrics;
import io.botcore.platform.web.BodySizeLimitFilter;
import io.botcore.platform.web.RequestLogFilter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.DiskSpaceMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.io.File;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What every Bot Core service has: the request log, {@code /metrics}, latency histograms whose buckets
 * resolve 5 ms .. 1 s, process memory, free disk of the data folder and a build-info gauge.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = io.botcore.platform.web.HealthResponses.class)
public class PlatformConfiguration {

    /** Latency bucket bounds for HTTP and database timers. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5)};

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter() {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    MeterFilter latencyBuckets(@Value("${botcore.service}") String service) {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.withTag(io.micrometer.core.instrument.Tag.of("service", service));
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER && (id.getName().startsWith("http.server.requests")
                        || id.getName().startsWith("mongodb.driver.commands"))) {
                    return DistributionStatisticConfig.builder()
                            .serviceLevelObjectives(toNanos(LATENCY_BUCKETS))
                            .build().merge(config);
                }
                return config;
            }
        };
    }

    @Bean
    MeterBinder processMemoryMetrics() {
        return new ProcessMemoryMetrics();
    }

    @Bean
    MeterBinder dataDiskMetrics(@Value("${botcore.data-dir:data}") String dataDir) {
        File dir = new File(dataDir).getAbsoluteFile();
        dir.mkdirs();
        return new DiskSpaceMetrics(dir);
    }

    @Bean
    MeterBinder buildInfo() {
        return registry -> Gauge.builder("bot_core.build.info", () -> 1)
                .tag("version", BuildInfo.version())
                .tag("java", System.getProperty("java.version"))
                .description("Always 1; labels carry the build version").register(registry);
    }

    private static double[] toNanos(Duration[] bounds) {
        double[] nanos = new double[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            nanos[i] = bounds[i].toNanos();
        }
        return nanos;
    }
}
