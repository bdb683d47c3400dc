package dev.ferry.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.Optional;

/** The check every count option shares (parallelism, slots, rows): at least 1, else a usage error naming it. */
public final class PositiveOption {

    private PositiveOption() {}

    /** {@code value}, if given; below 1 it is a usage error of {@code command} naming {@code option}. */
    public static Optional<Integer> of(CommandLine command, String option, Integer value) {
        if (value != null && value < 1) {
            throw new ParameterException(command, option + " must be at least 1, got " + value);
        }
        return Optional.ofNullable(value);
    }
}
