package io.botcore.ai.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a local fake of an OpenAI-compatible chat endpoint (the JDK's HTTP server). */
class ExplainerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer fake;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<JsonNode> request = new AtomicReference<>();

    @AfterEach
    void stop() {
        fake.stop(0);
    }

    private URI start(int status, String body, Duration delay) throws IOException {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/v1/chat/completions", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            request.set(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        fake.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        fake.start();
        return URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/v1");
    }

    private static Map<String, Object> analysis() {
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("symbol", "BTCUSDT");
        analysis.put("signal", "Long");
        analysis.put("confidence", 0.41);
        analysis.put("probabilities", Map.of("down", 0.3, "flat", 0.29, "up", 0.41));
        analysis.put("reasons", List.of(Map.of("feature", "rsi_14", "contribution", 0.05)));
        analysis.put("model_version", "v0002");
        return analysis;
    }

    @Test
    void shouldAskTheChatEndpointWithTheModelsNumbersAndReturnItsParagraph() throws IOException {
        URI url = start(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"  The model leans up.  \"}}]}", Duration.ZERO);

        Explainer.Outcome outcome = new Explainer(url, "key-1", "small-model", Duration.ofSeconds(2))
                .explain(analysis());

        assertThat(outcome.text()).isEqualTo("The model leans up.");
        assertThat(outcome.error()).isNull();
        assertThat(authorization.get()).isEqualTo("Bearer key-1");
        assertThat(request.get().path("model").asString()).isEqualTo("small-model");
        JsonNode facts = JSON.readTree(request.get().path("messages").get(1).path("content").asString());
        assertThat(facts.path("signal").asString()).isEqualTo("Long");
        assertThat(facts.path("model_version").asString()).isEqualTo("v0002");
    }

    @Test
    void shouldGiveUpAfterItsTimeout() throws IOException {
        URI url = start(200, "{\"choices\":[]}", Duration.ofSeconds(3));
        long started = System.nanoTime();

        Explainer.Outcome outcome = new Explainer(url, "key-1", "m", Duration.ofSeconds(1)).explain(analysis());

        assertThat(outcome.text()).isNull();
        assertThat(outcome.error()).isEqualTo("explanation endpoint gave no answer within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_800));
    }

    @Test
    void shouldReportAnErrorStatusWithoutThrowing() throws IOException {
        URI url = start(500, "{\"error\":\"down\"}", Duration.ZERO);

        Explainer.Outcome outcome = new Explainer(url, "key-1", "m", Duration.ofSeconds(2)).explain(analysis());

        assertThat(outcome).isEqualTo(new Explainer.Outcome(null, "explanation endpoint answered 500"));
    }
}
