package io.botcore.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backup folder: one sub-folder per complete backup, named {@link BackupName}; a backup being written
 * lives in {@code <name>.partial} until it is complete, so a crash never leaves a folder that looks usable.
 */
public record LocalBackups(Path dir) {

    /** Names of the complete backups, oldest first. */
    public List<String> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isDirectory(p) && BackupName.isValid(p.getFileName().toString())
                    && Files.isRegularFile(p.resolve(BackupManifest.FILE)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public Optional<String> latest() throws IOException {
        List<String> names = list();
        return names.isEmpty() ? Optional.empty() : Optional.of(names.get(names.size() - 1));
    }

    public Path folder(String name) {
        return dir.resolve(name);
    }

    /** The database archive of a backup folder ({@code mongodb-<name>.archive.gz}). */
    public static Path archive(Path folder) {
        return folder.resolve("mongodb-" + folder.getFileName() + ".archive.gz");
    }

    /** The configuration archive of a backup folder ({@code config-<name>.tar.gz}). */
    public static Path configArchive(Path folder) {
        return folder.resolve("config-" + folder.getFileName() + ".tar.gz");
    }

    /** Deletes a backup folder and everything in it. */
    public void delete(String name) throws IOException {
        deleteTree(folder(name));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
