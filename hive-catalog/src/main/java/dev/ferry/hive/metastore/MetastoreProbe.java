package dev.ferry.hive.metastore;

import dev.ferry.hive.config.HiveSite;

import org.apache.thrift.TException;

import java.time.Duration;

/** Checks that the metastore of a hive-site.xml answers, within a bounded time. */
public final class MetastoreProbe {

    private final Duration timeout;

    public MetastoreProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Connects and lists the databases (a real call: an open port alone could be something else).
     *
     * @throws MetastoreUnavailableException if it cannot connect or the call fails
     */
    public MetastoreStatus probe(HiveSite site) {
        long started = System.nanoTime();
        try (MetastoreConnection connection = MetastoreConnection.open(site, timeout)) {
            int databases = connection.client().getAllDatabases().size();
            return new MetastoreStatus(site.metastoreUris(), databases, Duration.ofNanos(System.nanoTime() - started));
        } catch (TException | RuntimeException e) {
            if (e instanceof MetastoreUnavailableException unavailable) {
                throw unavailable;
            }
            throw MetastoreConnection.unavailable(site, e);
        }
    }
}
