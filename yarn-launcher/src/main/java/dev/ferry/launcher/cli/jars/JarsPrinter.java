package dev.ferry.launcher.cli.jars;

import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared jars as a table or JSON: name, size, when shared, the path to give {@code ferry sql --jar}. */
final class JarsPrinter {

    private JarsPrinter() {}

    static void print(PrintWriter out, List<FileEntry> jars, boolean json) {
        if (json) {
            Json.print(out, jars.stream().map(JarsPrinter::toJson).toList());
            return;
        }
        Table table = new Table("NAME", "BYTES", "SHARED", "PATH");
        jars.forEach(
                jar -> table.row(jar.name(), jar.length(), Instant.ofEpochMilli(jar.modificationTime()), jar.path()));
        table.print(out);
        out.flush();
    }

    private static Map<String, Object> toJson(FileEntry jar) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", jar.name());
        json.put("bytes", jar.length());
        json.put("sharedAt", Instant.ofEpochMilli(jar.modificationTime()).toString());
        json.put("path", jar.path());
        return json;
    }
}
