package dev.ferry.launcher.files;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Flink's file systems in the client JVM, set up for the cluster a command talks to.
 *
 * <p>The client runs code that opens Flink file systems by path: a jar job's main method (building
 * the job graph, e.g. a {@code FileSink} creates its bucket writer) and the SQL planner. A path
 * without authority such as {@code hdfs:///out} means the cluster's {@code fs.defaultFS}, but Flink
 * looks for Hadoop's configuration only in {@code HADOOP_CONF_DIR} and {@code HADOOP_HOME}, never in
 * the directory a command was given with {@code --hadoop-conf-dir} or {@code --sandbox}; without it
 * such a path fails with "did not describe the authority", and with another HADOOP_CONF_DIR it
 * would mean another cluster. So every key of that directory's {@code core-site.xml} and {@code
 * hdfs-site.xml} is handed to Flink as a {@code flink.hadoop.*} setting, which Flink applies after
 * any other Hadoop configuration it finds.
 */
public final class ClientFileSystems {

    static final String FLINK_HADOOP_PREFIX = "flink.hadoop.";

    private ClientFileSystems() {}

    /** Makes this JVM's Flink file systems resolve paths as the cluster of {@code hadoopConfDir} does. */
    public static void useClusterConfiguration(Path hadoopConfDir) {
        FileSystem.initialize(settingsFor(hadoopConfDir), null);
    }

    /** The Flink settings that carry the cluster's core-site.xml and hdfs-site.xml. */
    static Configuration settingsFor(Path hadoopConfDir) {
        org.apache.hadoop.conf.Configuration site = new org.apache.hadoop.conf.Configuration(false);
        for (String file : new String[] {"core-site.xml", "hdfs-site.xml"}) {
            Path path = hadoopConfDir.resolve(file);
            if (Files.isRegularFile(path)) {
                site.addResource(new org.apache.hadoop.fs.Path(path.toUri()));
            }
        }
        Configuration settings = new Configuration();
        site.forEach(entry -> settings.setString(FLINK_HADOOP_PREFIX + entry.getKey(), entry.getValue()));
        return settings;
    }
}
