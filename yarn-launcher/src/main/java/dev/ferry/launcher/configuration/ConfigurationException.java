package dev.ferry.launcher.configuration;

import dev.ferry.launcher.error.FerryException;

/** The configuration files or flags are invalid; the message says which value and how to fix it. */
public class ConfigurationException extends FerryException {

    public ConfigurationException(String message) {
        super(ExitCode.USAGE, message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(ExitCode.USAGE, message, cause);
    }
}
