package dev.ferry.bench.cli;

import dev.ferry.bench.BenchServices;
import dev.ferry.bench.yarn.YarnBench;

import picocli.CommandLine.Command;

/** {@code ferry bench deploy}: session ready time, Ferry against stock Flink. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = "Time from the deploy call to a session's REST API answering: Ferry (staged libraries, Ferry's"
                + " defaults) against stock Flink (dist jar and lib/ shipped on every deploy, Flink's defaults).")
public final class BenchDeployCommand extends YarnBenchCommand {

    @Override
    YarnBench bench(BenchServices services) {
        return services.deployBench();
    }
}
