package dev.ferry.launcher.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Base of every leaf command: access to the shared options, the context and the terminal. */
public abstract class FerrySubcommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected CommandContext context() {
        return ((FerryCommand) spec.root().userObject()).context();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
