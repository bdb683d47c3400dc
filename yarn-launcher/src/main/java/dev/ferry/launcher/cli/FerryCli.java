package dev.ferry.launcher.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Map;

/** Entry point of {@code bin/ferry}. */
public final class FerryCli {

    private FerryCli() {}

    public static void main(String[] args) {
        InterruptOnShutdown interrupts = InterruptOnShutdown.install();
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv());
        interrupts.commandReported();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; tests call this in-process. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        FerryCommand root = new FerryCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        ErrorReporter errors = new ErrorReporter(root);
        commandLine
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        commandLine.registerConverter(org.apache.flink.configuration.MemorySize.class, new MemorySizeConverter());
        return commandLine.execute(args);
    }
}
