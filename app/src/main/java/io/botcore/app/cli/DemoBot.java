package io.botcore.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's paper bot, made through the API as a user would: the demo user logs in, creates a Bollinger bot on
 * BTCUSDT and ETHUSDT the first time, and starts it when it is stopped, so the demo trades on the replayed
 * candles from its first minute.
 */
final class DemoBot {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoBot() {
    }

    /** Makes sure the demo user's bot runs and returns the line to print. */
    static String ensureRunning(URI engine, Path credentials) throws IOException, InterruptedException {
        if (!Files.exists(credentials)) {
            return "none (the demo password is only in data/demo-credentials, which is missing)";
        }
        String line = Files.readString(credentials, StandardCharsets.UTF_8).strip();
        String password = line.split(" / ", 2)[1].split("\\s+", 2)[0];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ObjectNode login = JSON.createObjectNode().put("email", DemoUser.EMAIL).put("password", password);
        String token = send(http, engine, "POST", "/api/auth/login", null, login.toString()).path("data")
                .path("token").asString();
        JsonNode bots = send(http, engine, "GET", "/api/bots", token, null).path("data");
        JsonNode bot;
        if (bots.isEmpty()) {
            ObjectNode create = JSON.createObjectNode().put("name", "Demo Bollinger").put("strategy", "bollinger");
            create.putArray("symbols").add("BTCUSDT").add("ETHUSDT");
            create.putObject("risk").put("position_fraction", 0.25).put("max_exposure", 0.6).put("stop_loss", 0.03)
                    .put("take_profit", 0.06);
            bot = send(http, engine, "POST", "/api/bots", token, create.toString()).path("data");
        } else {
            bot = bots.get(0);
        }
        String id = bot.path("id").asString();
        if (bot.path("status").asString().equals("stopped")) {
            send(http, engine, "POST", "/api/bots/" + id + "/start", token, "");
        }
        return id + " " + bot.path("strategy").asString() + " on " + String.join(",",
                bot.path("symbols").valueStream().map(JsonNode::asString).toList())
                + ", paper, on the replayed candles (GET /api/bots/" + id + ")";
    }

    private static JsonNode send(HttpClient http, URI engine, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
