package dev.ferry.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CountingJobTest {

    @Test
    void boundedRunWritesEverySequenceNumberOnceWithItsPerKeyCount(@TempDir Path output) throws Exception {
        // given: 200 records over 4 keys
        int records = 200;

        // when: the job runs on a local MiniCluster
        CountingJob.main(new String[] {
            "--count",
            Integer.toString(records),
            "--rate",
            "2000",
            "--checkpoint-interval",
            "200",
            "--output",
            output.toUri().toString()
        });

        // then: sequence numbers 0..199 appear once each, and each key counted 1..50 once each
        List<String[]> lines =
                committedLines(output).stream().map(line -> line.split(",")).toList();
        assertThat(lines).hasSize(records);
        assertThat(lines.stream()
                        .mapToLong(fields -> Long.parseLong(fields[0]))
                        .sorted()
                        .toArray())
                .containsExactly(LongStream.range(0, records).toArray());
        Map<Long, List<Long>> countsPerKey = lines.stream()
                .collect(Collectors.groupingBy(
                        fields -> Long.parseLong(fields[0]) % 4,
                        Collectors.mapping(fields -> Long.parseLong(fields[1]), Collectors.toList())));
        assertThat(countsPerKey)
                .hasSize(4)
                .allSatisfy((key, counts) -> assertThat(counts)
                        .containsExactlyInAnyOrderElementsOf(
                                LongStream.rangeClosed(1, records / 4).boxed().toList()));
        assertThat(lines).allSatisfy(fields -> assertThat(fields[2]).isEqualTo("1"));
    }

    private static List<String> committedLines(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            List<Path> committed = files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .toList();
            List<String> lines = new java.util.ArrayList<>();
            for (Path file : committed) {
                lines.addAll(Files.readAllLines(file));
            }
            return lines;
        }
    }
}
