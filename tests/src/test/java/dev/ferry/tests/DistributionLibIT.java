package dev.ferry.tests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built distribution's lib/, which the client loads and every container gets: it holds no
 * benchmark code, neither the benches nor the Nexmark source they run; those are in opt/bench/.
 * Needs no cluster: it reads the jars' entries (an IT only so that it runs after the distribution
 * is packaged).
 */
class DistributionLibIT {

    private static final List<String> BENCH_PACKAGES = List.of("dev/ferry/bench/", "dev/ferry/nexmark/");

    private static final Path HOME = Path.of(System.getProperty("ferry.home", "../dist/target/ferry-0.1.0-SNAPSHOT"));

    @Test
    void noJarInLibHoldsBenchmarkClasses() throws IOException {
        // given
        List<Path> jars = jarsIn(HOME.resolve("lib"));
        assertThat(jars).isNotEmpty();

        // when
        List<String> benchClasses = new ArrayList<>();
        for (Path jar : jars) {
            benchClasses.addAll(benchClassesIn(jar));
        }

        // then
        assertThat(benchClasses).isEmpty();
    }

    @Test
    void optBenchHoldsTheBenchesAndTheNexmarkSource() throws IOException {
        assertThat(jarsIn(HOME.resolve("opt/bench")))
                .extracting(jar -> jar.getFileName().toString())
                .contains("ferry-bench.jar", "ferry-nexmark.jar")
                .anyMatch(name -> name.startsWith("xchart-"));
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** "jar!entry" for every class of a bench package in the jar. */
    private static List<String> benchClassesIn(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class"))
                    .filter(name -> BENCH_PACKAGES.stream().anyMatch(name::startsWith))
                    .map(name -> jar.getFileName() + "!" + name)
                    .toList();
        }
    }
}
