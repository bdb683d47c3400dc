package dev.ferry.bench.nexmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How the CLI and the JVM that measures local runs ({@link LocalMeasurementMain}) talk: the plan
 * goes to the JVM's stdin as properties, and every run comes back on its stdout as one line of
 * tab-separated fields. Other lines on that stdout (a library printing) are not runs and are
 * passed over.
 */
final class MeasurementProtocol {

    /** A run the JVM measured, and whether it was a warm-up. */
    record Measured(String kind, RunResult run) {}

    private static final String RUN_LINE = "ferry-nexmark-run";
    private static final String OPTION = ".option.";
    private static final String CLUSTER_OPTION = ".cluster-option.";

    private MeasurementProtocol() {}

    static void writePlan(NexmarkPlan plan, OutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("queries", String.join(",", plan.queries()));
        properties.setProperty("events", Long.toString(plan.events()));
        properties.setProperty("parallelism", Integer.toString(plan.parallelism()));
        properties.setProperty("runs", Integer.toString(plan.runs()));
        properties.setProperty("warmups", Integer.toString(plan.warmups()));
        List<String> ids = plan.variants().stream().map(Variant::id).toList();
        properties.setProperty("variants", String.join(",", ids));
        for (Variant v : plan.variants()) {
            properties.setProperty("variant." + v.id() + ".label", v.label());
            v.options().forEach((key, value) -> properties.setProperty("variant." + v.id() + OPTION + key, value));
            v.clusterOptions()
                    .forEach((key, value) -> properties.setProperty("variant." + v.id() + CLUSTER_OPTION + key, value));
        }
        properties.store(out, "Nexmark measurement plan");
        out.close();
    }

    static NexmarkPlan readPlan(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        List<Variant> variants = new ArrayList<>();
        for (String id : list(properties.getProperty("variants"))) {
            variants.add(new Variant(
                    id,
                    properties.getProperty("variant." + id + ".label"),
                    options(properties, id, OPTION),
                    options(properties, id, CLUSTER_OPTION)));
        }
        return new NexmarkPlan(
                list(properties.getProperty("queries")),
                Long.parseLong(properties.getProperty("events")),
                Integer.parseInt(properties.getProperty("parallelism")),
                Integer.parseInt(properties.getProperty("runs")),
                Integer.parseInt(properties.getProperty("warmups")),
                variants);
    }

    private static Map<String, String> options(Properties properties, String variant, String kind) {
        String prefix = "variant." + variant + kind;
        Map<String, String> options = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                options.put(key.substring(prefix.length()), properties.getProperty(key));
            }
        }
        return options;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    static String line(String kind, RunResult r) {
        return String.join(
                "\t",
                RUN_LINE,
                kind,
                r.query(),
                r.variant(),
                Integer.toString(r.run()),
                Long.toString(r.events()),
                Integer.toString(r.parallelism()),
                Long.toString(r.jobMillis()),
                Long.toString(r.clientMillis()),
                Double.toString(r.eventsPerSecondPerCore()),
                Double.toString(r.load1()),
                r.finished().toString(),
                r.failure().map(f -> f.replaceAll("[\\t\\r\\n]", " ")).orElse(""));
    }

    /** The run a line of the JVM's stdout reports, if it reports one. */
    static Optional<Measured> parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 13 || !f[0].equals(RUN_LINE)) {
            return Optional.empty();
        }
        RunResult run = new RunResult(
                f[2],
                f[3],
                Integer.parseInt(f[4]),
                Long.parseLong(f[5]),
                Integer.parseInt(f[6]),
                Long.parseLong(f[7]),
                Long.parseLong(f[8]),
                Double.parseDouble(f[9]),
                Double.parseDouble(f[10]),
                Instant.parse(f[11]),
                f[12].isEmpty() ? Optional.empty() : Optional.of(f[12]));
        return Optional.of(new Measured(f[1], run));
    }
}
