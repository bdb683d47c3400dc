package dev.ferry.launcher.cli.config;

import picocli.CommandLine.Command;

/** {@code ferry config}: the configuration commands run with. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show the effective configuration.",
        subcommands = ConfigShowCommand.class)
public final class ConfigCommand {}
