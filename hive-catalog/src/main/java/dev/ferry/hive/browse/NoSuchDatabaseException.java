package dev.ferry.hive.browse;

import dev.ferry.hive.HiveCatalogException;

/** A database name the metastore does not know. */
public class NoSuchDatabaseException extends HiveCatalogException {

    private static final long serialVersionUID = 1L;

    public NoSuchDatabaseException(String message) {
        super(message);
    }
}
