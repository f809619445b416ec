package io.botcore.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident and virtual memory of this process from {@code /proc/self/status} (Linux), as
 * {@code process_resident_memory_bytes} and {@code process_virtual_memory_bytes}, the names Prometheus
 * client libraries use. On systems without procfs the gauges read NaN.
 */
public final class ProcessMemoryMetrics implements MeterBinder {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("process.resident.memory", () -> kilobytes("VmRSS:") * 1024)
                .baseUnit("bytes").description("Resident set size of the process").register(registry);
        Gauge.builder("process.virtual.memory", () -> kilobytes("VmSize:") * 1024)
                .baseUnit("bytes").description("Virtual memory size of the process").register(registry);
    }

    private static double kilobytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Double.parseDouble(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
