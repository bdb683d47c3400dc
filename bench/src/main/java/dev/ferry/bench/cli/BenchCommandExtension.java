package dev.ferry.bench.cli;

import dev.ferry.launcher.cli.FerryCommandExtension;

/** Adds {@code ferry bench} to the CLI wherever the bench jars are on its class path (opt/bench). */
public final class BenchCommandExtension implements FerryCommandExtension {

    @Override
    public Object command() {
        return BenchCommand.class;
    }
}
