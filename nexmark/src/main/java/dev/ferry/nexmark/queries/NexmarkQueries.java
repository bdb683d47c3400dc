package dev.ferry.nexmark.queries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Nexmark's queries q0 to q22, read from the SQL resources beside this class. A script's first
 * line is {@code -- qN: Title. Description}; a query Flink SQL cannot run has a line
 * {@code -- skipped: reason}.
 */
public final class NexmarkQueries {

    private static final String SKIPPED = "-- skipped:";
    private static final int LAST_QUERY = 22;
    /** The queries the goals call stateful. */
    private static final Set<String> STATEFUL =
            Set.of("q3", "q4", "q5", "q7", "q8", "q9", "q11", "q12", "q15", "q16", "q17", "q18", "q19", "q20");

    private NexmarkQueries() {}

    /** q0 to q22, in order, skipped ones included. */
    public static List<NexmarkQuery> all() {
        return IntStream.rangeClosed(0, LAST_QUERY).mapToObj(n -> get("q" + n)).toList();
    }

    /** One query by name, e.g. {@code q5}. */
    public static NexmarkQuery get(String name) {
        String script = read(name);
        String firstLine = script.lines().findFirst().orElse("");
        String title = firstLine.replaceFirst("^-- q\\d+: ", "").replaceFirst("\\..*$", "");
        Optional<String> skipReason = script.lines()
                .filter(line -> line.startsWith(SKIPPED))
                .map(line -> line.substring(SKIPPED.length()).trim())
                .findFirst();
        return new NexmarkQuery(name, title, script, skipReason, STATEFUL.contains(name));
    }

    private static String read(String name) {
        try (InputStream in = NexmarkQueries.class.getResourceAsStream(name + ".sql")) {
            if (in == null) {
                throw new IllegalArgumentException("No Nexmark query " + name + " (q0 to q" + LAST_QUERY + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Nexmark query " + name, e);
        }
    }
}
