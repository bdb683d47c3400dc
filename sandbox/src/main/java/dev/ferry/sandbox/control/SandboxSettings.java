package dev.ferry.sandbox.control;

import java.util.Objects;

/**
 * How the daemon sizes the sandbox. Passed to the daemon on its command line.
 *
 * @param nodeManagerMemoryMb memory YARN offers to containers
 * @param nodeManagerVcores vcores YARN offers to containers
 * @param metastoreDbType {@code derby}
 */
public record SandboxSettings(int nodeManagerMemoryMb, int nodeManagerVcores, String metastoreDbType) {

    public static final SandboxSettings DEFAULTS = new SandboxSettings(6144, 8, "derby");

    public SandboxSettings {
        Objects.requireNonNull(metastoreDbType, "metastoreDbType");
    }
}
