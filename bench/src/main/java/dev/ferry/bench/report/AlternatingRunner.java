package dev.ferry.bench.report;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the sides of a comparison alternately (A, B, A, B, ...) so that all of them see the same
 * machine load over the bench's time, rather than A the quiet first half and B the busy second.
 */
public final class AlternatingRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AlternatingRunner.class);

    /** One trial of one side; it may measure several variants (e.g. a new and a warm session). */
    @FunctionalInterface
    public interface Trial {
        List<BenchRun> run(int index) throws Exception;
    }

    /** The variants a side's trial measures, so a trial that fails still counts as their failed runs. */
    public record Side(List<BenchVariant> variants, Trial trial) {
        public Side {
            variants = List.copyOf(variants);
        }
    }

    private AlternatingRunner() {}

    /** {@code runs} trials of every side, alternating; {@code progress} hears of every run as it ends. */
    public static List<BenchRun> run(int runs, List<Side> sides, Consumer<BenchRun> progress) {
        List<BenchRun> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            for (Side side : sides) {
                for (BenchRun run : trial(side, i)) {
                    progress.accept(run);
                    results.add(run);
                }
            }
        }
        return results;
    }

    /** A failed trial is a result (the bench reports it), not the end of the bench. */
    private static List<BenchRun> trial(Side side, int index) {
        try {
            return side.trial().run(index);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Bench interrupted", e);
        } catch (Exception e) {
            LOG.warn("Bench run {} of {} failed", index, side.variants(), e);
            String why = FerryException.firstLine(String.valueOf(e.getMessage()));
            return side.variants().stream()
                    .map(v -> BenchRun.failed(v, index, why))
                    .toList();
        }
    }
}
