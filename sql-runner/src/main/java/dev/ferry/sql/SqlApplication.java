package dev.ferry.sql;

import dev.ferry.hive.bootstrap.HiveCatalogFactory;
import dev.ferry.hive.config.HiveCatalogSettings;

import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program a SQL script runs as in application mode: Flink's application entry point calls
 * {@link #main} on the JobManager with the execution environment of that cluster installed as
 * context, so the script's job is submitted to the dispatcher right there. The script travels as
 * a program argument, Base64 encoded so quotes, semicolons and line breaks survive. When the
 * launcher found a metastore, the Hive catalog's options come along and the catalog is registered
 * here, on the JobManager, before the script's first statement.
 */
public final class SqlApplication {

    private static final Logger LOG = LoggerFactory.getLogger(SqlApplication.class);

    private SqlApplication() {}

    /**
     * {@code --script-base64 <Base64 of the UTF-8 script>} and, optionally, {@code --hive-catalog
     * <ferry.hive-catalog.* key>=<value>} and {@code --jar <uri>}, each repeated.
     */
    public static void main(String[] args) throws Exception {
        ApplicationArguments arguments = ApplicationArguments.parse(args);
        SqlScript script = SqlScript.parse(arguments.script());
        SqlScriptRunner runner = new SqlScriptRunner(new Configuration())
                .withSetup(FunctionJars.adding(arguments.jars()).andThen(hiveCatalogSetup(arguments)));
        PreparedScript prepared = runner.prepare(script, false);
        if (!prepared.hasJob()) {
            LOG.warn("The script has no INSERT: it runs its statements and starts no job");
        }
        SqlRunResult result = runner.submit(prepared);
        result.queries().forEach(output -> LOG.info("{}: {}", output.sql(), output.rows()));
        result.jobId().ifPresent(id -> LOG.info("Submitted the script's job {}", id));
    }

    static String scriptFrom(String[] args) {
        return ApplicationArguments.parse(args).script();
    }

    private static TableEnvironmentSetup hiveCatalogSetup(ApplicationArguments arguments) {
        if (arguments.hiveCatalogOptions().isEmpty()) {
            return TableEnvironmentSetup.NONE;
        }
        HiveCatalogSettings settings = HiveCatalogSettings.from(Configuration.fromMap(arguments.hiveCatalogOptions()));
        return tableEnv -> new HiveCatalogFactory(settings).register(tableEnv);
    }
}
