package dev.ferry.hive.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL of sandbox/bin/install-postgres.sh, which this runs (it installs and
 * starts PostgreSQL when needed, quickly does nothing otherwise). Each test gets a database of its
 * own, so that runs never see each other's metastore schema.
 *
 * <p>Not available means failed, not skipped: CI must not pass without having run these tests.
 * Locally, {@code -Dferry.test.postgres=skip} opts out explicitly.
 */
public final class LocalPostgres {

    public static final String OPT_OUT_PROPERTY = "ferry.test.postgres";
    private static final String ADMIN_URL = "jdbc:postgresql://localhost:5432/postgres";
    private static final String USER = "ferry";
    private static final String PASSWORD = "ferry";
    private static final long SETUP_TIMEOUT_MINUTES = 10;

    private LocalPostgres() {}

    /** Runs the setup script; aborts the test only when explicitly opted out. */
    public static void ensureRunning() throws IOException, InterruptedException {
        Assumptions.assumeFalse(
                "skip".equals(System.getProperty(OPT_OUT_PROPERTY)),
                "PostgreSQL tests skipped by -D" + OPT_OUT_PROPERTY + "=skip");
        Path script = Path.of(System.getProperty("ferry.test.postgres.script", "../sandbox/bin/install-postgres.sh"))
                .toAbsolutePath()
                .normalize();
        Path log = Files.createDirectories(Path.of("target"))
                .resolve("install-postgres.log")
                .toAbsolutePath();
        Process setup = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!setup.waitFor(SETUP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            setup.destroyForcibly();
            throw new IllegalStateException(
                    script + " did not finish within " + SETUP_TIMEOUT_MINUTES + " minutes; see " + log);
        }
        if (setup.exitValue() != 0) {
            throw new IllegalStateException("PostgreSQL is needed and could not be set up by " + script + " (exit "
                    + setup.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip()
                    + "; run it as root, or opt out locally with -D" + OPT_OUT_PROPERTY + "=skip");
        }
    }

    /** Creates an empty database owned by the sandbox's role and returns its JDBC URL. */
    public static String createDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:5432/" + name;
    }

    public static void dropDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }
}
