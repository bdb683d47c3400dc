package dev.ferry.launcher.cli.output;

/** How a command prints its result: aligned columns for people, JSON for scripts. */
public enum OutputFormat {
    TABLE,
    JSON
}
