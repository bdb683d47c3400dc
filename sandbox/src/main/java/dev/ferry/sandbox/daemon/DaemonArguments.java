package dev.ferry.sandbox.daemon;

import dev.ferry.sandbox.control.SandboxSettings;
import dev.ferry.sandbox.metastore.MetastoreDbType;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The daemon's command line, as written by the controller: {@code --name value} pairs. */
record DaemonArguments(
        Path sandboxDir,
        Path ferryHome,
        int nodeManagerMemoryMb,
        int nodeManagerVcores,
        MetastoreDbType metastoreDbType,
        String metastoreJdbcUrl) {

    private static final Set<String> NAMES =
            Set.of("--dir", "--home", "--nm-memory-mb", "--nm-vcores", "--metastore-db", "--metastore-jdbc-url");

    static DaemonArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!NAMES.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "Unexpected argument '" + args[i] + "'; expected " + NAMES + " with values");
            }
            values.put(args[i], args[i + 1]);
        }
        return new DaemonArguments(
                Path.of(required(values, "--dir")),
                Path.of(required(values, "--home")),
                Integer.parseInt(values.getOrDefault(
                        "--nm-memory-mb", Integer.toString(SandboxSettings.DEFAULTS.nodeManagerMemoryMb()))),
                Integer.parseInt(values.getOrDefault("--nm-vcores", "8")),
                MetastoreDbType.fromName(values.getOrDefault("--metastore-db", "derby")),
                values.getOrDefault("--metastore-jdbc-url", ""));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing argument " + name);
        }
        return value;
    }
}
