package dev.ferry.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A valid jar that holds no class (one README): what a function jar without the function's class looks like. */
final class ClasslessJar {

    private ClasslessJar() {}

    static Path in(Path dir) throws IOException {
        Path jar = dir.resolve("functions.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("README"));
            out.closeEntry();
        }
        return jar;
    }
}
