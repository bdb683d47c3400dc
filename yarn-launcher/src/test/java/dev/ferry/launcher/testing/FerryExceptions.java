package dev.ferry.launcher.testing;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.assertj.core.api.ThrowingConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failing command would print: its exit code and the words of its one-line message. */
public final class FerryExceptions {

    private FerryExceptions() {}

    public static ThrowingConsumer<Throwable> failsWith(ExitCode code, String... words) {
        return thrown -> {
            assertThat(thrown).isInstanceOf(FerryException.class);
            FerryException failure = (FerryException) thrown;
            assertThat(failure.exitCode()).as(failure.getMessage()).isEqualTo(code);
            assertThat(failure.getMessage().lines()).as("one line").hasSize(1);
            for (String word : words) {
                assertThat(failure.getMessage()).contains(word);
            }
        };
    }
}
