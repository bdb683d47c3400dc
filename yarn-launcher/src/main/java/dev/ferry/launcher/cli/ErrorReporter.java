package dev.ferry.launcher.cli;

import dev.ferry.launcher.error.FerryException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/**
 * Turns every failure into one line on stderr that names the problem and the fix, and a
 * documented exit code. The stack trace goes to the log file, and to stderr with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    private final FerryCommand root;

    ErrorReporter(FerryCommand root) {
        this.root = root;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        String message = FerryException.firstLine(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        err.println("ferry: " + message + "; see '" + command.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return FerryException.ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        LOG.error("Command failed: {}", command.getCommandSpec().qualifiedName(), ex);
        if (ex instanceof FerryException failure) {
            err.println("ferry: " + FerryException.firstLine(failure.getMessage()));
            printTraceIfVerbose(err, ex);
            return failure.exitCode().code();
        }
        err.println("ferry: unexpected error: " + FerryException.rootCauseMessage(ex)
                + " (run again with --verbose for the stack trace; the log file has it too)");
        printTraceIfVerbose(err, ex);
        return FerryException.ExitCode.FAILURE.code();
    }

    private void printTraceIfVerbose(PrintWriter err, Exception ex) {
        if (root.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
    }
}
