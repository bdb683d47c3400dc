package dev.ferry.launcher.cli.output;

import picocli.CommandLine.Option;

/** The {@code --output} option shared by every command that lists or describes. */
public final class OutputOptions {

    @Option(
            names = {"-o", "--output"},
            defaultValue = "table",
            converter = OutputFormatConverter.class,
            description = "table (default) or json; JSON fields are stable, see docs/cli.md")
    OutputFormat format;

    public OutputFormat format() {
        return format;
    }

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    /** Accepts the format names in any case and names the valid ones on a typo. */
    static final class OutputFormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat format : OutputFormat.values()) {
                if (format.name().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not an output format: use table or json");
        }
    }
}
