package dev.ferry.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.Map;
import java.util.ServiceLoader;

/** Entry point of {@code bin/ferry}. */
public final class FerryCli {

    private FerryCli() {}

    public static void main(String[] args) {
        InterruptOnShutdown interrupts = InterruptOnShutdown.install();
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv());
        interrupts.commandReported();
        System.exit(code);
    }

    /**
     * Picocli prints help and succeeds for {@code ferry nosuch --help}, ignoring the word it does
     * not know; a script would then take a missing command for an existing one.
     */
    private static int refuseUnknownWordsThenRun(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Runs one command line and returns its exit code; tests call this in-process. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        FerryCommand root = new FerryCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        // Before the settings below: picocli applies them only to the subcommands present.
        addExtensions(commandLine);
        ErrorReporter errors = new ErrorReporter(root);
        commandLine
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(FerryCli::refuseUnknownWordsThenRun)
                .setHelpFactory(new DefinitionHelp());
        commandLine.registerConverter(org.apache.flink.configuration.MemorySize.class, new MemorySizeConverter());
        return commandLine.execute(args);
    }

    /** The commands of the optional jars on the class path, e.g. 'ferry bench' from opt/bench. */
    private static void addExtensions(CommandLine ferry) {
        for (FerryCommandExtension extension : ServiceLoader.load(FerryCommandExtension.class)) {
            ferry.addSubcommand(extension.command());
        }
    }
}
