package dev.ferry.bench.report;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the sides of a comparison alternately (A, B, A, B, ...) so that all of them see the same
 * machine load over the bench's time, rather than A the quiet first half and B the busy second.
 * Every bench uses it, whatever its runs record ({@code R}).
 */
public final class AlternatingRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AlternatingRunner.class);

    /** One trial of one side; it may measure several variants (e.g. a new and a warm session). */
    @FunctionalInterface
    public interface Trial<R> {
        List<R> run(int index) throws Exception;
    }

    /** What a trial that threw counts as: its variants' failed runs, so that the report shows them. */
    @FunctionalInterface
    public interface FailedTrial<R> {
        List<R> runs(int index, String why);
    }

    /** One side of the comparison. */
    public record Side<R>(Trial<R> trial, FailedTrial<R> failed) {}

    private AlternatingRunner() {}

    /** {@code runs} trials of every side, alternating; {@code progress} hears of every run as it ends. */
    public static <R> List<R> run(int runs, List<Side<R>> sides, Consumer<R> progress) {
        List<R> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            for (Side<R> side : sides) {
                for (R run : trial(side, i)) {
                    progress.accept(run);
                    results.add(run);
                }
            }
        }
        return results;
    }

    /** A failed trial is a result (the bench reports it), not the end of the bench. */
    private static <R> List<R> trial(Side<R> side, int index) {
        try {
            return side.trial().run(index);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Bench interrupted", e);
        } catch (Exception e) {
            LOG.warn("Bench run {} failed", index, e);
            return side.failed().runs(index, FerryException.firstLine(String.valueOf(e.getMessage())));
        }
    }
}
