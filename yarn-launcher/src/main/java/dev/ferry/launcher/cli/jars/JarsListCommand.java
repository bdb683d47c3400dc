package dev.ferry.launcher.cli.jars;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ServiceCommand;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;

import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code ferry jars list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the shared jars.")
public final class JarsListCommand extends ServiceCommand<List<FileEntry>> {

    @Override
    protected List<FileEntry> ask(LauncherServices services) {
        return services.sharedJars().list();
    }

    @Override
    protected void print(PrintWriter out, List<FileEntry> jars, boolean json) {
        JarsPrinter.print(out, jars, json);
    }
}
