package dev.ferry.launcher.cli;

import org.apache.flink.configuration.MemorySize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses memory the way Flink's configuration does: 1024m, 1g, 1728mb. */
final class MemorySizeConverter implements ITypeConverter<MemorySize> {

    @Override
    public MemorySize convert(String value) {
        try {
            return MemorySize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a memory size: write it like 1024m or 2g");
        }
    }
}
