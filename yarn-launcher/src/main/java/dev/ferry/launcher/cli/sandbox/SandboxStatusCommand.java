package dev.ferry.launcher.cli.sandbox;

import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.sandbox.status.SandboxStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry sandbox status}: each service probed now; exit 0 only when all answer. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show whether the sandbox runs and each service answers (exit 0 when all do, 1 otherwise).")
public final class SandboxStatusCommand extends FerrySubcommand {

    @Mixin
    private SandboxDirOption dir;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        SandboxStatus status = dir.controller(context()).status();
        SandboxStatusPrinter.print(out(), status, output.json());
        return status.healthy() ? 0 : 1;
    }
}
