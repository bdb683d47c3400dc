package dev.ferry.launcher.cli.sandbox;

import dev.ferry.launcher.cli.CommandContext;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.sandbox.SandboxOptions;
import dev.ferry.sandbox.control.SandboxException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry sandbox stop}: shuts the background cluster down, keeping its data. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stop the sandbox; its data stays for the next start.")
public final class SandboxStopCommand extends FerrySubcommand {

    @Mixin
    private SandboxDirOption dir;

    @Override
    public Integer call() {
        CommandContext context = context();
        try {
            dir.controller(context).stop(context.configuration().get(SandboxOptions.STOP_TIMEOUT));
        } catch (SandboxException e) {
            throw new FerryException(ExitCode.FAILURE, e.getMessage(), e);
        }
        out().println("Sandbox stopped; its data is kept for the next 'ferry sandbox start'.");
        out().flush();
        return 0;
    }
}
