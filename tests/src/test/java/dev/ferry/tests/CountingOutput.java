package dev.ferry.tests;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed output of examples/CountingJob.jar ({@code seq,count,version} lines) on HDFS,
 * and the exactly-once check over it. Files whose name starts with a dot are in progress or
 * pending: not output yet.
 */
final class CountingOutput {

    record Line(long seq, long count, String version) {}

    private final FileSystem fs;
    private final Path dir;

    CountingOutput(FileSystem fs, String dir) {
        this.fs = fs;
        this.dir = new Path(dir);
    }

    List<Line> lines() throws IOException {
        List<Line> lines = new ArrayList<>();
        if (!fs.exists(dir)) {
            return lines;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (file.getName().startsWith(".")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
                in.lines().filter(l -> !l.isBlank()).forEach(l -> {
                    String[] f = l.split(",");
                    lines.add(new Line(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]));
                });
            }
        }
        return lines;
    }

    /** Waits until at least {@code count} more lines than {@code after} are committed. */
    void awaitAtLeast(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines().size() < count) {
            assertThat(System.nanoTime())
                    .as("%d committed lines in %s within %s", count, dir, timeout)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Waits until a line of {@code version} is committed. */
    void awaitVersion(String version, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines().stream().noneMatch(l -> l.version().equals(version))) {
            assertThat(System.nanoTime())
                    .as("a line of version %s in %s within %s", version, dir, timeout)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /**
     * Every sequence number 0..max exactly once, and each key's counts exactly 1..n: nothing lost,
     * nothing twice, state carried across every stop, kill and restart.
     */
    void assertExactlyOnce(int keys) throws IOException {
        List<Line> lines = lines();
        assertThat(lines).isNotEmpty();
        long max = lines.stream().mapToLong(Line::seq).max().orElseThrow();
        assertThat(lines.stream().mapToLong(Line::seq).sorted().toArray())
                .as("sequence numbers 0..%d, each once", max)
                .containsExactly(LongStream.rangeClosed(0, max).toArray());
        Map<Long, List<Long>> countsPerKey = lines.stream()
                .collect(Collectors.groupingBy(
                        l -> l.seq() % keys, Collectors.mapping(Line::count, Collectors.toList())));
        countsPerKey.forEach((key, counts) -> assertThat(counts)
                .as("counts of key %d", key)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, counts.size()).boxed().toList()));
    }
}
