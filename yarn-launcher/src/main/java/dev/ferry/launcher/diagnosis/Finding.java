package dev.ferry.launcher.diagnosis;

import java.util.Optional;

/**
 * One thing {@code ferry diagnose} found: how bad it is, what it is, the numbers that show it, and
 * what to change.
 *
 * @param vertex the job graph vertex it concerns, if one
 */
public record Finding(Severity severity, String title, String evidence, String suggestion, Optional<String> vertex) {

    /** Most severe first. */
    public enum Severity {
        CRITICAL,
        WARNING,
        INFO
    }
}
