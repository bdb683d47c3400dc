package dev.ferry.bench.nexmark;

import java.util.Locale;

/** results.csv: one line per measured run. */
final class CsvReport {

    private CsvReport() {}

    static String of(BenchReport report) {
        StringBuilder csv = new StringBuilder("query,variant,run,events,parallelism,job_ms,client_ms,"
                + "events_per_second_per_core,load1,finished,failure\n");
        for (RunResult r : report.runs()) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%d,%d,%d,%d,%.0f,%.2f,%s,%s%n",
                    r.query(),
                    r.variant(),
                    r.run(),
                    r.events(),
                    r.parallelism(),
                    r.jobMillis(),
                    r.clientMillis(),
                    r.eventsPerSecondPerCore(),
                    r.load1(),
                    r.finished(),
                    r.failure().map(CsvReport::quoted).orElse("")));
        }
        return csv.toString();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
