package dev.ferry.hive.metastore;

import dev.ferry.hive.HiveCatalogException;

/** The metastore named in hive-site.xml did not answer. */
public class MetastoreUnavailableException extends HiveCatalogException {

    private static final long serialVersionUID = 1L;

    private final String uri;

    public MetastoreUnavailableException(String uri, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
    }

    /** The URI(s) that were tried. */
    public String uri() {
        return uri;
    }
}
