package dev.ferry.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingWordCountTest {

    private static final int ROUNDS = 20;

    @Test
    void boundedRunWritesTheExactCountOfEveryGeneratedWord(@TempDir Path output) throws Exception {
        // given: the fixed sentences, emitted ROUNDS times over
        long sentences = (long) ROUNDS * StreamingWordCount.SENTENCES.size();
        Map<String, Long> expectedFinalCounts = StreamingWordCount.SENTENCES.stream()
                .flatMap(sentence -> Arrays.stream(sentence.split(" ")))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.summingLong(word -> ROUNDS)));
        long wordsGenerated =
                expectedFinalCounts.values().stream().mapToLong(Long::longValue).sum();

        // when: the job runs on a local MiniCluster, bounded by --count
        StreamingWordCount.main(new String[] {
            "--count",
            Long.toString(sentences),
            "--rate",
            "1000",
            "--output",
            output.toUri().toString()
        });

        // then: every generated word produced one running-count line, and the last count of each word is its total
        List<String> lines = committedLines(output);
        assertThat(lines).hasSize((int) wordsGenerated);
        Map<String, Long> finalCounts = lines.stream()
                .map(line -> line.split(","))
                .collect(Collectors.toMap(fields -> fields[0], fields -> Long.parseLong(fields[1]), Math::max));
        assertThat(finalCounts).isEqualTo(expectedFinalCounts);
    }

    @Test
    void boundedRunLeavesNoUncommittedFiles(@TempDir Path output) throws Exception {
        // given / when: a short bounded run
        StreamingWordCount.main(new String[] {
            "--count", "10", "--rate", "1000", "--output", output.toUri().toString()
        });

        // then: the final checkpoint at end of input committed every part file
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(path -> path.getFileName().toString()))
                    .isNotEmpty()
                    .noneMatch(name -> name.startsWith(".") || name.contains("inprogress"));
        }
    }

    @Test
    void sentencesRepeatInAFixedOrder() {
        // given / when / then: the source's record index alone decides the sentence
        int size = StreamingWordCount.SENTENCES.size();
        assertThat(StreamingWordCount.sentence(0)).isEqualTo(StreamingWordCount.SENTENCES.get(0));
        assertThat(StreamingWordCount.sentence(size + 1)).isEqualTo(StreamingWordCount.SENTENCES.get(1));
    }

    @Test
    void rejectsANonPositiveRate() {
        // when / then
        assertThatThrownBy(() -> StreamingWordCount.main(new String[] {"--rate", "0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rate");
    }

    /** Lines of the part files the FileSink committed; in-progress and pending files are hidden (dot) files. */
    private static List<String> committedLines(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            List<Path> committed = files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .toList();
            assertThat(committed).isNotEmpty();
            return committed.stream().flatMap(StreamingWordCountTest::readLines).toList();
        }
    }

    private static Stream<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isEmpty());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
