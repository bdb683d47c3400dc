package dev.ferry.bench;

import dev.ferry.bench.nexmark.NexmarkBench;
import dev.ferry.bench.nexmark.NexmarkSessions;
import dev.ferry.bench.yarn.BenchSessions;
import dev.ferry.bench.yarn.DeployBench;
import dev.ferry.bench.yarn.FailoverBench;
import dev.ferry.bench.yarn.FerryShell;
import dev.ferry.bench.yarn.JobManagerKiller;
import dev.ferry.bench.yarn.StockFlinkConfiguration;
import dev.ferry.bench.yarn.SubmitBench;
import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.CommandContext;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryOptions;
import dev.ferry.launcher.jobs.JobSubmitter;

import org.apache.flink.configuration.Configuration;
import org.apache.hadoop.fs.FileSystem;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wires the benches for one command from the launcher's services: the bench module's composition
 * root, as {@link LauncherServices} is the launcher's. YARN is contacted only when a bench first
 * needs it.
 */
public final class BenchServices implements AutoCloseable {

    private final CommandContext context;
    private final EffectiveConfiguration config;
    private final LauncherServices launcher;

    public BenchServices(CommandContext context) {
        this.context = context;
        this.config = context.configuration();
        this.launcher = context.services();
    }

    private StockFlinkConfiguration stockFlink() {
        return new StockFlinkConfiguration(config, launcher.sessionConfigurations());
    }

    private BenchSessions benchSessions() {
        return new BenchSessions(
                launcher.clusterStarter(),
                launcher.clusterDeployer(),
                launcher.sessionConfigurations(),
                stockFlink(),
                launcher.queues(),
                launcher.clusters(),
                launcher.sessionKiller(),
                launcher.distStager(),
                launcher.delegationTokens());
    }

    public DeployBench deployBench() {
        return new DeployBench(benchSessions());
    }

    /** Needs ZooKeeper HA; the counting jobs write under /ferry/bench/failover on the default file system. */
    public FailoverBench failoverBench() {
        URI output = FileSystem.getDefaultUri(launcher.yarn().configuration()).resolve("/ferry/bench/failover");
        return new FailoverBench(
                benchSessions(),
                launcher::jobStarter,
                new JobManagerKiller(launcher.yarn().client()),
                launcher.yarn().client(),
                context.home().examplesDir(),
                output,
                launcher.haDeployment().enabled(),
                config.get(FerryOptions.JOB_RUNNING_TIMEOUT).plusSeconds(60));
    }

    /** The whole-process variant runs bin/ferry against the same cluster, with the same global options. */
    public SubmitBench submitBench() {
        JobSubmitter stockSubmitter = new JobSubmitter(
                stockFlink().client(),
                launcher.jobManagers(),
                config.get(FerryOptions.REST_TIMEOUT).multipliedBy(6));
        return new SubmitBench(
                benchSessions(),
                launcher::jobStarter,
                stockSubmitter,
                launcher.jobManagers(),
                new FerryShell(context.home().root(), context.globalArguments()),
                context.home().examplesDir(),
                config.get(FerryOptions.JOB_RUNNING_TIMEOUT));
    }

    public NexmarkBench nexmarkBench(Consumer<String> progress) {
        return new NexmarkBench(progress);
    }

    /**
     * A Ferry and a stock session for 'ferry bench nexmark --yarn', each with {@code parallelism}
     * warm TaskManagers; q13's side input goes to /ferry/bench/nexmark on the default file system.
     */
    public NexmarkSessions nexmarkSessions(Optional<String> queue, int parallelism) {
        org.apache.hadoop.conf.Configuration hadoop = launcher.yarn().configuration();
        URI sideInput = FileSystem.getDefaultUri(hadoop).resolve("/ferry/bench/nexmark/side_input.csv");
        return NexmarkSessions.start(benchSessions(), queue, parallelism, hadoop, sideInput);
    }

    /** The Flink configuration of this installation: conf/config.yaml, ferry.yaml and -D. */
    public Configuration flinkConfiguration() {
        return config.toFlinkConfiguration();
    }

    @Override
    public void close() {
        launcher.close();
    }
}
