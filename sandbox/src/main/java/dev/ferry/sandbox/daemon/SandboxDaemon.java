package dev.ferry.sandbox.daemon;

import dev.ferry.sandbox.state.SandboxPaths;
import dev.ferry.sandbox.state.SandboxPorts;
import dev.ferry.sandbox.state.SandboxState;
import dev.ferry.sandbox.status.DaemonReport;
import dev.ferry.sandbox.status.DaemonState;
import dev.ferry.sandbox.status.StatusFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's background JVM: runs ZooKeeper, HDFS, YARN, the Hive Metastore and (where
 * installed) Prometheus, Alertmanager and a Pushgateway of one sandbox directory until SIGTERM. Reports progress in the status file; the controller waits
 * for {@link DaemonState#READY}.
 *
 * <p>Usage: {@code SandboxDaemon --dir D --home H [--nm-memory-mb N] [--nm-vcores N] [--metastore-db derby]}
 */
public final class SandboxDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxDaemon.class);

    private final DaemonArguments args;
    private final SandboxPaths paths;
    private final long pid = ProcessHandle.current().pid();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private SandboxServices services;
    private Map<String, String> addresses = Map.of();
    private boolean shuttingDown;

    private SandboxDaemon(DaemonArguments args) {
        this.args = args;
        this.paths = new SandboxPaths(args.sandboxDir());
    }

    public static void main(String[] argv) {
        SandboxDaemon daemon = new SandboxDaemon(DaemonArguments.parse(argv));
        // Hadoop's mini clusters leave non-daemon threads: only an explicit exit ends the JVM.
        System.exit(daemon.run());
    }

    private int run() {
        // SIGTERM/SIGINT only wake the main thread, which stops the services and then exits:
        // inside a JVM shutdown hook HDFS cannot stop (Hadoop's own hook manager refuses changes).
        StopSignals.onStop(stopRequested::countDown);
        // The hook covers other exits (e.g. a failed start) and is a no-op after a clean stop.
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "sandbox-shutdown"));
        long started = System.nanoTime();
        try {
            Files.createDirectories(paths.dir());
            Files.writeString(paths.pidFile(), pid + "\n");
            report(DaemonState.STARTING, "");
            SandboxPorts ports = SandboxState.loadOrAllocatePorts(paths.stateFile());
            startServices(ports);
        } catch (Exception | Error e) {
            LOG.error("Sandbox failed to start", e);
            report(DaemonState.FAILED, oneLine(e));
            return 1;
        }
        LOG.info("Sandbox ready in {} ms: {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), addresses);
        awaitStopRequest();
        shutdown();
        return 0;
    }

    private synchronized void startServices(SandboxPorts ports) throws Exception {
        if (shuttingDown) {
            throw new IllegalStateException("Stopped while starting");
        }
        services = SandboxServices.start(args, paths, ports, () -> stopRequested.getCount() == 0);
        addresses = services.addresses();
        report(DaemonState.READY, "");
    }

    private void awaitStopRequest() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs once, on SIGTERM or on exit: stops every service, then removes the pid file. */
    private void shutdown() {
        synchronized (this) {
            if (shuttingDown) {
                return;
            }
            shuttingDown = true;
        }
        try {
            if (services != null) {
                report(DaemonState.STOPPING, "");
                long started = System.nanoTime();
                services.close();
                LOG.info("Sandbox stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                report(DaemonState.STOPPED, "");
            }
        } catch (RuntimeException e) {
            LOG.error("Error while stopping the sandbox", e);
        } finally {
            deletePidFile();
        }
    }

    private void report(DaemonState state, String message) {
        long metastorePid = services == null ? -1 : services.metastorePid();
        List<Long> monitoringPids = services == null ? List.of() : services.monitoringPids();
        try {
            StatusFile.write(
                    paths.statusFile(), new DaemonReport(state, pid, metastorePid, addresses, message, monitoringPids));
        } catch (RuntimeException e) {
            LOG.error("Cannot write status {}", state, e);
        }
    }

    private void deletePidFile() {
        try {
            Path pidFile = paths.pidFile();
            if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(String.valueOf(pid))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete pid file {}: {}", paths.pidFile(), e.getMessage());
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
