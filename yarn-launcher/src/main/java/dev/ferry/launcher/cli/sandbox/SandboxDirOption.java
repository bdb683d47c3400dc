package dev.ferry.launcher.cli.sandbox;

import dev.ferry.launcher.cli.CommandContext;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.sandbox.SandboxOptions;
import dev.ferry.sandbox.control.SandboxController;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --dir} option of the sandbox commands, and the controller for that directory. */
public final class SandboxDirOption {

    @Option(names = "--dir", paramLabel = "DIR", description = "Sandbox directory (default: ferry.sandbox.dir, ~/.ferry/sandbox)")
    private Path dir;

    SandboxController controller(CommandContext context) {
        EffectiveConfiguration config = context.configuration();
        Path sandboxDir = dir != null ? dir.toAbsolutePath() : context.sandboxDir();
        return new SandboxController(
                context.home().root(), sandboxDir, SandboxOptions.settings(config.toFlinkConfiguration()));
    }
}
