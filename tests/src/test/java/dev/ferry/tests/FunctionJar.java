package dev.ferry.tests;

import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.util.Collector;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A jar of user-defined functions compiled by the test from source, so that its classes are on no
 * classpath of the test, the gateway or the cluster: a job finds them only through the jar.
 */
final class FunctionJar {

    private FunctionJar() {}

    /** Compiles {@code className} from {@code source} against Flink's table API and packs it into {@code jar}. */
    static Path build(Path jar, String className, String source) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "udf-src");
        Path file = work.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler (the tests run on a JDK)").isNotNull();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(
                null,
                null,
                errors,
                "--release",
                "17",
                "-proc:none",
                "-cp",
                flinkClasspath(),
                "-d",
                classes.toString(),
                file.toString());
        assertThat(exit).as(errors.toString()).isZero();
        pack(classes, jar);
        return jar;
    }

    /** The jars of Flink's table API and core, where the functions' supertypes live. */
    private static String flinkClasspath() {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : new Class<?>[] {ScalarFunction.class, Collector.class}) {
            jars.add(Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .getPath())
                    .toString());
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    private static void pack(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }
}
