package dev.ferry.hive;

/**
 * Base of every error this module reports. The message is one line that names the problem
 * and the fix, so a CLI can print it as it is.
 */
public class HiveCatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HiveCatalogException(String message) {
        super(message);
    }

    public HiveCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
