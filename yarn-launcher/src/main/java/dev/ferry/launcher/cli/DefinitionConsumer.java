package dev.ferry.launcher.cli;

import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Stack;

/**
 * Takes the value of one {@code -D}, in any position on the command line, into the root
 * command's definitions. A value without '=' or with an empty key is refused with the form to use.
 */
public final class DefinitionConsumer implements IParameterConsumer {

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        if (args.isEmpty()) {
            throw malformed(commandSpec, "-D needs a KEY=VALUE after it");
        }
        String definition = args.pop();
        int separator = definition.indexOf('=');
        if (separator <= 0) {
            throw malformed(
                    commandSpec,
                    "-D " + definition + " is not a setting: write -DKEY=VALUE, e.g. -Dferry.yarn.queue=etl");
        }
        FerryCommand root = (FerryCommand) commandSpec.root().userObject();
        root.define(definition.substring(0, separator).strip(), definition.substring(separator + 1));
    }

    private static ParameterException malformed(CommandSpec commandSpec, String message) {
        return new ParameterException(commandSpec.commandLine(), message);
    }
}
