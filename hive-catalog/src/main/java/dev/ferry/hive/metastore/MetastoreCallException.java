package dev.ferry.hive.metastore;

import dev.ferry.hive.HiveCatalogException;

/** The metastore answered a call with an error, or the call broke off midway. */
public class MetastoreCallException extends HiveCatalogException {

    private static final long serialVersionUID = 1L;

    public MetastoreCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
