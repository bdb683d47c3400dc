package dev.ferry.launcher.cli.sample;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ServiceCommand;
import dev.ferry.launcher.samples.Sample;

import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code ferry sample list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the samples.")
public final class SampleListCommand extends ServiceCommand<List<Sample>> {

    @Override
    protected List<Sample> ask(LauncherServices services) {
        return services.sampleStore().list();
    }

    @Override
    protected void print(PrintWriter out, List<Sample> samples, boolean json) {
        SamplePrinter.printList(out, samples, json);
    }
}
