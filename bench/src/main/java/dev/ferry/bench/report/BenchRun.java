package dev.ferry.bench.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One measurement.
 *
 * @param completed whether the measured thing happened (a failed or timed-out run has no time)
 * @param detail a value the summary counts per variant, e.g. "attempt 2"; empty if none
 * @param note free text for this run only, e.g. a setting seen or why it failed
 * @param load1 the 1 minute load average when it was measured
 */
public record BenchRun(
        BenchVariant variant,
        int index,
        double seconds,
        boolean completed,
        String detail,
        String note,
        double load1,
        Instant finished) {

    public static BenchRun completed(BenchVariant variant, int index, double seconds, String detail, String note) {
        return new BenchRun(
                variant, index, seconds, true, detail, note, LoadAverage.now().one(), Instant.now());
    }

    public static BenchRun failed(BenchVariant variant, int index, String why) {
        return failed(variant, index, "", why);
    }

    public static BenchRun failed(BenchVariant variant, int index, String detail, String why) {
        return new BenchRun(
                variant,
                index,
                Double.NaN,
                false,
                detail,
                why,
                LoadAverage.now().one(),
                Instant.now());
    }

    /** A side of the alternating runner whose trial measures {@code variants}; a trial that throws fails them all. */
    public static AlternatingRunner.Side<BenchRun> side(
            List<BenchVariant> variants, AlternatingRunner.Trial<BenchRun> trial) {
        List<BenchVariant> measured = List.copyOf(variants);
        return new AlternatingRunner.Side<>(
                trial,
                (index, why) ->
                        measured.stream().map(v -> failed(v, index, why)).toList());
    }

    @Override
    public String toString() {
        String what = completed ? String.format(Locale.ROOT, "%.2f s", seconds) : "NOT completed";
        String extra = String.join(
                ", ", Stream.of(detail, note).filter(s -> !s.isEmpty()).toList());
        return String.format(
                Locale.ROOT,
                "%s run %d: %s (%sload %.2f)",
                variant.title(),
                index,
                what,
                extra.isEmpty() ? "" : extra + "; ",
                load1);
    }
}
