package dev.ferry.hive.testing;

import dev.ferry.sandbox.cluster.ClientConfiguration;
import dev.ferry.sandbox.home.FerryHomeLayout;
import dev.ferry.sandbox.metastore.MetastoreDbType;
import dev.ferry.sandbox.metastore.MetastoreSettings;
import dev.ferry.sandbox.metastore.MetastoreSite;
import dev.ferry.sandbox.process.JavaProcesses;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Hive Metastore 3.1.3 in a child JVM, run from the sandbox's packaged class path
 * ({@code sandbox/target/opt/metastore}), on Derby or on the local PostgreSQL. The sandbox's
 * {@code MetastoreProcess} always puts the warehouse on HDFS; tests need a local one, so this
 * spawns the same command with its own metastore-site.xml. The Derby schema is created once per
 * test JVM and copied for each metastore; a PostgreSQL metastore gets a fresh database of its own,
 * dropped again by {@link #close()}.
 */
public final class TestMetastore implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static Path schemaTemplate;

    private final MetastoreSettings settings;
    private final Path baseDir;
    private final Path clientConfDir;
    private final String postgresDatabase;
    private Process process;

    private TestMetastore(MetastoreSettings settings, Path baseDir, Path clientConfDir, String postgresDatabase) {
        this.settings = settings;
        this.baseDir = baseDir;
        this.clientConfDir = clientConfDir;
        this.postgresDatabase = postgresDatabase;
    }

    /** Starts a Derby metastore below {@code target/metastores/<name>} and writes a client hive-site.xml. */
    public static TestMetastore start(String name) throws IOException, InterruptedException {
        Path baseDir = cleanBaseDir(name);
        MetastoreSettings settings = settings(MetastoreDbType.DERBY, baseDir.resolve("data"), freePort(), null);
        copyRecursively(
                schemaTemplate(),
                settings.dbType().databaseDir(settings.dataDir()).orElseThrow());
        return start(settings, baseDir, null);
    }

    /**
     * Starts a metastore on a new, empty database of the local PostgreSQL (set up by
     * {@link LocalPostgres#ensureRunning()}), its schema made by the schematool as an operator would.
     */
    public static TestMetastore startOnPostgres(String name) throws Exception {
        LocalPostgres.ensureRunning();
        // One database per test JVM and metastore, so that parallel or aborted runs never share a schema.
        String database = ("ferry_test_" + name + "_" + ProcessHandle.current().pid())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        String url = LocalPostgres.createDatabase(database);
        try {
            Path baseDir = cleanBaseDir(name);
            MetastoreSettings settings = settings(MetastoreDbType.POSTGRES, baseDir.resolve("data"), freePort(), url);
            initSchema(settings, baseDir.resolve("schematool.log"));
            return start(settings, baseDir, database);
        } catch (Exception | Error e) {
            LocalPostgres.dropDatabase(database);
            throw e;
        }
    }

    private static TestMetastore start(MetastoreSettings settings, Path baseDir, String postgresDatabase)
            throws IOException, InterruptedException {
        Path warehouse = Files.createDirectories(baseDir.resolve("warehouse"));
        writeServerSite(settings, warehouse);
        Path clientConfDir = writeClientSite(baseDir.resolve("client-conf"), settings, warehouse);
        TestMetastore metastore = new TestMetastore(settings, baseDir, clientConfDir, postgresDatabase);
        metastore.launchServer();
        return metastore;
    }

    /**
     * Stops the metastore process and starts a new one on the same port and database, as an
     * operator restarting the service would: whatever survives lives in the database.
     */
    public void restart() throws IOException, InterruptedException {
        stopServer();
        launchServer();
    }

    /** The JDBC URL of the metastore's database. */
    public String jdbcUrl() {
        return settings.jdbcUrl();
    }

    /** Directory holding the client hive-site.xml. */
    public Path clientConfDir() {
        return clientConfDir;
    }

    public String thriftUri() {
        return settings.thriftUri();
    }

    /** A directory for table data under this metastore's base dir. */
    public Path dataDir(String name) throws IOException {
        return Files.createDirectories(baseDir.resolve("data-" + name));
    }

    /** Stops the metastore and drops its PostgreSQL database, if it has one. */
    @Override
    public void close() {
        try {
            stopServer();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (postgresDatabase != null) {
                try {
                    LocalPostgres.dropDatabase(postgresDatabase);
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not drop PostgreSQL database " + postgresDatabase, e);
                }
            }
        }
    }

    private void launchServer() throws IOException, InterruptedException {
        process = launch(
                settings,
                "org.apache.hadoop.hive.metastore.HiveMetaStore",
                List.of(),
                baseDir.resolve("metastore.log"));
        awaitPort();
    }

    private void stopServer() throws InterruptedException {
        if (process != null) {
            JavaProcesses.terminate(process, Duration.ofSeconds(15));
        }
    }

    /** Writes a hive-site.xml pointing at {@code uri} into {@code dir}, e.g. for a dead metastore. */
    public static Path writeClientSite(Path dir, String uri) throws IOException {
        Files.createDirectories(dir);
        ClientConfiguration.writeSite(dir.resolve("hive-site.xml"), Map.of("hive.metastore.uris", uri));
        return dir;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static synchronized Path schemaTemplate() throws IOException, InterruptedException {
        if (schemaTemplate == null) {
            Path dir = Path.of("target", "metastores", "schema-template").toAbsolutePath();
            deleteRecursively(dir);
            MetastoreSettings settings = settings(MetastoreDbType.DERBY, dir, freePort(), null);
            initSchema(settings, dir.resolve("schematool.log"));
            schemaTemplate = settings.dbType().databaseDir(dir).orElseThrow();
        }
        return schemaTemplate;
    }

    /** Creates the metastore schema in the settings' database with the schematool (the warehouse is not used). */
    private static void initSchema(MetastoreSettings settings, Path log) throws IOException, InterruptedException {
        writeServerSite(settings, settings.dataDir());
        Process tool = launch(
                settings,
                "org.apache.hadoop.hive.metastore.tools.MetastoreSchemaTool",
                List.of("-initSchema", "-dbType", settings.dbType().schemaToolName()),
                log);
        if (!tool.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || tool.exitValue() != 0) {
            tool.destroyForcibly();
            throw new IOException("Hive schematool failed; see " + log);
        }
    }

    private static Path cleanBaseDir(String name) throws IOException {
        Path baseDir = Path.of("target", "metastores", name).toAbsolutePath();
        deleteRecursively(baseDir);
        return baseDir;
    }

    /** Settings for a local warehouse; a null {@code jdbcUrl} means the database type's default. */
    private static MetastoreSettings settings(MetastoreDbType dbType, Path dataDir, int port, String jdbcUrl)
            throws IOException {
        Files.createDirectories(dataDir);
        URI localFs = URI.create("file:///");
        return jdbcUrl == null
                ? new MetastoreSettings(dbType, dataDir, dataDir.resolve("conf"), port, localFs)
                : new MetastoreSettings(dbType, dataDir, dataDir.resolve("conf"), port, localFs, jdbcUrl);
    }

    private static void writeServerSite(MetastoreSettings settings, Path warehouse) throws IOException {
        Map<String, String> keys = MetastoreSite.serverKeys(settings);
        keys.put("metastore.warehouse.dir", warehouse.toUri().toString());
        Files.createDirectories(settings.confDir());
        ClientConfiguration.writeSite(settings.confDir().resolve("metastore-site.xml"), keys);
    }

    private static Path writeClientSite(Path dir, MetastoreSettings settings, Path warehouse) throws IOException {
        Map<String, String> keys = MetastoreSite.clientKeys(settings);
        keys.put("hive.metastore.warehouse.dir", warehouse.toUri().toString());
        Files.createDirectories(dir);
        ClientConfiguration.writeSite(dir.resolve("hive-site.xml"), keys);
        return dir;
    }

    private static Process launch(MetastoreSettings settings, String mainClass, List<String> args, Path log)
            throws IOException {
        FerryHomeLayout home = homeWithMetastore();
        List<String> command = new ArrayList<>();
        command.add(JavaProcesses.javaExecutable());
        command.add("-Xmx384m");
        command.addAll(JavaProcesses.ADD_OPENS);
        command.add(
                "-Djava.io.tmpdir=" + Files.createDirectories(settings.dataDir().resolve("tmp")));
        command.add("-Dderby.stream.error.file=" + settings.dataDir().resolve("derby.log"));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, home.metastoreClassPath(settings.confDir())));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(settings.dataDir().toFile());
        builder.environment().put("METASTORE_HOME", home.metastoreHome().toString());
        return builder.start();
    }

    /** A Ferry home whose opt/metastore is the sandbox build's output. */
    public static FerryHomeLayout homeWithMetastore() throws IOException {
        Path optMetastore = Path.of(
                        System.getProperty("ferry.test.metastore.opt.dir", "../sandbox/target/opt/metastore"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(optMetastore.resolve("hive-standalone-metastore-3.1.3.jar"))) {
            throw new IllegalStateException("No metastore class path in " + optMetastore
                    + "; run mvn -f sandbox/pom.xml package -DskipTests first");
        }
        Path home = Path.of("target", "test-home").toAbsolutePath();
        Path link = home.resolve("opt").resolve("metastore");
        if (!Files.exists(link)) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, optMetastore);
        }
        return new FerryHomeLayout(home);
    }

    private void awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("Hive Metastore did not start; see " + baseDir.resolve("metastore.log"));
            }
            Thread.sleep(200);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", settings.thriftPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
