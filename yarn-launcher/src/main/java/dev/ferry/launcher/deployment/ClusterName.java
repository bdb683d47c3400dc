package dev.ferry.launcher.deployment;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import java.util.regex.Pattern;

/**
 * A cluster's name: the YARN application name and a tag. YARN lower-cases tags and caps them
 * at 100 characters, so names are short, lower case and safe in paths and ZooKeeper nodes.
 */
public record ClusterName(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public ClusterName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "Invalid cluster name '" + value
                            + "': use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
