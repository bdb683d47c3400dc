package dev.ferry.launcher.cli.output;

import java.time.Duration;

/** Short human durations for tables: 42s, 5m12s, 3h04m, 2d05h. */
public final class Durations {

    private Durations() {}

    public static String humanize(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86400) {
            return String.format("%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
        }
        return String.format("%dd%02dh", seconds / 86400, (seconds % 86400) / 3600);
    }

    public static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
