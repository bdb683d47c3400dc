package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.health.JobHealth.Vertex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Data skew: one subtask of a vertex reads far more records than its siblings, usually a hot key
 * of the keyBy or GROUP BY in front of it. Sources are left out: their split assignment is the
 * connector's.
 */
final class SkewRule implements DiagnosisRule {

    /** Below this many records a vertex has not read enough to call its spread skewed. */
    private static final long ENOUGH_RECORDS = 1_000;

    @Override
    public List<Finding> findings(JobEvidence evidence) {
        List<Finding> findings = new ArrayList<>();
        for (Vertex vertex : evidence.health().vertices()) {
            List<Long> records = vertex.recordsPerSubtask();
            long total = records.stream().mapToLong(Long::longValue).sum();
            if (vertex.isSource() || records.size() < 2 || total < ENOUGH_RECORDS) {
                continue;
            }
            int hot = hottest(records);
            double share = (double) records.get(hot) / total;
            double even = 1.0 / records.size();
            if (share >= even * evidence.thresholds().skewRatio()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "Data skew in '" + vertex.name() + "': subtask " + hot + " gets " + percent(share)
                                + " of its records",
                        "subtask " + hot + " read " + records.get(hot) + " of " + total + " records; an even share"
                                + " would be " + percent(even) + " across " + records.size() + " subtasks",
                        "a few keys carry most records: find the hot key of the keyBy/GROUP BY that feeds '"
                                + vertex.name() + "' and spread it (salt it, or aggregate in two phases: SQL"
                                + " table.optimizer.agg-phase-strategy: TWO_PHASE); more parallelism does not help",
                        Optional.of(vertex.name())));
            }
        }
        return findings;
    }

    private static int hottest(List<Long> records) {
        int hot = 0;
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i) > records.get(hot)) {
                hot = i;
            }
        }
        return hot;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
