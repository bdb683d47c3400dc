package dev.ferry.launcher.cli.sample;

import picocli.CommandLine.Command;

/** {@code ferry sample}: samples of tables, for debug runs to read instead of the tables. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Keep samples of tables on the cluster file system (ferry.samples.dir); a debug run reads one"
                + " instead of a table with 'ferry sql --debug --source TABLE=SAMPLE'.",
        subcommands = {
            SampleCreateCommand.class,
            SampleListCommand.class,
            SampleShowCommand.class,
            SampleRemoveCommand.class
        })
public final class SampleCommand {}
