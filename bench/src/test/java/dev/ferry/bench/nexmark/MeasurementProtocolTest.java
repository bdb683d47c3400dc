package dev.ferry.bench.nexmark;

import dev.ferry.bench.nexmark.MeasurementProtocol.Measured;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What crosses between the CLI and the measuring JVM comes back as it went. */
class MeasurementProtocolTest {

    @Test
    void thePlanArrivesWithEveryVariantOption() throws Exception {
        // given: option keys with dots, cluster options, a variant without options
        NexmarkPlan plan = new NexmarkPlan(
                List.of("q0", "q13"),
                2_000,
                2,
                3,
                1,
                List.of(
                        new Variant(
                                "A",
                                "Ferry defaults",
                                Map.of("state.backend.type", "rocksdb", "a.b", "x=y"),
                                Map.of("metrics.reporter.ferry.hostUrl", "http://pg:9091")),
                        new Variant("B", "stock", Map.of())));
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();

        // when
        MeasurementProtocol.writePlan(plan, stdin);
        NexmarkPlan read = MeasurementProtocol.readPlan(new ByteArrayInputStream(stdin.toByteArray()));

        // then
        assertThat(read).isEqualTo(plan);
    }

    @Test
    void aRunLineCarriesTheRunAndAFailureWithoutBreakingTheLine() {
        // given
        RunResult measured =
                new RunResult("q5", "A", 2, 2_000, 1, 987, 1_200, 2026.6, 1.25, Instant.EPOCH, Optional.empty());
        RunResult failed = new RunResult(
                "q5", "B", 2, 2_000, 1, 0, 0, 0, Double.NaN, Instant.EPOCH, Optional.of("why\tit\nfailed"));

        // when
        Optional<Measured> first = MeasurementProtocol.parse(MeasurementProtocol.line("run", measured));
        Optional<Measured> second = MeasurementProtocol.parse(MeasurementProtocol.line("warm-up", failed));

        // then
        assertThat(first).contains(new Measured("run", measured));
        assertThat(second.orElseThrow().kind()).isEqualTo("warm-up");
        assertThat(second.orElseThrow().run().failure()).contains("why it failed");
        assertThat(MeasurementProtocol.parse("12:00:01 INFO MiniCluster started"))
                .isEmpty();
    }
}
