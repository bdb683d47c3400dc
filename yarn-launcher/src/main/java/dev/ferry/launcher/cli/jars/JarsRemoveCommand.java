package dev.ferry.launcher.cli.jars;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ServiceCommand;
import dev.ferry.launcher.cli.output.RemovalPrinter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code ferry jars remove NAME}. */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = "Stop sharing a jar. Jobs started with it keep their own copy.")
public final class JarsRemoveCommand extends ServiceCommand<String> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The jar's name, as 'ferry jars list' shows it")
    private String name;

    @Override
    protected String ask(LauncherServices services) {
        services.sharedJars().remove(name);
        return name;
    }

    @Override
    protected void print(PrintWriter out, String removed, boolean json) {
        RemovalPrinter.print(
                out,
                removed,
                json,
                "Shared jar '" + removed + "' was removed; jobs started with it keep their own copy.");
    }
}
