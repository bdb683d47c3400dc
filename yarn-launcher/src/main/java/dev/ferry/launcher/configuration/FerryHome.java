package dev.ferry.launcher.configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The unpacked distribution: where {@code bin/ferry} found its lib/, plugins/, conf/ and opt/. */
public record FerryHome(Path root) {

    /** Set by {@code bin/ferry}; tests point it at {@code dist/target/ferry-<version>}. */
    public static final String HOME_PROPERTY = "ferry.home";

    public static FerryHome fromSystemProperty() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new ConfigurationException(
                    "Ferry's home directory is unknown: start Ferry through bin/ferry, or pass -D" + HOME_PROPERTY
                            + "=<unpacked distribution> to the JVM");
        }
        return new FerryHome(Path.of(home).toAbsolutePath().normalize());
    }

    public Path defaultConfDir() {
        return root.resolve("conf");
    }

    public Path libDir() {
        return root.resolve("lib");
    }

    public Path pluginsDir() {
        return root.resolve("plugins");
    }

    public Path examplesDir() {
        return root.resolve("examples");
    }

    /** The shaded Flink jar; Flink recognises it by its {@code flink-dist*.jar} name. */
    public Path flinkDistJar() {
        try (Stream<Path> files = Files.list(libDir())) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().matches("flink-dist.*\\.jar"))
                    .toList();
            if (jars.size() != 1) {
                throw new ConfigurationException("Expected exactly one flink-dist*.jar in " + libDir() + " but found "
                        + jars.size() + ": reinstall the Ferry distribution");
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new ConfigurationException(
                    "Cannot read " + libDir() + " (" + e.getMessage() + "): is " + root + " a Ferry distribution?", e);
        }
    }
}
