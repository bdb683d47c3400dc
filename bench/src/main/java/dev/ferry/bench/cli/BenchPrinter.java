package dev.ferry.bench.cli;

import dev.ferry.bench.report.BenchReport;
import dev.ferry.bench.report.BenchRun;
import dev.ferry.bench.report.BenchSummary;
import dev.ferry.bench.report.ReportFiles;
import dev.ferry.launcher.cli.output.Table;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** A bench on the terminal: a line per run as it ends, then the summary and the files. */
final class BenchPrinter {

    private final PrintWriter out;

    BenchPrinter(PrintWriter out) {
        this.out = out;
    }

    void started(String bench, int runs, Path resultsDir) {
        out.println("Bench '" + bench + "': " + runs + " run(s) per variant, alternating; results in " + resultsDir);
        out.flush();
    }

    void run(BenchRun run) {
        out.println("  " + run);
        out.flush();
    }

    void finished(BenchReport report, ReportFiles files) {
        out.println();
        Table table = new Table(
                "VARIANT",
                "RUNS",
                report.description().completedHeader().toUpperCase(Locale.ROOT),
                "MEDIAN S",
                "MIN S",
                "MAX S");
        for (BenchSummary s : report.summaries()) {
            table.row(
                    s.variant().title(),
                    s.runs(),
                    s.completed(),
                    seconds(s.seconds().median()),
                    seconds(s.seconds().min()),
                    seconds(s.seconds().max()));
        }
        table.print(out);
        report.ratioLines().forEach(line -> out.println("Median " + line));
        out.println(report.period().load());
        files.all().forEach(file -> out.println("Wrote " + file));
        out.flush();
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
