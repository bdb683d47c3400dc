package dev.ferry.bench.cli;

import dev.ferry.bench.BenchServices;
import dev.ferry.bench.nexmark.BenchSettings;
import dev.ferry.bench.nexmark.Comparison;
import dev.ferry.bench.nexmark.NexmarkReport;
import dev.ferry.bench.nexmark.NexmarkSessions;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.configuration.MonitoringOptions;
import dev.ferry.launcher.monitoring.MetricsReporter;
import dev.ferry.nexmark.queries.NexmarkQueries;
import dev.ferry.nexmark.queries.NexmarkQuery;

import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ferry bench nexmark}: Nexmark q0-q22, Ferry's defaults against Flink's, on a local
 * MiniCluster or on a Ferry and a stock session on YARN.
 */
@Command(
        name = "nexmark",
        mixinStandardHelpOptions = true,
        description = "Nexmark queries q0-q22: events per second per core with this installation's defaults"
                + " (conf/config.yaml and Ferry's SQL defaults) against Flink 1.20.1's, same events and parallelism,"
                + " after warm-up runs. On a local MiniCluster in this JVM (needs no cluster), or with --yarn on two"
                + " YARN sessions started for the bench and killed after it: a Ferry session and a stock one.")
public final class BenchNexmarkCommand extends FerrySubcommand {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BenchOptions options;

    @Option(
            names = "--queries",
            paramLabel = "Q,Q",
            split = ",",
            description =
                    "Queries to run, e.g. q0,q3,q11 (default: all; those Flink SQL cannot run are listed as skipped)")
    private List<String> queries;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "200000",
            description = "Events per run (default: ${DEFAULT-VALUE})")
    private long events;

    @Option(
            names = "--parallelism",
            paramLabel = "P",
            defaultValue = "1",
            description = "Parallelism of every job, both variants (default: ${DEFAULT-VALUE})")
    private int parallelism;

    @Option(
            names = "--warmups",
            paramLabel = "N",
            defaultValue = "1",
            description = "Unmeasured runs per query and variant first (default: ${DEFAULT-VALUE})")
    private int warmups;

    @Option(
            names = "--metrics-cost",
            description = "Measure what Ferry's metrics reporter costs instead: Ferry's defaults on a local MiniCluster"
                    + " pushing its metrics to ferry.metrics.pushgateway.url (A) against the same without a reporter"
                    + " (B); goal A/B >= 0.98")
    private boolean metricsCost;

    @Option(
            names = "--client",
            paramLabel = "ferry|flink",
            defaultValue = "ferry",
            description = "Who plans the jobs: ferry (Ferry's SQL defaults on each job, as 'ferry sql' sets them) or"
                    + " flink (Flink's client with no per-job options, as any other tool submits to a session:"
                    + " only the clusters' settings differ) (default: ${DEFAULT-VALUE})")
    private String client;

    @Option(
            names = "--yarn",
            description = "Run on YARN: a Ferry session (A) and a stock Flink session (B), each keeping --parallelism"
                    + " warm TaskManagers, on --queue")
    private boolean yarn;

    @Override
    public Integer call() throws Exception {
        List<String> names = queryNames();
        try (BenchServices services = new BenchServices(context())) {
            BenchSettings settings = settings(names, services.flinkConfiguration());
            out().println("Bench 'nexmark': " + names.size() + " queries, " + settings.runs()
                    + " run(s) per variant after " + warmups + " warm-up(s), " + events + " events, parallelism "
                    + parallelism + "; results in " + settings.outputDir());
            out().flush();
            NexmarkReport report = yarn
                    ? onYarn(services, settings)
                    : services.nexmarkBench(this::progress).run(settings);
            out().printf(
                            Locale.ROOT,
                            "Geometric mean of A/B (%s) over the measured queries: %.2f (stateful: %.2f)%n",
                            settings.comparison().title(),
                            report.geometricMean(),
                            report.statefulGeometricMean());
            report.writeTo(settings.outputDir()).all().forEach(file -> out().println("Wrote " + file));
        }
        return 0;
    }

    private NexmarkReport onYarn(BenchServices services, BenchSettings settings) throws Exception {
        out().println("Starting a Ferry and a stock session on YARN for the bench ...");
        out().flush();
        try (NexmarkSessions sessions = services.nexmarkSessions(options.queue(), parallelism)) {
            out().println("  " + sessions.description());
            out().flush();
            return services.nexmarkBench(this::progress).run(settings, sessions);
        }
    }

    private void progress(String line) {
        out().println("  " + line);
        out().flush();
    }

    /** Checks the options before anything runs. */
    private List<String> queryNames() {
        if (events < 1 || parallelism < 1 || warmups < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--events and --parallelism must be at least 1 and --warmups at least 0");
        }
        if (!client.equals("ferry") && !client.equals("flink")) {
            throw new ParameterException(spec.commandLine(), "--client must be ferry or flink, got '" + client + "'");
        }
        if (metricsCost && client.equals("flink")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--metrics-cost compares Ferry's defaults with and without metrics: no --client");
        }
        if (metricsCost && yarn) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--metrics-cost runs on local MiniClusters only: a reporter is a cluster's setting, and the"
                            + " YARN bench's Ferry session has Ferry's reporter already when a Pushgateway is set");
        }
        if (!yarn && options.queue().isPresent()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--queue needs --yarn: without it the bench runs on a local MiniCluster, on no queue");
        }
        Set<String> known =
                NexmarkQueries.all().stream().map(NexmarkQuery::name).collect(Collectors.toSet());
        if (queries == null) {
            return NexmarkQueries.all().stream().map(NexmarkQuery::name).toList();
        }
        List<String> names =
                queries.stream().map(q -> q.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> unknown = names.stream().filter(q -> !known.contains(q)).toList();
        if (!unknown.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Unknown Nexmark quer" + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown)
                            + ": use q0 to q22");
        }
        return names;
    }

    private BenchSettings settings(List<String> names, Configuration ferryConfig) {
        if (metricsCost && !MetricsReporter.enabled(ferryConfig)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--metrics-cost needs a Pushgateway to push to: set " + MonitoringOptions.PUSHGATEWAY_URL.key()
                            + " (ferry.yaml or -D), or run it with --sandbox");
        }
        String rerun = "ferry bench nexmark"
                + (yarn ? " --yarn" + options.queue().map(q -> " --queue " + q).orElse("") : "")
                + (metricsCost ? " --metrics-cost" : "")
                + (client.equals("flink") ? " --client flink" : "")
                + " --events " + events + " --parallelism " + parallelism + " --runs "
                + options.runs() + " --warmups " + warmups
                + (queries == null ? "" : " --queries " + String.join(",", names));
        return new BenchSettings(
                names,
                events,
                parallelism,
                options.runs(),
                warmups,
                options.resultsDir("nexmark"),
                ferryConfig,
                Map.of(),
                rerun,
                metricsCost ? Comparison.METRICS : client.equals("flink") ? Comparison.FLINK_CLIENT : Comparison.STOCK);
    }
}
