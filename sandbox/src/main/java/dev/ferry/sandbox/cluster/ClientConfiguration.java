package dev.ferry.sandbox.cluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The few Hadoop keys a client needs to reach a sandbox cluster, split by site file.
 * Only these are written out: a mini cluster's full configuration carries test-only
 * settings (a StaticMapping topology from Hadoop's test jar) that kill every JobManager
 * with ClassNotFoundException.
 */
public record ClientConfiguration(
        Map<String, String> coreSite, Map<String, String> hdfsSite, Map<String, String> yarnSite) {

    public ClientConfiguration {
        coreSite = Map.copyOf(coreSite);
        hdfsSite = Map.copyOf(hdfsSite);
        yarnSite = Map.copyOf(yarnSite);
    }

    /**
     * A fresh configuration for in-process clients. The HDFS client cache is disabled because
     * Flink's uploader closes the cached client after a deploy ("Filesystem closed" elsewhere).
     */
    public YarnConfiguration toYarnConfiguration() {
        YarnConfiguration configuration = new YarnConfiguration();
        coreSite.forEach(configuration::set);
        hdfsSite.forEach(configuration::set);
        yarnSite.forEach(configuration::set);
        configuration.setBoolean("fs.hdfs.impl.disable.cache", true);
        return configuration;
    }

    /** Writes core-site.xml, hdfs-site.xml and yarn-site.xml into {@code dir} and returns it. */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeSite(dir.resolve("core-site.xml"), coreSite);
        writeSite(dir.resolve("hdfs-site.xml"), hdfsSite);
        writeSite(dir.resolve("yarn-site.xml"), yarnSite);
        return dir;
    }

    /** Writes {@code keys} as a Hadoop XML configuration file. */
    public static void writeSite(Path file, Map<String, String> keys) throws IOException {
        Configuration site = new Configuration(false);
        keys.forEach(site::set);
        try (OutputStream out = Files.newOutputStream(file)) {
            site.writeXml(out);
        }
    }
}
