package dev.ferry.tests;

import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.table.connector.source.SourceFunctionProvider;
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
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A jar of user-defined functions or a connector, compiled by the test from source, so that its
 * classes are on no classpath of the test, the gateway or the cluster: a job finds them only
 * through the jar.
 */
final class FunctionJar {

    private FunctionJar() {}

    /** Compiles {@code className} from {@code source} against Flink's table API and packs it into {@code jar}. */
    static Path build(Path jar, String className, String source) throws IOException {
        return build(jar, className, source, Map.of());
    }

    /** {@link #build(Path, String, String)}, with {@code resources} (path in the jar to content) packed too. */
    static Path build(Path jar, String className, String source, Map<String, String> resources) throws IOException {
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
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            Path packed = classes.resolve(resource.getKey());
            Files.createDirectories(packed.getParent());
            Files.writeString(packed, resource.getValue());
        }
        pack(classes, jar);
        return jar;
    }

    /** The jars of Flink's table API, its bridge to streams, and core: where functions' and sources' supertypes live. */
    private static String flinkClasspath() {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : new Class<?>[] {
            ScalarFunction.class, Collector.class, SourceFunctionProvider.class, SourceFunction.class
        }) {
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
