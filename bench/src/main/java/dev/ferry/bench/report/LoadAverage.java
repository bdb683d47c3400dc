package dev.ferry.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine's 1, 5 and 15 minute load averages: a bench's times mean little without them. */
public record LoadAverage(double one, double five, double fifteen) {

    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

    /** Now, or NaN where the system does not publish /proc/loadavg. */
    public static LoadAverage now() {
        try {
            String[] fields = Files.readString(PROC_LOADAVG).trim().split("\\s+");
            return new LoadAverage(
                    Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        } catch (IOException | RuntimeException unavailable) {
            return new LoadAverage(Double.NaN, Double.NaN, Double.NaN);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", one, five, fifteen);
    }
}
