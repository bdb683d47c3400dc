package dev.ferry.hive.metastore;

import org.apache.hadoop.hive.conf.HiveConf;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Hive client settings that turn "metastore down" into a quick error. By default the Hive 2.3
 * client tries to connect 3 times with 1 s pauses, its retrying proxy reconnects once more per
 * failed call, an embedded handler retries 10 x 2 s, and a socket connects and reads for up to
 * 600 s each. These bound each connect and read; {@link MetastoreDeadline} bounds a whole call.
 */
public final class FailFastClientSettings {

    private FailFastClientSettings() {}

    /**
     * For connection checks and short metadata reads: one connect attempt, no call retries, and
     * sockets (connect and read) bounded by {@code timeout}.
     */
    public static HiveConf forProbe(HiveConf conf, Duration timeout) {
        noRetries(conf);
        boundConnect(conf, timeout);
        conf.setTimeVar(HiveConf.ConfVars.METASTORE_CLIENT_SOCKET_TIMEOUT, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return conf;
    }

    /**
     * For the long-lived catalog: no retry storms and a bounded connect, but the socket read
     * timeout of hive-site.xml is kept, because DDL on big tables (dropping thousands of partitions)
     * can legitimately take long. Reachability is checked by the probe before.
     */
    public static HiveConf forCatalog(HiveConf conf, Duration connectTimeout) {
        noRetries(conf);
        boundConnect(conf, connectTimeout);
        return conf;
    }

    private static void boundConnect(HiveConf conf, Duration timeout) {
        conf.setTimeVar(
                HiveConf.ConfVars.METASTORE_CLIENT_CONNECTION_TIMEOUT, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void noRetries(HiveConf conf) {
        // The 2.3 client loops "attempt < retries": 0 would mean no attempt at all.
        conf.setIntVar(HiveConf.ConfVars.METASTORETHRIFTCONNECTIONRETRIES, 1);
        conf.setIntVar(HiveConf.ConfVars.METASTORETHRIFTFAILURERETRIES, 0);
        conf.setTimeVar(HiveConf.ConfVars.METASTORE_CLIENT_CONNECT_RETRY_DELAY, 0, TimeUnit.SECONDS);
        conf.setIntVar(HiveConf.ConfVars.HMSHANDLERATTEMPTS, 1);
    }
}
