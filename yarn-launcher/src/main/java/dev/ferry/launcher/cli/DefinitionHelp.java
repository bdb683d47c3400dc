package dev.ferry.launcher.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/**
 * Picocli's help, with {@code -D} shown as it is written, {@code -DKEY=VALUE}, instead of picocli's
 * {@code -D=KEY=VALUE}: its renderers always put the separator between option and value, in the
 * synopsis and in the option list.
 */
final class DefinitionHelp implements IHelpFactory {

    @Override
    public Help create(CommandSpec commandSpec, ColorScheme colorScheme) {
        return new Help(commandSpec, colorScheme) {
            @Override
            public IParamLabelRenderer parameterLabelRenderer() {
                IParamLabelRenderer standard = super.parameterLabelRenderer();
                return new IParamLabelRenderer() {
                    @Override
                    public Text renderParameterLabel(ArgSpec argSpec, Ansi ansi, List<IStyle> styles) {
                        if (argSpec instanceof OptionSpec option
                                && option.shortestName().equals("-D")) {
                            return ansi.new Text(option.paramLabel(), colorScheme);
                        }
                        return standard.renderParameterLabel(argSpec, ansi, styles);
                    }

                    @Override
                    public String separator() {
                        return standard.separator();
                    }
                };
            }

            @Override
            public IOptionRenderer createDefaultOptionRenderer() {
                IOptionRenderer standard = super.createDefaultOptionRenderer();
                return (option, labels, colors) -> {
                    Text[][] rows = standard.render(option, labels, colors);
                    if (option.shortestName().equals("-D")) {
                        rows[0][1] = colors.ansi().new Text("", colors);
                        rows[0][2] = colors.ansi().new Text("", colors);
                        rows[0][3] = colors.ansi().new Text("-D" + option.paramLabel(), colors);
                    }
                    return rows;
                };
            }
        };
    }
}
