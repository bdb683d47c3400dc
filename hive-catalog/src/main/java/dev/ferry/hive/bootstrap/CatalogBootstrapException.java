package dev.ferry.hive.bootstrap;

import dev.ferry.hive.HiveCatalogException;

/** The metastore answered, but Flink's HiveCatalog could not be opened or registered. */
public class CatalogBootstrapException extends HiveCatalogException {

    private static final long serialVersionUID = 1L;

    public CatalogBootstrapException(String message, Throwable cause) {
        super(message, cause);
    }
}
