package dev.ferry.sandbox;

import dev.ferry.sandbox.control.SandboxSettings;
import dev.ferry.sandbox.metastore.MetastoreDbType;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

import java.time.Duration;

import static org.apache.flink.configuration.ConfigOptions.key;

/** The sandbox's options, all in one place. Ports are not options: they are chosen on first start and kept. */
public final class SandboxOptions {

    public static final ConfigOption<String> DIR = key("ferry.sandbox.dir")
            .stringType()
            .defaultValue(System.getProperty("user.home") + "/.ferry/sandbox")
            .withDescription("Directory of the sandbox: its data (HDFS, ZooKeeper, metastore database), "
                    + "its client configuration (conf/), logs (log/) and chosen ports (sandbox.properties).");

    public static final ConfigOption<Integer> NODE_MANAGER_MEMORY_MB = key("ferry.sandbox.nodemanager.memory-mb")
            .intType()
            .defaultValue(SandboxSettings.DEFAULTS.nodeManagerMemoryMb())
            .withDescription("Memory in MiB that the sandbox's YARN NodeManager offers to containers.");

    public static final ConfigOption<Integer> NODE_MANAGER_VCORES = key("ferry.sandbox.nodemanager.vcores")
            .intType()
            .defaultValue(SandboxSettings.DEFAULTS.nodeManagerVcores())
            .withDescription("Virtual cores that the sandbox's YARN NodeManager offers to containers.");

    public static final ConfigOption<String> METASTORE_DB_TYPE = key("ferry.sandbox.metastore.db-type")
            .stringType()
            .defaultValue(SandboxSettings.DEFAULTS.metastoreDbType())
            .withDescription("Database of the sandbox's Hive Metastore: derby (embedded, in the sandbox dir) or"
                    + " postgres (a local PostgreSQL; sandbox/bin/install-postgres.sh installs and prepares it).");

    public static final ConfigOption<String> METASTORE_JDBC_URL = key("ferry.sandbox.metastore.jdbc-url")
            .stringType()
            .defaultValue(SandboxSettings.DEFAULTS.metastoreJdbcUrl())
            .withDescription("JDBC URL of the metastore's database; empty for the db type's default (postgres: "
                    + MetastoreDbType.DEFAULT_POSTGRES_URL + ", user and password ferry).");

    public static final ConfigOption<Duration> START_TIMEOUT = key("ferry.sandbox.start-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(3))
            .withDescription("How long 'sandbox start' waits for every service to be up before it gives up.");

    public static final ConfigOption<Duration> STOP_TIMEOUT = key("ferry.sandbox.stop-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(1))
            .withDescription("How long 'sandbox stop' waits for a clean shutdown before it kills the sandbox.");

    private SandboxOptions() {}

    /**
     * The daemon's settings from a Flink/Ferry configuration.
     *
     * @throws IllegalArgumentException for an unknown metastore database type
     */
    public static SandboxSettings settings(ReadableConfig config) {
        // Refused here, with the supported names, rather than by the daemon after it started.
        MetastoreDbType.fromName(config.get(METASTORE_DB_TYPE));
        return new SandboxSettings(
                config.get(NODE_MANAGER_MEMORY_MB),
                config.get(NODE_MANAGER_VCORES),
                config.get(METASTORE_DB_TYPE),
                config.get(METASTORE_JDBC_URL));
    }
}
