package io.botcore.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.ai.AiSettings;
import io.botcore.engine.EngineSettings;
import io.botcore.platform.config.CommonSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files agree with the code: probe paths are the health routes the controllers map, ports are
 * the services' default ports, every reference (Service selector, HPA target, ConfigMap, Secret) resolves.
 */
class DeploymentFilesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static Path root;
    private static final Map<String, JsonNode> byKindAndName = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("ops/k8s"))) {
            root = root.getParent();
        }
        try (var files = Files.list(root.resolve("ops/k8s"))) {
            for (Path file : files.sorted().toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        assertThat(doc.path("apiVersion").asString()).as(file + " apiVersion").isNotEmpty();
                        byKindAndName.put(doc.path("kind").asString() + "/" + doc.path("metadata").path("name").asString(), doc);
                    }
                }
            }
        }
    }

    @Test
    void shouldProbeTheHealthRoutesTheControllersMapOnTheDefaultPorts() throws Exception {
        String engineHealth = route("io.botcore.engine.health.EngineHealthController");
        String aiHealth = route("io.botcore.ai.health.AiHealthController");
        assertThat(engineHealth).isEqualTo("/api/health");
        assertThat(aiHealth).isEqualTo("/health");

        checkDeployment("engine", engineHealth, EngineSettings.PORT.defaultValue());
        checkDeployment("ai", aiHealth, AiSettings.PORT.defaultValue());
    }

    @Test
    void shouldResolveEveryReference() {
        for (String service : List.of("engine", "ai")) {
            JsonNode deployment = byKindAndName.get("Deployment/" + service);
            JsonNode svc = byKindAndName.get("Service/" + service);
            assertThat(svc).as("Service " + service).isNotNull();
            svc.path("spec").path("selector").properties().forEach(e -> assertThat(
                    deployment.path("spec").path("template").path("metadata").path("labels").path(e.getKey()).asString())
                    .as("Service " + service + " selector " + e.getKey()).isEqualTo(e.getValue().asString()));
            JsonNode hpa = byKindAndName.get("HorizontalPodAutoscaler/" + service);
            assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asString()).isEqualTo(service);
            for (JsonNode from : container(service).path("envFrom")) {
                if (from.has("configMapRef")) {
                    assertThat(byKindAndName).containsKey("ConfigMap/" + from.path("configMapRef").path("name").asString());
                } else {
                    assertThat(byKindAndName).containsKey("Secret/" + from.path("secretRef").path("name").asString());
                }
            }
        }
        assertThat(byKindAndName.get("Secret/bot-core-secrets").path("stringData").has(CommonSettings.JWT_SECRET.env())).isTrue();
        assertThat(byKindAndName.get("ConfigMap/bot-core-config").path("data").has(CommonSettings.DATABASE_URL.env())).isTrue();
        assertThat(byKindAndName.get("CronJob/backup").path("spec").path("jobTemplate").path("spec").path("template")
                .path("spec").path("containers").get(0).path("args").get(0).asString()).isEqualTo("backup");
    }

    @Test
    void shouldUseTheSamePortsAndPathsInComposeNginxAndDockerfile() throws Exception {
        String nginx = Files.readString(root.resolve("ops/nginx/bot-core.conf"));
        assertThat(nginx).contains("server engine:" + EngineSettings.PORT.defaultValue(),
                "server ai:" + AiSettings.PORT.defaultValue(), "least_conn;", "location /ws");
        JsonNode compose = YAML.readTree(root.resolve("docker-compose.yml").toFile());
        assertThat(compose.path("services").path("engine").path("expose").get(0).asString())
                .isEqualTo(String.valueOf(EngineSettings.PORT.defaultValue()));
        assertThat(compose.path("services").path("ai").path("expose").get(0).asString())
                .isEqualTo(String.valueOf(AiSettings.PORT.defaultValue()));
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        List<String> checks = new ArrayList<>();
        Matcher m = Pattern.compile("curl -fsS http://127\\.0\\.0\\.1:(\\d+)(/\\S*)").matcher(dockerfile);
        while (m.find()) {
            checks.add(m.group(1) + m.group(2));
        }
        assertThat(checks).containsExactly(EngineSettings.PORT.defaultValue() + route("io.botcore.engine.health.EngineHealthController"),
                AiSettings.PORT.defaultValue() + route("io.botcore.ai.health.AiHealthController"));
    }

    private void checkDeployment(String name, String healthPath, int port) {
        JsonNode c = container(name);
        assertThat(c.path("ports").get(0).path("containerPort").asInt()).as(name + " containerPort").isEqualTo(port);
        for (String probe : List.of("startupProbe", "readinessProbe")) {
            assertThat(c.path(probe).path("httpGet").path("path").asString()).as(name + " " + probe).isEqualTo(healthPath);
            assertThat(c.path(probe).path("httpGet").path("port").asInt()).as(name + " " + probe + " port").isEqualTo(port);
        }
        assertThat(c.path("livenessProbe").path("tcpSocket").path("port").asInt()).isEqualTo(port);
        JsonNode svc = byKindAndName.get("Service/" + name);
        assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(port);
    }

    private JsonNode container(String deployment) {
        return byKindAndName.get("Deployment/" + deployment).path("spec").path("template").path("spec")
                .path("containers").get(0);
    }

    private static String route(String controller) throws ClassNotFoundException, NoSuchMethodException {
        return Class.forName(controller).getDeclaredMethod("health").getAnnotation(GetMapping.class).value()[0];
    }
}
