package dev.ferry.sandbox.control;

import dev.ferry.sandbox.home.FerryHomeLayout;
import dev.ferry.sandbox.monitoring.MonitoringBinaries;
import dev.ferry.sandbox.state.PortAllocator;
import dev.ferry.sandbox.state.SandboxPaths;
import dev.ferry.sandbox.state.SandboxPorts;
import dev.ferry.sandbox.state.SandboxState;
import dev.ferry.sandbox.status.DaemonReport;
import dev.ferry.sandbox.status.DaemonState;
import dev.ferry.sandbox.status.SandboxStatus;
import dev.ferry.sandbox.status.ServiceStatus;
import dev.ferry.sandbox.status.StatusFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts, stops and inspects the sandbox daemon of one sandbox directory. Used by
 * {@code ferry sandbox start|stop|status}; depends on the JDK and SLF4J only.
 *
 * <p>Starting a sandbox that is already running is an error
 * ({@link SandboxAlreadyRunningException}): the caller asked for a start and none happened.
 */
public final class SandboxController {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxController.class);
    private static final String PROMETHEUS = "prometheus";
    private static final long POLL_MS = 200;
    /** How long a daemon that failed to become ready gets to stop cleanly before it is killed. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(30);

    private final FerryHomeLayout home;
    private final SandboxPaths paths;
    private final SandboxSettings settings;

    public SandboxController(Path ferryHome, Path sandboxDir, SandboxSettings settings) {
        this.home = new FerryHomeLayout(ferryHome);
        this.paths = new SandboxPaths(sandboxDir);
        this.settings = settings;
    }

    /**
     * Spawns the daemon and waits until it reports every service ready.
     *
     * @return the status once ready
     * @throws SandboxAlreadyRunningException when a daemon already runs for this directory
     * @throws SandboxException when the daemon fails or is not ready in time (it is then killed)
     */
    public SandboxStatus start(Duration timeout) throws SandboxException {
        SandboxStatus before = status();
        if (before.running()) {
            throw new SandboxAlreadyRunningException(
                    "Sandbox in " + paths.dir() + " is already running (pid " + before.pid() + ")");
        }
        checkHome();
        prepareDirectories();
        checkPortsFree();
        Process daemon = spawn();
        LOG.info(
                "Sandbox daemon started (pid {}), waiting up to {} s for it to be ready; log: {}",
                daemon.pid(),
                timeout.toSeconds(),
                paths.daemonLog());
        try {
            awaitReady(daemon, timeout);
        } catch (SandboxException e) {
            killQuietly(daemon);
            throw e;
        } catch (InterruptedException e) {
            killQuietly(daemon);
            Thread.currentThread().interrupt();
            throw new SandboxException(
                    "Interrupted while waiting for the sandbox to start; see " + paths.daemonLog(), e);
        }
        return status();
    }

    /**
     * Asks the daemon to shut down (SIGTERM) and waits for it; kills it (and the metastore)
     * when it does not exit in time. Stopping a sandbox that is not running does nothing.
     *
     * @return the status after the stop
     * @throws SandboxException when the daemon had to be killed
     */
    public SandboxStatus stop(Duration timeout) throws SandboxException {
        Optional<DaemonReport> report = StatusFile.read(paths.statusFile());
        Optional<ProcessHandle> daemon = livePid().flatMap(pid -> Liveness.process(pid, DaemonCommand.MAIN_CLASS));
        if (daemon.isEmpty()) {
            cleanUpAfterDeadDaemon(report);
            return status();
        }
        long started = System.nanoTime();
        if (!terminate(daemon.get(), timeout)) {
            cleanUpAfterDeadDaemon(report);
            throw new SandboxException("Sandbox daemon (pid " + daemon.get().pid() + ") did not stop within "
                    + timeout.toSeconds() + " s and was killed; see " + paths.daemonLog());
        }
        LOG.info("Sandbox stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return status();
    }

    /** The daemon's liveness and a port probe of every service it announced. */
    public SandboxStatus status() {
        Optional<DaemonReport> report = readReport();
        Optional<ProcessHandle> daemon = livePid().flatMap(pid -> Liveness.process(pid, DaemonCommand.MAIN_CLASS));
        boolean running = daemon.isPresent();
        DaemonState state = report.map(DaemonReport::state)
                .filter(reported -> running || reported == DaemonState.FAILED)
                .orElse(DaemonState.STOPPED);
        List<ServiceStatus> services = report.map(DaemonReport::services).orElse(Map.of()).entrySet().stream()
                .map(service -> new ServiceStatus(
                        service.getKey(), service.getValue(), running && Liveness.accepts(service.getValue())))
                .sorted(Comparator.comparing(ServiceStatus::name))
                .toList();
        return new SandboxStatus(
                running,
                state,
                daemon.map(ProcessHandle::pid).orElse(-1L),
                services,
                paths.confDir(),
                paths.dataDir(),
                paths.daemonLog(),
                report.map(DaemonReport::message).orElse(""),
                monitoringNotes(running, services));
    }

    /** A running sandbox without Prometheus says how to get it; the sandbox runs on without. */
    private static List<String> monitoringNotes(boolean running, List<ServiceStatus> services) {
        if (!running || services.stream().anyMatch(service -> service.name().equals(PROMETHEUS))) {
            return List.of();
        }
        return List.of(
                MonitoringBinaries.find().isPresent()
                        ? "Prometheus, Alertmanager and the Pushgateway were installed after this sandbox started:"
                                + " restart it to run them"
                        : "No Prometheus, Alertmanager and Pushgateway (metrics and alerts): "
                                + MonitoringBinaries.INSTALL_HINT);
    }

    public SandboxPaths paths() {
        return paths;
    }

    private Optional<DaemonReport> readReport() {
        try {
            return StatusFile.read(paths.statusFile());
        } catch (RuntimeException e) {
            LOG.warn("Ignoring unreadable status file {}: {}", paths.statusFile(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Long> livePid() {
        try {
            String text = Files.readString(paths.pidFile()).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void checkHome() throws SandboxException {
        for (Path dir : List.of(home.sandboxDir(), home.hadoopDir(), home.metastoreDir())) {
            if (!Files.isDirectory(dir)) {
                throw new SandboxException("Ferry home " + home.home() + " has no " + dir.getFileName() + " directory ("
                        + dir + "): is it a complete Ferry installation?");
            }
        }
    }

    private void prepareDirectories() throws SandboxException {
        try {
            for (Path dir : List.of(paths.dir(), paths.logDir(), paths.tmpDir(), paths.yarnWorkDir())) {
                Files.createDirectories(dir);
            }
            Files.deleteIfExists(paths.statusFile());
        } catch (IOException e) {
            throw new SandboxException("Cannot prepare sandbox directory " + paths.dir() + ": " + e.getMessage(), e);
        }
    }

    /** Ports are fixed once chosen; name the one that another program took meanwhile. */
    private void checkPortsFree() throws SandboxException {
        SandboxPorts ports;
        try {
            ports = SandboxState.loadOrAllocatePorts(paths.stateFile());
        } catch (RuntimeException e) {
            throw new SandboxException(e.getMessage(), e);
        }
        for (Map.Entry<String, Integer> port : ports.byName().entrySet()) {
            if (!PortAllocator.isFree(port.getValue())) {
                throw new SandboxException("Port " + port.getValue() + " of the sandbox's " + port.getKey()
                        + " is in use by another program (ports are kept in " + paths.stateFile() + ")");
            }
        }
    }

    private Process spawn() throws SandboxException {
        ProcessBuilder builder = new ProcessBuilder(DaemonCommand.build(home, paths, settings))
                .directory(paths.yarnWorkDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(paths.daemonLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(daemonEnvironment(paths));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new SandboxException("Cannot start the sandbox daemon: " + e.getMessage(), e);
        }
    }

    /**
     * What the daemon's NodeManager passes on to every container (its whitelist: JAVA_HOME,
     * HADOOP_CONF_DIR, ...): this Java, and the sandbox's own client configuration, whatever the
     * shell that started the sandbox had, so a job sees the sandbox's fs.defaultFS and replication,
     * not a real cluster's.
     */
    static Map<String, String> daemonEnvironment(SandboxPaths paths) {
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("HADOOP_CONF_DIR", paths.confDir().toString());
        environment.put("YARN_CONF_DIR", paths.confDir().toString());
        return environment;
    }

    private void awaitReady(Process daemon, Duration timeout) throws SandboxException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<DaemonReport> report = readReport().filter(r -> r.pid() == daemon.pid());
            if (report.isPresent() && report.get().state() == DaemonState.READY) {
                return;
            }
            if (report.isPresent() && report.get().state() == DaemonState.FAILED) {
                throw new SandboxException(
                        "Sandbox failed to start: " + report.get().message() + "; see " + paths.daemonLog());
            }
            if (!daemon.isAlive()) {
                throw new SandboxException("Sandbox daemon exited with code " + daemon.exitValue()
                        + " while starting; see " + paths.daemonLog());
            }
            if (System.nanoTime() > deadline) {
                throw new SandboxException("Sandbox was not ready within " + timeout.toSeconds()
                        + " s and was stopped; see " + paths.daemonLog());
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void killQuietly(Process daemon) {
        Optional<DaemonReport> report = readReport();
        terminate(daemon.toHandle(), KILL_GRACE);
        cleanUpAfterDeadDaemon(report);
    }

    /**
     * SIGTERM lets the daemon stop its services (the metastore is its child); if it has not
     * exited within {@code grace}, SIGKILL it and every process it started.
     *
     * @return whether it exited by itself
     */
    private static boolean terminate(ProcessHandle daemon, Duration grace) {
        List<ProcessHandle> children = daemon.descendants().toList();
        daemon.destroy();
        if (waitForExit(daemon, grace)) {
            return true;
        }
        // Children started during the grace period count too.
        daemon.descendants().forEach(ProcessHandle::destroyForcibly);
        children.forEach(ProcessHandle::destroyForcibly);
        daemon.destroyForcibly();
        waitForExit(daemon, Duration.ofSeconds(10));
        return false;
    }

    /** A killed daemon leaves its metastore and monitoring children, pid file and a stale status behind. */
    private void cleanUpAfterDeadDaemon(Optional<DaemonReport> report) {
        report.map(DaemonReport::metastorePid)
                .flatMap(pid -> Liveness.process(pid, "HiveMetaStore"))
                .ifPresent(ProcessHandle::destroyForcibly);
        report.map(DaemonReport::monitoringPids).orElse(List.of()).stream()
                .flatMap(pid -> Stream.of(PROMETHEUS, "alertmanager", "pushgateway")
                        .flatMap(name -> Liveness.process(pid, name).stream())
                        .limit(1))
                .forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(paths.pidFile());
            if (report.isPresent() && report.get().state() != DaemonState.FAILED) {
                Files.deleteIfExists(paths.statusFile());
            }
        } catch (IOException e) {
            LOG.warn("Cannot clean up {}: {}", paths.dir(), e.getMessage());
        }
    }
}
