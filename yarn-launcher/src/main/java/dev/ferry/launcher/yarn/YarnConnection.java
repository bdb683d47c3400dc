package dev.ferry.launcher.yarn;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;

import java.io.IOException;
import java.time.Duration;

/**
 * A started YARN client for one command, configured to fail within the connect timeout
 * rather than Hadoop's default of retrying for 15 minutes.
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
        long timeoutMs = connectTimeout.toMillis();
        configuration.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, timeoutMs);
        configuration.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, Math.min(1000, timeoutMs));
        configuration.setInt("ipc.client.connect.max.retries", 0);
        configuration.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
        configuration.setInt("ipc.client.connect.timeout", (int) Math.min(timeoutMs, 5000));
        // Flink's uploader closes the cached HDFS client after a deploy, which would break
        // every later file system call of this JVM (see PLATFORM-NOTES).
        configuration.setBoolean("fs.hdfs.impl.disable.cache", true);
        return configuration;
    }

    private static FerryException unreachable(
            YarnConfiguration configuration, java.nio.file.Path confDir, Exception cause) {
        String address = configuration.get(YarnConfiguration.RM_ADDRESS, YarnConfiguration.DEFAULT_RM_ADDRESS);
        return new FerryException(
                ExitCode.UNAVAILABLE,
                "Cannot reach the YARN ResourceManager at " + address + " (" + FerryException.rootCauseMessage(cause)
                        + "): check that it runs and that " + confDir.resolve("yarn-site.xml") + " names it",
                cause);
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
