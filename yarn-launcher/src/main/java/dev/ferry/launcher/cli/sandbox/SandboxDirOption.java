package dev.ferry.launcher.cli.sandbox;

import dev.ferry.launcher.cli.CommandContext;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.sandbox.SandboxOptions;
import dev.ferry.sandbox.control.SandboxController;
import dev.ferry.sandbox.control.SandboxSettings;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The {@code --dir} option of the sandbox commands, and the controller for that directory. */
public final class SandboxDirOption {

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Sandbox directory (default: ferry.sandbox.dir, ~/.ferry/sandbox)")
    private Path dir;

    /** The sandbox directory: --dir, else ferry.sandbox.dir (FERRY_SANDBOX_DIR, -D, ferry.yaml). */
    Path directory(CommandContext context) {
        return dir != null ? dir.toAbsolutePath() : context.sandboxDir().toAbsolutePath();
    }

    /** Whether the directory is the one later commands target without being told. */
    boolean isDefault(CommandContext context) {
        return directory(context).equals(context.sandboxDir().toAbsolutePath());
    }

    SandboxController controller(CommandContext context) {
        return controller(context, UnaryOperator.identity());
    }

    /** @param adjust applies the command's own flags on top of the configured settings */
    SandboxController controller(CommandContext context, UnaryOperator<SandboxSettings> adjust) {
        EffectiveConfiguration config = context.configuration();
        Path sandboxDir = directory(context);
        SandboxSettings settings;
        try {
            settings = SandboxOptions.settings(config.toFlinkConfiguration());
        } catch (IllegalArgumentException e) {
            throw new FerryException(
                    ExitCode.USAGE, e.getMessage() + " (" + SandboxOptions.METASTORE_DB_TYPE.key() + ")", e);
        }
        return new SandboxController(context.home().root(), sandboxDir, adjust.apply(settings));
    }
}
