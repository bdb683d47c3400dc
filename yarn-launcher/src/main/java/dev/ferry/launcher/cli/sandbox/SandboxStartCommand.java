package dev.ferry.launcher.cli.sandbox;

import dev.ferry.launcher.cli.CommandContext;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.monitoring.AlertRules;
import dev.ferry.sandbox.SandboxOptions;
import dev.ferry.sandbox.control.SandboxAlreadyRunningException;
import dev.ferry.sandbox.control.SandboxController;
import dev.ferry.sandbox.control.SandboxException;
import dev.ferry.sandbox.status.SandboxStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ferry sandbox start}: starts the background cluster and waits until every service answers. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Start the sandbox in the background and wait until every service answers;"
                + " a sandbox that already runs is left as it is.")
public final class SandboxStartCommand extends FerrySubcommand {

    @Mixin
    private SandboxDirOption dir;

    @Mixin
    private OutputOptions output;

    @Option(
            names = "--metastore-db",
            paramLabel = "DB",
            description = "Database of the Hive Metastore: ${COMPLETION-CANDIDATES} (default: "
                    + "ferry.sandbox.metastore.db-type, derby). postgres needs a local PostgreSQL:"
                    + " run sandbox/bin/install-postgres.sh (bin/install-postgres.sh in the distribution) once.")
    private MetastoreDb metastoreDb;

    /** The values of --metastore-db, in the spelling of ferry.sandbox.metastore.db-type. */
    enum MetastoreDb {
        derby,
        postgres
    }

    @Override
    public Integer call() {
        CommandContext context = context();
        SandboxController controller = metastoreDb == null
                ? dir.controller(context)
                : dir.controller(context, settings -> settings.withMetastoreDbType(metastoreDb.name()));
        SandboxStatus status;
        try {
            writeAlertRules(controller.paths().alertRulesDir(), context);
            status = controller.start(context.configuration().get(SandboxOptions.START_TIMEOUT));
            if (!output.json()) {
                out().println("Sandbox started. Use it with 'ferry --sandbox ...' or " + exports());
            }
        } catch (SandboxAlreadyRunningException e) {
            status = controller.status();
            if (!output.json()) {
                out().println("Sandbox already running.");
            }
        } catch (SandboxException e) {
            throw new FerryException(ExitCode.FAILURE, e.getMessage(), e);
        }
        SandboxStatusPrinter.print(out(), status, output.json());
        return 0;
    }

    /**
     * The sandbox's Prometheus loads Ferry's alerting rules with this installation's thresholds,
     * rendered again on every start (written for a sandbox without Prometheus too, which gets it later).
     */
    private static void writeAlertRules(Path rulesDir, CommandContext context) {
        try {
            Files.createDirectories(rulesDir);
            Files.writeString(
                    rulesDir.resolve("ferry-alerts.yml"),
                    AlertRules.render(context.configuration().toFlinkConfiguration()));
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Cannot write the sandbox's alerting rules into " + rulesDir + ": " + e.getMessage(),
                    e);
        }
    }

    /** What makes every later command target this sandbox, its directory included when not the default. */
    private String exports() {
        CommandContext context = context();
        return "export FERRY_SANDBOX=1" + (dir.isDefault(context) ? "" : " FERRY_SANDBOX_DIR=" + dir.directory(context))
                + ".";
    }
}
