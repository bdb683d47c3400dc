package dev.ferry.bench.nexmark;

import java.time.Instant;
import java.util.Optional;

/**
 * One measured run of a query.
 *
 * @param jobMillis the job's run time on the JobManager, submission to finish
 * @param clientMillis what the caller waited, planning and MiniCluster start included
 * @param eventsPerSecondPerCore events / job time / parallelism
 * @param load1 the machine's 1-minute load average when the run ended
 * @param failure why the run failed, if it did (then the times are 0)
 */
public record RunResult(
        String query,
        String variant,
        int run,
        long events,
        int parallelism,
        long jobMillis,
        long clientMillis,
        double eventsPerSecondPerCore,
        double load1,
        Instant finished,
        Optional<String> failure) {

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
