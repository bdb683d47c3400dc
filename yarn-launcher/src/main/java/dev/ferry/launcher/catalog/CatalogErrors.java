package dev.ferry.launcher.catalog;

import dev.ferry.hive.HiveCatalogException;
import dev.ferry.hive.browse.NoSuchDatabaseException;
import dev.ferry.hive.browse.NoSuchTableException;
import dev.ferry.hive.config.MetastoreConfigurationException;
import dev.ferry.hive.metastore.MetastoreUnavailableException;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import java.util.function.Supplier;

/** Maps the hive-catalog module's one-line errors onto bin/ferry's exit codes; the messages stay as they are. */
final class CatalogErrors {

    private CatalogErrors() {}

    static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (HiveCatalogException e) {
            throw new FerryException(exitCode(e), e.getMessage(), e);
        }
    }

    static ExitCode exitCode(HiveCatalogException error) {
        if (error instanceof MetastoreUnavailableException) {
            return ExitCode.UNAVAILABLE;
        }
        if (error instanceof NoSuchDatabaseException || error instanceof NoSuchTableException) {
            return ExitCode.NOT_FOUND;
        }
        if (error instanceof MetastoreConfigurationException) {
            return ExitCode.USAGE;
        }
        // A call the metastore refused or broke off: the message names it and points at its log.
        return ExitCode.FAILURE;
    }
}
