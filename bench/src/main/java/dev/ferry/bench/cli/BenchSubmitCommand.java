package dev.ferry.bench.cli;

import dev.ferry.bench.BenchServices;
import dev.ferry.bench.yarn.YarnBench;

import picocli.CommandLine.Command;

/** {@code ferry bench submit}: job submit to RUNNING, Ferry against stock Flink. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Time from submit to all tasks RUNNING: into a new session (Ferry keeps a warm TaskManager, stock"
                + " starts one), on a warm TaskManager (both), and 'ferry job submit' at the shell (whole process).")
public final class BenchSubmitCommand extends YarnBenchCommand {

    @Override
    YarnBench bench(BenchServices services) {
        return services.submitBench();
    }
}
