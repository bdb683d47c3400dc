package dev.ferry.nexmark.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** q13's bounded side input: a CSV file of 10,000 keys (0 to 9999), each with a value. */
public final class SideInput {

    public static final int KEYS = 10_000;

    private SideInput() {}

    /** The file's content, for a caller that writes it elsewhere (a cluster's file system). */
    public static String rows() {
        return LongStream.range(0, KEYS)
                .mapToObj(key -> key + ",value-" + key)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Writes the file into {@code dir} (once; it never changes) and returns its path. */
    public static Path writeInto(Path dir) {
        Path file = dir.resolve("side_input.csv");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                Files.writeString(file, rows());
            }
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write q13's side input into " + dir, e);
        }
    }
}
