package io.botcore.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code .env} file: {@code KEY=VALUE} lines, {@code #} comments, optional single or double quotes and
 * an optional {@code export } prefix. Reading keeps the order of keys; writing keeps comments and the
 * position of every key it does not change and creates the file with mode 0600.
 *
 * <p>Instances are immutable.
 */
public final class EnvFile {

    private final List<String> lines;

    private EnvFile(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Reads {@code path}; a missing file reads as empty. */
    public static EnvFile read(Path path) {
        if (!Files.exists(path)) {
            return new EnvFile(List.of());
        }
        try {
            return new EnvFile(Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The key/value pairs in file order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            Map.Entry<String, String> entry = parse(line);
            if (entry != null) {
                values.put(entry.getKey(), entry.getValue());
            }
        }
        return values;
    }

    /** Returns a copy where each given key is set, in place when present, appended when new. */
    public EnvFile with(Map<String, String> updates) {
        List<String> out = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>(updates);
        for (String line : lines) {
            Map.Entry<String, String> entry = parse(line);
            if (entry != null && pending.containsKey(entry.getKey())) {
                out.add(entry.getKey() + "=" + pending.remove(entry.getKey()));
            } else {
                out.add(line);
            }
        }
        pending.forEach((k, v) -> out.add(k + "=" + v));
        return new EnvFile(out);
    }

    /**
     * Writes the file atomically with mode 0600 (owner read/write only). When a previous file exists it
     * is first copied to {@code backup} (also 0600), if {@code backup} is not null.
     */
    public void write(Path path, Path backup) {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            if (backup != null && Files.exists(path)) {
                Files.copy(path, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.setPosixFilePermissions(backup, ownerOnly);
            }
            Path tmp = Files.createTempFile(dir, ".env", ".tmp", PosixFilePermissions.asFileAttribute(ownerOnly));
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(path, ownerOnly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static Map.Entry<String, String> parse(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        if (line.startsWith("export ")) {
            line = line.substring("export ".length()).strip();
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        } else {
            int comment = value.indexOf(" #");
            if (comment >= 0) {
                value = value.substring(0, comment).strip();
            }
        }
        return Map.entry(key, value);
    }
}
