package dev.ferry.launcher.cli;

import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Durations as Flink's configuration writes them: 30s, 10m, 1h, 2d; zero and less are refused. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 30s, 10m, 1h or 2d");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is no positive duration: write e.g. 30s, 10m, 1h or 2d");
        }
        return duration;
    }
}
