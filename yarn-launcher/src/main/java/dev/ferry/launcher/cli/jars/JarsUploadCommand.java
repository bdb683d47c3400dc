package dev.ferry.launcher.cli.jars;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ServiceCommand;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code ferry jars upload JAR [--replace]}. */
@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = "Share a local jar under its file name. Jobs started with it keep their own copy.")
public final class JarsUploadCommand extends ServiceCommand<FileEntry> {

    @Parameters(index = "0", paramLabel = "JAR", description = "The local jar")
    private Path jar;

    @Option(names = "--replace", description = "Replace a shared jar of the same name that has other bytes")
    private boolean replace;

    @Override
    protected FileEntry ask(LauncherServices services) {
        return services.sharedJars().upload(jar.toAbsolutePath(), replace);
    }

    @Override
    protected void print(PrintWriter out, FileEntry shared, boolean json) {
        JarsPrinter.print(out, List.of(shared), json);
    }
}
