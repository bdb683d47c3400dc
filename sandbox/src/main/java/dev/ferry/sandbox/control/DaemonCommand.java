package dev.ferry.sandbox.control;

import dev.ferry.sandbox.home.FerryHomeLayout;
import dev.ferry.sandbox.process.JavaProcesses;
import dev.ferry.sandbox.state.SandboxPaths;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The java command line that runs the sandbox daemon in its own JVM. */
final class DaemonCommand {

    static final String MAIN_CLASS = "dev.ferry.sandbox.daemon.SandboxDaemon";
    /** YARN RM+NM, HDFS and ZooKeeper together stay well under this (measured under 600 MiB). */
    private static final String HEAP = "-Xmx1g";

    private DaemonCommand() {}

    static List<String> build(FerryHomeLayout home, SandboxPaths paths, SandboxSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(JavaProcesses.javaExecutable());
        command.add(HEAP);
        command.addAll(JavaProcesses.ADD_OPENS);
        command.add("-Djava.io.tmpdir=" + paths.tmpDir());
        command.add("-Dlog4j2.configurationFile=ferry-sandbox-log4j2.properties");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, home.daemonClassPath()));
        command.add(MAIN_CLASS);
        command.addAll(List.of(
                "--dir", paths.dir().toString(),
                "--home", home.home().toString(),
                "--nm-memory-mb", String.valueOf(settings.nodeManagerMemoryMb()),
                "--nm-vcores", String.valueOf(settings.nodeManagerVcores()),
                "--metastore-db", settings.metastoreDbType()));
        if (!settings.metastoreJdbcUrl().isBlank()) {
            command.addAll(List.of("--metastore-jdbc-url", settings.metastoreJdbcUrl()));
        }
        return command;
    }
}
