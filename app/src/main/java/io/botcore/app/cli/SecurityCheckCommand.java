package io.botcore.app.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserAccount;
import io.botcore.engine.auth.UserStore;
import io.botcore.platform.config.CommonSettings;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.bson.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The manual's {@code make security-check}: offline checks of an installation and its source tree, a report,
 * and exit 1 on any finding. Checks: secrets committed to git (private keys, AWS keys, high-entropy
 * {@code *_SECRET/_TOKEN/_PASSWORD/_KEY} assignments, a tracked {@code .env}), {@code .env} permissions (0600),
 * a weak or default {@code JWT_SECRET}, an admin still using the demo or a default password, debug logging left
 * on, and static analysis for security bugs (SpotBugs with FindSecBugs through Maven, several minutes; skip
 * with {@code --skip-static-analysis}).
 */
@Command(name = "security-check", mixinStandardHelpOptions = true,
        description = "Offline security checks (secrets in git, .env mode, JWT key, default passwords, debug "
                + "logging, SpotBugs+FindSecBugs); report, exit 1 on any finding.")
public final class SecurityCheckCommand implements Callable<Integer> {

    /** Passwords an admin must not keep: the original system's and the usual first guesses. */
    static final List<String> DEFAULT_PASSWORDS = List.of("admin", "password", "admin123", "changeme", "changeme123",
            "botcore", "bot-core", "password123", "administrator");

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?"
            + "PRIVATE KEY( BLOCK)?-----");
    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile("(?i)\\b([a-z0-9_.-]*(secret|token|passw(or)?d"
            + "|api_?key|private_?key|encryption_?key|access_?key)[a-z0-9_]*)[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9+/_=.-]{16,})");

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--skip-static-analysis", description = "do not run SpotBugs/FindSecBugs (it takes minutes)")
    boolean skipStaticAnalysis;

    @Option(names = "--demo", description = "this is the demo installation: its demo admin password is expected")
    boolean demo;

    private final List<String> findings = new ArrayList<>();

    @Override
    public Integer call() {
        Path home = Home.resolve(".");
        System.out.println("security-check of " + home.toAbsolutePath().normalize());
        checkTrackedSecrets(home);
        Path env = Home.resolve(options.envFile);
        checkEnvPermissions(env);
        Map<String, String> environment = options.environment();
        checkJwtSecret(environment.get("JWT_SECRET"));
        checkLogLevel(environment);
        checkDatabase();
        if (skipStaticAnalysis) {
            skipped("static analysis", "--skip-static-analysis given");
        } else {
            checkStaticAnalysis(home);
        }
        System.out.println();
        if (findings.isEmpty()) {
            System.out.println("security-check: no findings");
            return 0;
        }
        System.out.println("security-check: " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
        return 1;
    }

    private void ok(String check, String detail) {
        System.out.println("OK    " + check + ": " + detail);
    }

    private void skipped(String check, String detail) {
        System.out.println("SKIP  " + check + ": " + detail);
    }

    private void finding(String check, String detail) {
        findings.add(check + ": " + detail);
        System.out.println("FAIL  " + check + ": " + detail);
    }

    // ---- secrets in the tree

    private void checkTrackedSecrets(Path home) {
        List<String> files = trackedFiles(home);
        if (files == null) {
            skipped("secrets in git", home + " is not a git checkout (git ls-files failed)");
            return;
        }
        int before = findings.size();
        for (String file : files) {
            String name = Path.of(file).getFileName().toString();
            if (name.equals(".env") || name.startsWith(".env.backup-") || name.endsWith(".pem") || name.endsWith(".p12")
                    || name.endsWith(".jks") || name.equals("demo-credentials")) {
                finding("secrets in git", file + " is tracked: remove it (git rm --cached " + file + "), add it to "
                        + ".gitignore and rotate what it held (./bot-core generate-secrets)");
                continue;
            }
            if (file.contains("/src/test/")) {
                continue;
            }
            scan(home.resolve(file), file);
        }
        if (findings.size() == before) {
            ok("secrets in git", files.size() + " tracked files scanned, no key, token or password found");
        }
    }

    private static List<String> trackedFiles(Path home) {
        try {
            Process git = new ProcessBuilder("git", "-C", home.toString(), "ls-files", "-z").redirectErrorStream(false)
                    .start();
            byte[] out = git.getInputStream().readAllBytes();
            git.getErrorStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return null;
            }
            List<String> files = new ArrayList<>();
            for (String f : new String(out, StandardCharsets.UTF_8).split("\0")) {
                if (!f.isEmpty()) {
                    files.add(f);
                }
            }
            return files;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void scan(Path path, String name) {
        String text;
        try {
            if (!Files.isRegularFile(path) || Files.size(path) > (2 << 20)) {
                return;
            }
            byte[] bytes = Files.readAllBytes(path);
            for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
                if (bytes[i] == 0) {
                    return;
                }
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = name + ":" + (i + 1);
            if (PRIVATE_KEY.matcher(line).find()) {
                finding("secrets in git", where + " holds a private key");
            }
            if (AWS_KEY_ID.matcher(line).find()) {
                finding("secrets in git", where + " holds an AWS access key id");
            }
            Matcher m = SECRET_ASSIGNMENT.matcher(line);
            while (m.find()) {
                String value = m.group(4);
                if (looksRandom(value)) {
                    finding("secrets in git", where + " assigns a random-looking value to " + m.group(1)
                            + " (" + value.length() + " characters): move it to .env and rotate it");
                }
            }
        }
    }

    /** High entropy for its alphabet: at least 3 bits per character for hex, 4.2 otherwise. */
    static boolean looksRandom(String value) {
        boolean hex = value.matches("[0-9a-fA-F]+");
        if (hex ? value.length() < 32 : value.length() < 20) {
            return false;
        }
        return entropy(value) >= (hex ? 3.0 : 4.2);
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : s.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        double h = 0;
        for (int n : counts.values()) {
            double p = (double) n / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    // ---- .env, JWT key, log level

    private void checkEnvPermissions(Path env) {
        if (!Files.exists(env)) {
            skipped(".env permissions", env + " does not exist (secrets come from the environment)");
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(env);
            String mode = PosixFilePermissions.toString(permissions);
            if (!mode.equals("rw-------") && !mode.equals("r--------")) {
                finding(".env permissions", env + " is " + mode + "; others can read the secrets: chmod 600 " + env);
            } else {
                ok(".env permissions", env + " is " + mode);
            }
        } catch (IOException | UnsupportedOperationException e) {
            finding(".env permissions", "cannot read the mode of " + env + ": " + e.getMessage());
        }
    }

    private void checkJwtSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            finding("JWT key", "JWT_SECRET is not set: run ./bot-core generate-secrets");
        } else if (secret.equals(ValidateEnvCommand.ORIGINAL_DEFAULT_SECRET)) {
            finding("JWT key", "JWT_SECRET is the original system's public default: run ./bot-core generate-secrets");
        } else if (strengthBits(secret) < 256) {
            finding("JWT key", "JWT_SECRET holds about " + strengthBits(secret) + " bits, fewer than 256: run "
                    + "./bot-core generate-secrets");
        } else {
            ok("JWT key", "JWT_SECRET holds at least 256 bits");
        }
    }

    /**
     * Bits of key material: the decoded size of a base64 key whose characters look random (at least 4 bits of
     * entropy each), else the smaller of its size and its length times its entropy per character.
     */
    static int strengthBits(String secret) {
        double perCharacter = entropy(secret);
        if (perCharacter >= 4.0 && (secret.matches("[A-Za-z0-9_-]{43,}={0,2}")
                || secret.matches("[A-Za-z0-9+/]{43,}={0,2}"))) {
            try {
                return 8 * (secret.contains("+") || secret.contains("/") ? Base64.getDecoder().decode(secret)
                        : Base64.getUrlDecoder().decode(secret)).length;
            } catch (IllegalArgumentException notBase64) {
                System.err.println("security-check: JWT_SECRET looks like base64 but is not; estimating its strength");
            }
        }
        return Math.min(secret.getBytes(StandardCharsets.UTF_8).length * 8, (int) (secret.length() * perCharacter));
    }

    private void checkLogLevel(Map<String, String> environment) {
        String level = environment.getOrDefault("LOG_LEVEL", "");
        if (level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace")) {
            finding("log level", "LOG_LEVEL=" + level + " in .env or the environment: debug logs hold request "
                    + "details; set LOG_LEVEL=info once the incident is over");
        } else {
            ok("log level", "LOG_LEVEL is " + (level.isEmpty() ? "unset (info)" : level));
        }
    }

    // ---- database: runtime log level, default passwords

    private void checkDatabase() {
        DatabaseSettings configured = CommonSettings.database(options.resolve(EngineCommand.CONFIG_FILE,
                EngineSettings.SETTINGS).config());
        DatabaseSettings settings = new DatabaseSettings(configured.url(), configured.poolSize(), Duration.ofSeconds(3),
                configured.idleTimeout());
        try (MongoClient client = MongoClients.create(settings, new SimpleMeterRegistry())) {
            MongoDatabase database = client.getDatabase(settings.databaseName());
            database.runCommand(new Document("ping", 1));
            checkRuntimeLogLevel(database);
            checkAdminPasswords(database);
        } catch (com.mongodb.MongoException e) {
            skipped("admin passwords", "database " + settings.redactedUrl() + " does not answer (" + e.getClass()
                    .getSimpleName() + "); start it (./bot-core db) to check accounts");
        }
    }

    private void checkRuntimeLogLevel(MongoDatabase database) {
        Document level = database.getCollection("system_settings").find(Filters.eq("_id", "log_level")).first();
        String value = level == null ? null : level.getString("value");
        if (value != null && (value.equals("debug") || value.equals("trace"))) {
            finding("log level", "the engines run at " + value + " since it was set at runtime: "
                    + "./bot-core log-level info");
        }
    }

    private void checkAdminPasswords(MongoDatabase database) {
        List<String> candidates = new ArrayList<>(DEFAULT_PASSWORDS);
        demoPassword().ifPresent(p -> {
            if (!demo) {
                candidates.add(p);
            }
        });
        Passwords passwords = new Passwords(10);
        int admins = 0;
        int before = findings.size();
        for (UserAccount user : new UserStore(database, Clock.systemUTC()).all()) {
            if (user.role() != Role.ADMIN || !user.active()) {
                continue;
            }
            admins++;
            for (String candidate : candidates) {
                if (passwords.matches(candidate, Optional.of(user.passwordHash()))) {
                    finding("admin passwords", user.email() + " still uses " + (candidate.equals(demoPassword()
                            .orElse(null)) ? "the demo password (data/demo-credentials)" : "a default password")
                            + ": change it (POST /api/auth/change-password) or ./bot-core user disable " + user.email());
                    break;
                }
            }
        }
        if (findings.size() == before) {
            ok("admin passwords", admins + " active admins, none with the demo or a default password"
                    + (demo ? " (--demo: the demo password is allowed)" : ""));
        }
    }

    private Optional<String> demoPassword() {
        Path file = Home.resolve("data/demo-credentials");
        try {
            if (Files.exists(file)) {
                String line = Files.readString(file, StandardCharsets.UTF_8).strip();
                Matcher m = Pattern.compile("/ (\\S+)").matcher(line);
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
        } catch (IOException e) {
            System.err.println("security-check: cannot read " + file + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    // ---- static analysis

    private void checkStaticAnalysis(Path home) {
        if (!Files.exists(home.resolve("pom.xml"))) {
            skipped("static analysis", "no source tree here (pom.xml missing)");
            return;
        }
        System.out.println("....  static analysis: SpotBugs + FindSecBugs over every module (takes a few minutes)");
        int exit;
        Path log = home.resolve("target/security-check.log");
        try {
            Files.createDirectories(log.getParent());
            Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-Psecurity-check", "-Dmaven.test.skip=true",
                    "compile", "com.github.spotbugs:spotbugs-maven-plugin:spotbugs").directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            exit = mvn.waitFor();
        } catch (IOException e) {
            finding("static analysis", "cannot run Maven (" + e.getMessage() + "); install it or pass "
                    + "--skip-static-analysis");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finding("static analysis", "interrupted");
            return;
        }
        if (exit != 0) {
            finding("static analysis", "Maven failed (exit " + exit + "); see " + log);
            return;
        }
        int before = findings.size();
        int reports = 0;
        try (Stream<Path> files = Files.walk(home, 3)) {
            for (Path report : files.filter(p -> p.getFileName().toString().equals("spotbugsXml.xml")).toList()) {
                reports++;
                for (String bug : bugs(report)) {
                    finding("static analysis", bug);
                }
            }
        } catch (IOException e) {
            finding("static analysis", "cannot read the reports: " + e.getMessage());
        }
        if (findings.size() == before) {
            ok("static analysis", reports + " module reports, no security bug (ops/security/spotbugs-*.xml say "
                    + "what is checked)");
        }
    }

    /** The line the bug is reported at: the instance's primary source line, else its method's, else its class's. */
    private static Element sourceLine(Element bug) {
        Element fallback = null;
        for (org.w3c.dom.Node child = bug.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals("SourceLine") && e.getAttribute("primary")
                    .equals("true")) {
                return e;
            }
            if (child instanceof Element e && e.getTagName().equals("Method") && fallback == null) {
                fallback = (Element) e.getElementsByTagName("SourceLine").item(0);
            }
        }
        return fallback != null ? fallback : (Element) bug.getElementsByTagName("SourceLine").item(0);
    }

    /** The bug instances of one SpotBugs XML report, one line each. */
    static List<String> bugs(Path report) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(report)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(in);
            NodeList instances = xml.getElementsByTagName("BugInstance");
            for (int i = 0; i < instances.getLength(); i++) {
                Element bug = (Element) instances.item(i);
                Element line = sourceLine(bug);
                String where = line == null ? "" : " at " + line.getAttribute("sourcepath") + ":" + line.getAttribute("start");
                Element message = (Element) bug.getElementsByTagName("ShortMessage").item(0);
                out.add(bug.getAttribute("type") + where + (message == null ? "" : " (" + message.getTextContent() + ")"));
            }
        } catch (Exception e) {
            out.add("cannot parse " + report + ": " + e.getMessage());
        }
        return out;
    }
}
