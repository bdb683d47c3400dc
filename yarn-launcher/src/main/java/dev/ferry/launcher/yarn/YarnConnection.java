package dev.ferry.launcher.yarn;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.net.ConnectTimeoutException;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.HAUtil;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A started YARN client for one command, configured so that every call to the ResourceManager,
 * and to HDFS through {@link #configuration()}, fails within the connect timeout rather than
 * retrying for 15 minutes or waiting forever for a server that does not answer.
 */
public final class YarnConnection implements AutoCloseable {

    private final YarnConfiguration configuration;
    private final YarnClient client;

    private YarnConnection(YarnConfiguration configuration, YarnClient client) {
        this.configuration = configuration;
        this.client = client;
    }

    /** Connects to the ResourceManager configured in {@code hadoopConfDir} and checks it answers. */
    public static YarnConnection open(java.nio.file.Path hadoopConfDir, Duration connectTimeout) {
        YarnConfiguration configuration = loadConfiguration(hadoopConfDir, connectTimeout);
        YarnClient client = YarnClient.createYarnClient();
        client.init(configuration);
        client.start();
        YarnConnection connection = new YarnConnection(configuration, client);
        try {
            client.getYarnClusterMetrics();
        } catch (YarnException | IOException | RuntimeException e) {
            connection.close();
            throw unreachable(configuration, hadoopConfDir, e);
        }
        return connection;
    }

    public static YarnConfiguration loadConfiguration(java.nio.file.Path hadoopConfDir, Duration connectTimeout) {
        YarnConfiguration configuration = new YarnConfiguration();
        for (String file : new String[] {"core-site.xml", "hdfs-site.xml", "yarn-site.xml"}) {
            java.nio.file.Path site = hadoopConfDir.resolve(file);
            if (java.nio.file.Files.isRegularFile(site)) {
                configuration.addResource(new Path(site.toUri()));
            }
        }
        HadoopCallTimeouts.apply(configuration, connectTimeout);
        // Flink's uploader closes the cached HDFS client after a deploy, which would break
        // every later file system call of this JVM (see PLATFORM-NOTES).
        configuration.setBoolean("fs.hdfs.impl.disable.cache", true);
        return configuration;
    }

    private static FerryException unreachable(
            YarnConfiguration configuration, java.nio.file.Path confDir, Exception cause) {
        String address = resourceManagerAddresses(configuration);
        return new FerryException(
                ExitCode.UNAVAILABLE,
                "Cannot reach the YARN ResourceManager at " + address + " (" + reason(configuration, cause)
                        + "): check that it runs and that " + confDir.resolve("yarn-site.xml") + " names it",
                cause);
    }

    /** With ResourceManager HA, yarn.resourcemanager.address is unset: name every ResourceManager. */
    private static String resourceManagerAddresses(YarnConfiguration configuration) {
        if (!HAUtil.isHAEnabled(configuration)) {
            return configuration.get(YarnConfiguration.RM_ADDRESS, YarnConfiguration.DEFAULT_RM_ADDRESS);
        }
        return HAUtil.getRMHAIds(configuration).stream()
                .map(id -> configuration.get(HAUtil.addSuffix(YarnConfiguration.RM_ADDRESS, id), id))
                .collect(Collectors.joining(","));
    }

    /** Hadoop's read timeout message is about channels; say what it means. */
    private static String reason(YarnConfiguration configuration, Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SocketTimeoutException && !(root instanceof ConnectTimeoutException)) {
            return "connected, but no answer within " + configuration.get(HadoopCallTimeouts.RPC_TIMEOUT) + " ms";
        }
        return FerryException.rootCauseMessage(cause);
    }

    public YarnConfiguration configuration() {
        return configuration;
    }

    public YarnClient client() {
        return client;
    }

    @Override
    public void close() {
        client.stop();
    }
}
