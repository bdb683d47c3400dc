package dev.ferry.hive.metastore;

import dev.ferry.hive.config.HiveSite;

import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.IMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.MetaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * One open, fail-fast Thrift connection to the metastore of a hive-site.xml (Hive 2.3 client; it
 * talks to 2.x and 3.x servers). Failures to connect become {@link MetastoreUnavailableException}.
 */
public final class MetastoreConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetastoreConnection.class);

    private final HiveSite site;
    private final IMetaStoreClient client;

    private MetastoreConnection(HiveSite site, IMetaStoreClient client) {
        this.site = site;
        this.client = client;
    }

    /** Connects with one attempt and sockets bounded by {@code timeout}. */
    public static MetastoreConnection open(HiveSite site, Duration timeout) {
        HiveConf conf = FailFastClientSettings.forProbe(site.copyOfConf(), timeout);
        try {
            HiveMetaStoreClient client = new HiveMetaStoreClient(conf);
            LOG.debug("Connected to the Hive Metastore at {}", site.metastoreUris());
            return new MetastoreConnection(site, client);
        } catch (MetaException | RuntimeException e) {
            throw unavailable(site, e);
        }
    }

    /** The error for a metastore that cannot be reached, naming the URI and the file to check. */
    public static MetastoreUnavailableException unavailable(HiveSite site, Throwable cause) {
        return new MetastoreUnavailableException(
                site.metastoreUris(),
                "Cannot reach the Hive Metastore at "
                        + site.metastoreUris() + ": " + Causes.rootMessage(cause) + "; check hive.metastore.uris in "
                        + site.file() + " and that the metastore is running",
                cause);
    }

    /** The error for a call that failed on an open connection. */
    public MetastoreCallException callFailed(String what, Throwable cause) {
        return new MetastoreCallException(
                "Hive Metastore at " + site.metastoreUris() + " failed to " + what + ": " + Causes.rootMessage(cause)
                        + "; see the metastore's log",
                cause);
    }

    public IMetaStoreClient client() {
        return client;
    }

    public HiveSite site() {
        return site;
    }

    @Override
    public void close() {
        client.close();
    }
}
