package dev.ferry.sandbox.metastore;

import dev.ferry.sandbox.cluster.ClientConfiguration;
import dev.ferry.sandbox.home.FerryHomeLayout;
import dev.ferry.sandbox.process.JavaProcesses;

import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Hive Metastore 3.1.3 in a child JVM with its own class path
 * ({@code <home>/opt/metastore/*}: Hive's dependencies clash with Hadoop's and Flink's).
 * The schema is created with Hive's schematool on the first start only.
 */
public final class MetastoreProcess implements AutoCloseable {

    static final String SERVER_MAIN = "org.apache.hadoop.hive.metastore.HiveMetaStore";
    static final String SCHEMA_TOOL_MAIN = "org.apache.hadoop.hive.metastore.tools.MetastoreSchemaTool";
    private static final String HEAP = "-Xmx512m";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(MetastoreProcess.class);

    private final Process process;

    private MetastoreProcess(Process process) {
        this.process = process;
    }

    /**
     * Writes metastore-site.xml, creates the schema if this sandbox has none yet, starts the
     * server and waits until its thrift port accepts connections.
     *
     * @param tmpDir java.io.tmpdir of the child (Hive writes its own log below it)
     * @param logFile receives the child's stdout and stderr
     */
    public static MetastoreProcess start(
            FerryHomeLayout home, MetastoreSettings settings, Path tmpDir, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(settings.dataDir());
        Files.createDirectories(settings.confDir());
        Files.createDirectories(tmpDir);
        ClientConfiguration.writeSite(
                settings.confDir().resolve("metastore-site.xml"), MetastoreSite.serverKeys(settings));
        requireDatabaseServer(settings);
        new SchemaInitializer(home, settings, tmpDir, logFile).initializeOnce(timeout);

        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command(home, settings, tmpDir, SERVER_MAIN, List.of()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .directory(settings.dataDir().toFile());
        MetastoreProcess metastore = new MetastoreProcess(builder.start());
        try {
            metastore.awaitPort(settings.thriftPort(), timeout, logFile);
        } catch (IOException | RuntimeException | InterruptedException e) {
            metastore.close();
            throw e;
        }
        LOG.info(
                "Hive Metastore up at {} in {} ms (pid {})",
                settings.thriftUri(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                metastore.pid());
        return metastore;
    }

    /**
     * A database server that is down would otherwise surface as a schematool or DataNucleus
     * stack trace in the metastore log, after retries: say so at once, and how to start it.
     */
    private static void requireDatabaseServer(MetastoreSettings settings) throws IOException {
        if (settings.dbType().databaseDir(settings.dataDir()).isPresent()) {
            return;
        }
        URI server = URI.create(settings.jdbcUrl().substring("jdbc:".length()));
        int port = server.getPort() == -1 ? 5432 : server.getPort();
        if (!accepts(server.getHost(), port)) {
            throw new IOException("The metastore's database server " + server.getHost() + ":" + port + " ("
                    + settings.jdbcUrl() + ") does not accept connections; start PostgreSQL, e.g. with"
                    + " install-postgres.sh (bin/ of the distribution, sandbox/bin/ of the sources)");
        }
    }

    /** The java command line for one of the metastore's main classes. */
    static List<String> command(
            FerryHomeLayout home, MetastoreSettings settings, Path tmpDir, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(JavaProcesses.javaExecutable());
        command.add(HEAP);
        command.addAll(JavaProcesses.ADD_OPENS);
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-Dderby.stream.error.file=" + settings.dataDir().resolve("derby.log"));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, home.metastoreClassPath(settings.confDir())));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    private void awaitPort(int port, Duration timeout, Path logFile) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive()) {
                throw new IOException(
                        "Hive Metastore exited with code " + process.exitValue() + " while starting; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Hive Metastore did not open port " + port + " within " + timeout.toSeconds()
                        + " s; see " + logFile);
            }
            Thread.sleep(200);
        }
    }

    private static boolean accepts(int port) {
        return accepts("localhost", port);
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            JavaProcesses.terminate(process, STOP_GRACE);
            LOG.info("Hive Metastore stopped");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the marker's schema is the one {@code database} needs. Markers written before
     * PostgreSQL support hold only "derby" and mean Derby at its default URL: such a sandbox must
     * keep its catalog, not have it wiped and recreated.
     */
    static boolean madeIn(String marker, String database) {
        return marker.equals(database)
                || (marker.equals(MetastoreDbType.DERBY.schemaToolName()) && database.startsWith(marker + " "));
    }

    /** Runs the schematool once per sandbox; a marker file records that the schema exists. */
    private record SchemaInitializer(FerryHomeLayout home, MetastoreSettings settings, Path tmpDir, Path logFile) {

        void initializeOnce(Duration timeout) throws IOException, InterruptedException {
            // The marker names the database: a sandbox switched from derby to postgres (or to
            // another PostgreSQL database) needs the schema created there too.
            Path marker = settings.dataDir().resolve("schema-initialized");
            String database = settings.dbType().schemaToolName() + " " + settings.jdbcUrl();
            if (Files.exists(marker) && madeIn(Files.readString(marker).strip(), database)) {
                return;
            }
            // An embedded database left by a failed earlier attempt would make -initSchema fail again.
            Optional<Path> embedded = settings.dbType().databaseDir(settings.dataDir());
            if (embedded.isPresent()) {
                FileUtils.deleteDirectory(embedded.get().toFile());
            }
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command(
                            home,
                            settings,
                            tmpDir,
                            SCHEMA_TOOL_MAIN,
                            List.of("-initSchema", "-dbType", settings.dbType().schemaToolName())))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .directory(settings.dataDir().toFile());
            // The schematool finds its SQL scripts below METASTORE_HOME/scripts.
            builder.environment().put("METASTORE_HOME", home.metastoreHome().toString());
            Process tool = builder.start();
            if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                JavaProcesses.terminate(tool, STOP_GRACE);
                throw new IOException(
                        "Hive schematool did not finish within " + timeout.toSeconds() + " s; see " + logFile);
            }
            if (tool.exitValue() != 0) {
                throw new IOException("Hive schematool failed with code " + tool.exitValue() + "; see " + logFile
                        + (embedded.isPresent()
                                ? ""
                                : "; if " + settings.jdbcUrl() + " already holds a metastore"
                                        + " schema from an earlier sandbox, drop and recreate that database"));
            }
            Files.writeString(marker, database + "\n");
            LOG.info(
                    "Hive Metastore schema created ({}) in {} ms",
                    settings.dbType().schemaToolName(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }
}
