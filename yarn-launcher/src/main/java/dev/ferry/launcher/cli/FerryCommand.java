package dev.ferry.launcher.cli;

import dev.ferry.launcher.cli.alerts.AlertsCommand;
import dev.ferry.launcher.cli.app.AppCommand;
import dev.ferry.launcher.cli.catalog.CatalogCommand;
import dev.ferry.launcher.cli.completion.CompletionCommand;
import dev.ferry.launcher.cli.config.ConfigCommand;
import dev.ferry.launcher.cli.dist.DistCommand;
import dev.ferry.launcher.cli.ha.HaCommand;
import dev.ferry.launcher.cli.health.DiagnoseCommand;
import dev.ferry.launcher.cli.health.MetricsCommand;
import dev.ferry.launcher.cli.jars.JarsCommand;
import dev.ferry.launcher.cli.job.JobCommand;
import dev.ferry.launcher.cli.logs.LogsCommand;
import dev.ferry.launcher.cli.queue.QueueCommand;
import dev.ferry.launcher.cli.sample.SampleCommand;
import dev.ferry.launcher.cli.sandbox.SandboxCommand;
import dev.ferry.launcher.cli.session.SessionCommand;
import dev.ferry.launcher.cli.sql.SqlCommand;
import dev.ferry.launcher.configuration.FerryVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code ferry}: the root command, holding the options every subcommand understands. */
@Command(
        name = "ferry",
        mixinStandardHelpOptions = true,
        versionProvider = FerryCommand.Version.class,
        description = "Run Apache Flink on YARN: session clusters, jobs, queues, the Hive catalog and a local sandbox.",
        subcommands = {
            SessionCommand.class,
            JobCommand.class,
            AppCommand.class,
            SqlCommand.class,
            LogsCommand.class,
            MetricsCommand.class,
            DiagnoseCommand.class,
            QueueCommand.class,
            JarsCommand.class,
            SampleCommand.class,
            ConfigCommand.class,
            DistCommand.class,
            HaCommand.class,
            CatalogCommand.class,
            AlertsCommand.class,
            SandboxCommand.class,
            CompletionCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the operation failed (see the message)",
            "  2  bad input: unknown command or option, invalid value, missing configuration",
            "  3  not found: no such cluster, job, database or table",
            "  4  timeout: the cluster did not reach the wanted state in time",
            "  5  conflict: the name is taken, or the cluster is in the wrong state",
            "  6  unavailable: YARN, HDFS, ZooKeeper, a JobManager or the Hive Metastore",
            "     cannot be reached"
        })
public final class FerryCommand {

    @Option(
            names = "--conf-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Ferry configuration directory (default: $FERRY_CONF_DIR or <ferry home>/conf)")
    private Path confDir;

    @Option(
            names = "--hadoop-conf-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Hadoop client configuration to use (default: $HADOOP_CONF_DIR, then $YARN_CONF_DIR)")
    private Path hadoopConfDir;

    @Option(
            names = "--sandbox",
            scope = ScopeType.INHERIT,
            description = "Talk to the local sandbox (also when $FERRY_SANDBOX=1)")
    private boolean sandbox;

    /**
     * Inherited, so it may stand before and after the subcommand; {@link DefinitionConsumer}
     * collects every occurrence into {@link #definitions} (picocli would replace the values given
     * before the subcommand with those given after it).
     */
    @Option(
            names = "-D",
            scope = ScopeType.INHERIT,
            paramLabel = "KEY=VALUE",
            parameterConsumer = DefinitionConsumer.class,
            description = "Set a Flink or Ferry configuration value for this command, e.g."
                    + " -Dferry.yarn.queue=etl; may stand before and after the subcommand, the later"
                    + " one wins for the same key")
    private Map<String, String> properties;

    private final Map<String, String> definitions = new LinkedHashMap<>();

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Print stack traces of failures")
    private boolean verbose;

    private final Map<String, String> environment;

    FerryCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Records one {@code -D KEY=VALUE}; a later definition of the same key replaces an earlier one. */
    void define(String key, String value) {
        definitions.remove(key);
        definitions.put(key, value);
    }

    boolean verbose() {
        return verbose;
    }

    CommandContext context() {
        return new CommandContext(
                environment, Optional.ofNullable(confDir), Optional.ofNullable(hadoopConfDir), sandbox, definitions);
    }

    /** Prints Ferry's and Flink's versions. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Ferry " + FerryVersion.current() + " (Apache Flink "
                        + org.apache.flink.runtime.util.EnvironmentInformation.getVersion() + ")"
            };
        }
    }
}
