package dev.ferry.launcher.jobs.record;

import java.util.Map;

/** Where a job runs: in session {@code session}, or in its own cluster of {@code mode}. */
public record JobPlacement(
        String mode,
        String session,
        String queue,
        String jobManagerMemory,
        String taskManagerMemory,
        Integer slots,
        Map<String, String> flinkSettings) {

    public JobPlacement {
        flinkSettings = flinkSettings == null ? Map.of() : Map.copyOf(flinkSettings);
    }

    public static JobPlacement inSession(String session) {
        return new JobPlacement("session", session, null, null, null, null, Map.of());
    }

    public boolean runsInSession() {
        return "session".equals(mode);
    }
}
