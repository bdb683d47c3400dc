package dev.ferry.hive.config;

import dev.ferry.hive.HiveCatalogException;

/** hive-site.xml is missing or does not say where the metastore is. */
public class MetastoreConfigurationException extends HiveCatalogException {

    private static final long serialVersionUID = 1L;

    public MetastoreConfigurationException(String message) {
        super(message);
    }
}
