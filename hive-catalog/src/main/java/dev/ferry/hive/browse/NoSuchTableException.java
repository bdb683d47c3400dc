package dev.ferry.hive.browse;

import dev.ferry.hive.HiveCatalogException;

/** A table name the metastore does not know in an existing database. */
public class NoSuchTableException extends HiveCatalogException {

    private static final long serialVersionUID = 1L;

    public NoSuchTableException(String message) {
        super(message);
    }
}
