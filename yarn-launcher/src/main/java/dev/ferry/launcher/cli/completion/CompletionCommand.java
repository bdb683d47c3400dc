package dev.ferry.launcher.cli.completion;

import dev.ferry.launcher.cli.FerrySubcommand;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code ferry completion [bash|zsh]}: picocli's generated completion script for every command
 * and option. One script serves both shells (zsh loads it through bashcompinit).
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a completion script for every ferry command and option.",
            "bash: source <(ferry completion bash)",
            "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(ferry completion zsh)"
        })
public final class CompletionCommand extends FerrySubcommand {

    private static final List<String> SHELLS = List.of("bash", "zsh");

    /** What {@code ferry completion <TAB>} offers. */
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SHELLS.iterator();
        }
    }

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SHELL",
            defaultValue = "bash",
            completionCandidates = CompletionCommand.Shells.class,
            description = "bash or zsh (default: ${DEFAULT-VALUE})")
    private String shell;

    @Override
    public Integer call() {
        if (!SHELLS.contains(shell)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "No completion for shell '" + shell + "': use one of " + String.join(", ", SHELLS));
        }
        out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out().flush();
        return 0;
    }
}
