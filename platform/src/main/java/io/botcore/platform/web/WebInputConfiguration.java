package io.botcore.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import tools.jackson.databind.JacksonModule;

/**
 * How a service reads what clients send: JSON strings without control characters ({@link StrictText}) and
 * Tomcat's own refusals answered in the JSON envelope ({@link EnvelopeErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
class WebInputConfiguration {

    @Bean
    JacksonModule strictText() {
        return StrictText.module();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports() {
        return new EnvelopeErrorReports();
    }

    /** Runs after Spring Boot's own Tomcat customizer, which installs the HTML error report valve. */
    private static final class EnvelopeErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
                    host.getPipeline().addValve(new EnvelopeErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
