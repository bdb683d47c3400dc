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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Hive Metastore 3.1.3 (Derby) in a child JVM, run from the sandbox's packaged class path
 * ({@code sandbox/target/opt/metastore}). The sandbox's {@code MetastoreProcess} always puts the
 * warehouse on HDFS; tests need a local one, so this spawns the same command with its own
 * metastore-site.xml. The schema is created once per test JVM and copied for each metastore.
 */
public final class TestMetastore implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static Path schemaTemplate;

    private final Process process;
    private final Path baseDir;
    private final Path clientConfDir;
    private final int port;

    private TestMetastore(Process process, Path baseDir, Path clientConfDir, int port) {
        this.process = process;
        this.baseDir = baseDir;
        this.clientConfDir = clientConfDir;
        this.port = port;
    }

    /** Starts a metastore below {@code target/metastores/<name>} and writes a client hive-site.xml. */
    public static TestMetastore start(String name) throws IOException, InterruptedException {
        Path baseDir = Path.of("target", "metastores", name).toAbsolutePath();
        deleteRecursively(baseDir);
        int port = freePort();
        MetastoreSettings settings = settings(baseDir.resolve("data"), port);
        copyRecursively(schemaTemplate(), settings.dbType().databaseDir(settings.dataDir()).orElseThrow());
        Path warehouse = Files.createDirectories(baseDir.resolve("warehouse"));
        writeServerSite(settings, warehouse);
        Path clientConfDir = writeClientSite(baseDir.resolve("client-conf"), settings, warehouse);

        Process process = launch(settings, "org.apache.hadoop.hive.metastore.HiveMetaStore", List.of(),
                baseDir.resolve("metastore.log"));
        TestMetastore metastore = new TestMetastore(process, baseDir, clientConfDir, port);
        metastore.awaitPort();
        return metastore;
    }

    /** Directory holding the client hive-site.xml. */
    public Path clientConfDir() {
        return clientConfDir;
    }

    public String thriftUri() {
        return "thrift://localhost:" + port;
    }

    /** A directory for table data under this metastore's base dir. */
    public Path dataDir(String name) throws IOException {
        return Files.createDirectories(baseDir.resolve("data-" + name));
    }

    @Override
    public void close() {
        try {
            JavaProcesses.terminate(process, Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
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
            MetastoreSettings settings = settings(dir, freePort());
            writeServerSite(settings, dir);
            Process tool = launch(settings, "org.apache.hadoop.hive.metastore.tools.MetastoreSchemaTool",
                    List.of("-initSchema", "-dbType", "derby"), dir.resolve("schematool.log"));
            if (!tool.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IOException("Hive schematool failed; see " + dir.resolve("schematool.log"));
            }
            schemaTemplate = settings.dbType().databaseDir(dir).orElseThrow();
        }
        return schemaTemplate;
    }

    private static MetastoreSettings settings(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        return new MetastoreSettings(MetastoreDbType.DERBY, dataDir, dataDir.resolve("conf"), port,
                URI.create("file:///"));
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
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(settings.dataDir().resolve("tmp")));
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
        Path optMetastore = Path.of(System.getProperty("ferry.test.metastore.opt.dir",
                "../sandbox/target/opt/metastore")).toAbsolutePath().normalize();
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
            socket.connect(new InetSocketAddress("localhost", port), 500);
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
