package dev.ferry.bench.cli;

import dev.ferry.bench.BenchServices;
import dev.ferry.bench.yarn.YarnBench;

import picocli.CommandLine.Command;

/** {@code ferry bench failover}: kill -9 of a JobManager to its job RUNNING again, Ferry's HA settings against stock's. */
@Command(
        name = "failover",
        mixinStandardHelpOptions = true,
        description =
                "Time from SIGKILL of a session's JobManager (through YARN) until its checkpointed job runs again:"
                        + " Ferry's HA settings against Flink's defaults; also the YARN attempts used. Needs ZooKeeper HA.")
public final class BenchFailoverCommand extends YarnBenchCommand {

    @Override
    YarnBench bench(BenchServices services) {
        return services.failoverBench();
    }
}
