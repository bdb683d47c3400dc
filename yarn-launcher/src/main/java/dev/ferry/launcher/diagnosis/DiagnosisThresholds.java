package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryOptions;

import java.time.Duration;

/**
 * When {@code ferry diagnose} calls something a problem; from {@code ferry.diagnose.*} in
 * conf/ferry.yaml (or -D).
 *
 * @param busyMsPerSecond a subtask this busy (of 1000 ms per second) is saturated
 * @param backPressuredMsPerSecond a subtask waiting this long for output buffers is backpressured
 * @param skewRatio a subtask that gets this many times the average share of records is hot
 * @param watermarkLag event time this far behind wall clock is a delay
 */
public record DiagnosisThresholds(
        double busyMsPerSecond, double backPressuredMsPerSecond, double skewRatio, Duration watermarkLag) {

    public static DiagnosisThresholds from(EffectiveConfiguration config) {
        return new DiagnosisThresholds(
                config.get(FerryOptions.DIAGNOSE_BUSY),
                config.get(FerryOptions.DIAGNOSE_BACKPRESSURED),
                config.get(FerryOptions.DIAGNOSE_SKEW_RATIO),
                config.get(FerryOptions.DIAGNOSE_WATERMARK_LAG));
    }

    public static DiagnosisThresholds defaults() {
        return new DiagnosisThresholds(
                FerryOptions.DIAGNOSE_BUSY.defaultValue(),
                FerryOptions.DIAGNOSE_BACKPRESSURED.defaultValue(),
                FerryOptions.DIAGNOSE_SKEW_RATIO.defaultValue(),
                FerryOptions.DIAGNOSE_WATERMARK_LAG.defaultValue());
    }
}
