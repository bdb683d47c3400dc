package dev.ferry.launcher.cli.sample;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ServiceCommand;
import dev.ferry.launcher.cli.output.RemovalPrinter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code ferry sample remove NAME}. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a sample and its rows.")
public final class SampleRemoveCommand extends ServiceCommand<String> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The sample's name, as 'ferry sample list' shows it")
    private String name;

    @Override
    protected String ask(LauncherServices services) {
        services.sampleStore().remove(name);
        return name;
    }

    @Override
    protected void print(PrintWriter out, String removed, boolean json) {
        RemovalPrinter.print(out, removed, json, "Sample '" + removed + "' was removed.");
    }
}
