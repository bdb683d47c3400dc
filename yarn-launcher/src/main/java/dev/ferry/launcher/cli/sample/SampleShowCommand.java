package dev.ferry.launcher.cli.sample;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.PositiveOption;
import dev.ferry.launcher.cli.ServiceCommand;
import dev.ferry.launcher.samples.Sample;
import dev.ferry.launcher.samples.SampleStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

/** {@code ferry sample show NAME [--rows N]}. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a sample: where it came from, its columns and its first rows as stored.")
public final class SampleShowCommand extends ServiceCommand<SampleShowCommand.Shown> {

    record Shown(Sample sample, List<String> rows) {}

    @Parameters(index = "0", paramLabel = "NAME", description = "The sample's name, as 'ferry sample list' shows it")
    private String name;

    @Option(names = "--rows", paramLabel = "N", description = "Show this many rows (default: 10)")
    private int rows = 10;

    @Override
    protected void checkOptions() {
        PositiveOption.of(spec.commandLine(), "--rows", rows);
    }

    @Override
    protected Shown ask(LauncherServices services) {
        SampleStore store = services.sampleStore();
        Sample sample = store.get(name);
        return new Shown(sample, store.firstRows(sample, rows));
    }

    @Override
    protected void print(PrintWriter out, Shown shown, boolean json) {
        SamplePrinter.printOne(out, shown.sample(), shown.rows(), json);
    }
}
