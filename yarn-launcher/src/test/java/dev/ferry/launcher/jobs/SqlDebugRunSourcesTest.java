package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.record.JobPlacement;
import dev.ferry.launcher.testing.TestingServices;
import dev.ferry.sql.QueryLimits;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The samples a debug run names are looked up before the script is planned or anything runs. */
class SqlDebugRunSourcesTest {

    @TempDir
    Path dir;

    private TestingServices services;

    @BeforeEach
    void givenASession() {
        services = new TestingServices(dir);
        services.yarn.runSession("dev");
    }

    @Test
    void givenASampleThatDoesNotExist_whenADebugRunNamesIt_thenNotFoundNamingTheListCommandAndNoJobRuns() {
        SqlJobSpec debugRun = new SqlJobSpec(
                "SELECT 1;",
                "pages.sql",
                Optional.empty(),
                Optional.empty(),
                JobPlacement.inSession("dev"),
                Optional.empty(),
                false,
                List.of(),
                QueryLimits.DEFAULT,
                true,
                Map.of("default.clicks", "no-such-sample"));

        FerryException error = catchThrowableOfType(
                FerryException.class, () -> services.jobStarter().startSql(debugRun));

        assertThat(error.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(error).hasMessage("No sample is named 'no-such-sample': 'ferry sample list' shows them");
        assertThat(services.records.list()).isEmpty();
    }
}
