package dev.ferry.sandbox.control;

import java.util.Objects;

/**
 * How the daemon sizes the sandbox. Passed to the daemon on its command line.
 *
 * @param nodeManagerMemoryMb memory YARN offers to containers
 * @param nodeManagerVcores vcores YARN offers to containers
 * @param metastoreDbType {@code derby} or {@code postgres}
 * @param metastoreJdbcUrl the metastore's database; empty for the type's default
 */
public record SandboxSettings(
        int nodeManagerMemoryMb, int nodeManagerVcores, String metastoreDbType, String metastoreJdbcUrl) {

    // 8 GiB: a Ferry session and a stock one side by side ('ferry bench nexmark --yarn': JobManagers
    // of 1024m and 1600m, two 1728m TaskManagers, rounded up to 256 MB by YARN: 6400 MB) fit.
    public static final SandboxSettings DEFAULTS = new SandboxSettings(8192, 8, "derby", "");

    public SandboxSettings {
        Objects.requireNonNull(metastoreDbType, "metastoreDbType");
        Objects.requireNonNull(metastoreJdbcUrl, "metastoreJdbcUrl");
    }

    /** Settings whose metastore uses its database type's default URL. */
    public SandboxSettings(int nodeManagerMemoryMb, int nodeManagerVcores, String metastoreDbType) {
        this(nodeManagerMemoryMb, nodeManagerVcores, metastoreDbType, "");
    }

    public SandboxSettings withMetastoreDbType(String dbType) {
        return new SandboxSettings(nodeManagerMemoryMb, nodeManagerVcores, dbType, metastoreJdbcUrl);
    }
}
