package dev.ferry.launcher.jobs;

import dev.ferry.launcher.catalog.SqlHiveCatalog;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.sql.FunctionJars;
import dev.ferry.sql.PreparedScript;
import dev.ferry.sql.QueryLimits;
import dev.ferry.sql.QueryListener;
import dev.ferry.sql.SampleException;
import dev.ferry.sql.SampleTable;
import dev.ferry.sql.SampleWriter;
import dev.ferry.sql.SqlRunResult;
import dev.ferry.sql.SqlScript;
import dev.ferry.sql.SqlScriptException;
import dev.ferry.sql.SqlScriptRunner;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Ferry's SQL runner seen from the gateway: checks a script before anything is submitted, runs it
 * into a session (the planner runs here, as in Flink's SQL client), and packs it as the program of
 * an application cluster.
 */
public final class SqlScripts {

    /** The program an application cluster runs for a script. */
    static final String APPLICATION_CLASS = "dev.ferry.sql.SqlApplication";

    private final Configuration baseConfig;
    private final Path libDir;
    private final Supplier<SqlHiveCatalog> hiveCatalog;
    private final Runnable clusterFileSystems;

    /**
     * @param hiveCatalog read when a script runs, so that jar jobs never load the Hive configuration
     * @param clusterFileSystems sets up Flink's file systems in this JVM for the cluster, run before
     *     a script is planned
     */
    public SqlScripts(
            Configuration baseConfig, Path libDir, Supplier<SqlHiveCatalog> hiveCatalog, Runnable clusterFileSystems) {
        this.baseConfig = baseConfig;
        this.libDir = libDir;
        this.hiveCatalog = hiveCatalog;
        this.clusterFileSystems = clusterFileSystems;
    }

    /** Splits and parses the script; a syntax error names its line and column. */
    public SqlScript parse(String text, String scriptName) {
        SqlScript script;
        try {
            script = SqlScript.parse(text);
        } catch (SqlScriptException e) {
            throw invalid(scriptName, e);
        }
        if (script.statements().isEmpty()) {
            throw new FerryException(
                    ExitCode.USAGE,
                    scriptName + " is an empty script (no statement): give SQL statements with -e or -f;"
                            + " nothing was submitted");
        }
        return script;
    }

    /**
     * Runs the statements that change only this client's catalog view and plans the job and the
     * queries; nothing is submitted. {@code session} is where the job will go, if it goes to one.
     * The Hive catalog, if configured, is registered first (in application mode too: the script is
     * checked here before a cluster is deployed); a metastore that is down fails here.
     *
     * @param jars cluster URIs of the jars its functions and connectors come from, added first
     * @param vertexParallelism the parallelism of vertices scaled since the job was submitted, by
     *     vertex id (Flink's parallelism overrides; the job's configuration carries them)
     */
    public PreparedScript prepare(
            SqlScript script,
            String scriptName,
            Optional<ApplicationReport> session,
            String jobName,
            Optional<Integer> parallelism,
            Map<String, Integer> vertexParallelism,
            List<String> jars,
            Optional<String> restorePath) {
        Configuration config = configuration(session, jobName);
        parallelism.ifPresent(p -> config.set(CoreOptions.DEFAULT_PARALLELISM, p));
        config.addAll(Configuration.fromMap(ParallelismOverrides.asSettings(vertexParallelism)));
        restorePath.ifPresent(path ->
                SavepointRestoreSettings.toConfiguration(SavepointRestoreSettings.forPath(path, false), config));
        return prepared(scriptName, () -> runner(config, jars).prepare(script, session.isPresent()));
    }

    /**
     * Prepares a debug run in {@code session}: each INSERT's query runs as a SELECT whose rows
     * come back, and no sink is planned, opened or written.
     */
    public PreparedScript prepareDebugRun(
            SqlScript script,
            String scriptName,
            ApplicationReport session,
            String jobName,
            List<String> jars,
            List<SampleTable> samples) {
        Configuration config = configuration(Optional.of(session), jobName);
        return prepared(scriptName, () -> runner(config, jars).prepareDebugRun(script, samples));
    }

    /**
     * Takes samples in {@code session} (or only reads columns, without one) with the Hive catalog,
     * if configured, registered first.
     */
    public SampleWriter sampleWriter(Optional<ApplicationReport> session, String jobName) {
        return new SampleWriter(
                configuration(session, jobName), hiveCatalog.get().setup());
    }

    /** This gateway's configuration for a run of {@code jobName}, in {@code session} if given. */
    private Configuration configuration(Optional<ApplicationReport> session, String jobName) {
        clusterFileSystems.run();
        Configuration config = new Configuration(baseConfig);
        config.set(PipelineOptions.NAME, jobName);
        session.ifPresent(report -> {
            config.set(DeploymentOptions.TARGET, "remote");
            config.set(RestOptions.ADDRESS, report.getHost());
            config.set(RestOptions.PORT, report.getRpcPort());
        });
        return config;
    }

    private SqlScriptRunner runner(Configuration config, List<String> jars) {
        return new SqlScriptRunner(config)
                .withSetup(FunctionJars.adding(jars).andThen(hiveCatalog.get().setup()));
    }

    private static PreparedScript prepared(String scriptName, Supplier<PreparedScript> prepare) {
        try {
            return prepare.get();
        } catch (SqlScriptException e) {
            throw invalid(scriptName, e);
        } catch (FunctionJars.JarNotAddedException | SampleException e) {
            throw new FerryException(ExitCode.USAGE, e.getMessage() + " (nothing was submitted)", e);
        }
    }

    /** Submits a prepared script's job and runs its queries (session mode). */
    public SqlRunResult submit(PreparedScript prepared, String scriptName) {
        return submit(prepared, scriptName, QueryLimits.DEFAULT, QueryListener.NONE);
    }

    /**
     * Submits a prepared script's job and runs its queries, each stopped (its job cancelled) at
     * {@code limits}; {@code listener} hears their rows as they arrive.
     */
    public SqlRunResult submit(PreparedScript prepared, String scriptName, QueryLimits limits, QueryListener listener) {
        try {
            return new SqlScriptRunner(new Configuration())
                    .withQueryLimits(limits)
                    .withQueryListener(listener)
                    .submit(prepared);
        } catch (SqlScriptException e) {
            throw new FerryException(ExitCode.FAILURE, scriptName + ": " + e.getMessage(), e);
        }
    }

    /**
     * The runner jar and arguments an application cluster runs the script with, and the Hive
     * client configuration it ships when a Hive catalog is configured.
     */
    public JobProgram applicationProgram(
            String script,
            String jobName,
            org.apache.flink.api.common.JobID jobId,
            Optional<Integer> parallelism,
            Optional<String> restorePath,
            java.util.Map<String, String> flinkSettings,
            List<String> jars) {
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
        List<String> arguments = new ArrayList<>(List.of("--script-base64", encoded));
        jars.forEach(jar -> arguments.addAll(List.of("--jar", jar)));
        List<Path> shipFiles = new ArrayList<>();
        hiveCatalog.get().forApplication().ifPresent(shipment -> {
            arguments.addAll(shipment.programArguments());
            shipFiles.add(shipment.confDir());
        });
        return new JobProgram(
                runnerJar(),
                APPLICATION_CLASS,
                arguments,
                parallelism,
                jobName,
                jobId,
                restorePath,
                flinkSettings,
                shipFiles);
    }

    private Path runnerJar() {
        try (Stream<Path> files = Files.list(libDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ferry-sql-runner"))
                    .findFirst()
                    .orElseThrow(() -> new FerryException(
                            ExitCode.USAGE,
                            "No ferry-sql-runner jar in " + libDir + ": is this a complete Ferry distribution?"));
        } catch (java.io.IOException e) {
            throw new FerryException(ExitCode.USAGE, "Cannot read " + libDir + ": " + e.getMessage(), e);
        }
    }

    private static FerryException invalid(String scriptName, SqlScriptException e) {
        return new FerryException(
                ExitCode.USAGE, "Invalid SQL in " + scriptName + ", " + e.getMessage() + " (nothing was submitted)", e);
    }
}
