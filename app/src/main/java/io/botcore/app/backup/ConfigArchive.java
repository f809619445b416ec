package io.botcore.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * {@code config-<date>.tar.gz}: {@code .env}, {@code config/config.toml} and {@code config/config.yaml} with
 * paths relative to the install folder and their file modes, so {@code tar -xzf config-*.tar.gz -C /opt/bot-core}
 * or {@link #extract} puts them back ({@code .env} stays 0600).
 */
public final class ConfigArchive {

    /** The files a backup keeps, relative to the install folder. */
    public static final List<String> FILES = List.of(".env", "config/config.toml", "config/config.yaml");

    private ConfigArchive() {
    }

    /** Writes the archive; returns the files it holds (those of {@link #FILES} that exist). */
    public static List<String> write(Path home, Path archive) throws IOException {
        List<String> written = new ArrayList<>();
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String name : FILES) {
                Path source = home.resolve(name);
                if (!Files.isRegularFile(source)) {
                    continue;
                }
                TarArchiveEntry entry = new TarArchiveEntry(source.toFile(), name);
                entry.setMode(mode(source));
                tar.putArchiveEntry(entry);
                Files.copy(source, tar);
                tar.closeArchiveEntry();
                written.add(name);
            }
        }
        return written;
    }

    /** Extracts the archive into {@code home}, overwriting the files it holds; returns their names. */
    public static List<String> extract(Path archive, Path home) throws IOException {
        List<String> extracted = new ArrayList<>();
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (!FILES.contains(entry.getName())) {
                    throw new IOException(archive + " holds " + entry.getName() + ", which is not a Bot Core config file");
                }
                Path target = home.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                extracted.add(entry.getName());
            }
        }
        return extracted;
    }

    private static int mode(Path file) throws IOException {
        int mode = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(file)) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            s.append((mode & (1 << (8 - bit))) != 0 ? letters.charAt(bit) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }
}
