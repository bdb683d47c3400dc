package dev.ferry.launcher.yarn;

import dev.ferry.launcher.configuration.FerryOptions;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.yarn.configuration.YarnConfigOptions;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What YARN grants of the attempts a cluster asks for, and what 'session start' and 'status' say about it. */
class ApplicationAttemptsTest {

    private static final int FERRY_DEFAULT = FerryOptions.HA_APPLICATION_ATTEMPTS.defaultValue();

    @Test
    void yarnsDefaultLimitCapsFerrysDefaultAndTheWarningNamesTheLimitAndTheOption() {
        ApplicationAttempts attempts = ApplicationAttempts.granted(FERRY_DEFAULT, new YarnConfiguration());

        assertThat(attempts.capped()).isTrue();
        assertThat(attempts.granted()).isEqualTo(2);
        assertThat(attempts.describe())
                .isEqualTo("2 of " + FERRY_DEFAULT + " requested, capped by yarn.resourcemanager.am.max-attempts");
        assertThat(attempts.cappedWarning("etl"))
                .isEqualTo("'etl' gets 2 YARN attempts, not the " + FERRY_DEFAULT + " it asked for:"
                        + " yarn.resourcemanager.am.max-attempts caps them on this cluster; raise it on the"
                        + " ResourceManager, or lower ferry.ha.application-attempts")
                .doesNotContain("\n");
    }

    @Test
    void aClusterWhoseLimitIsHighEnoughGrantsWhatWasAskedFor() {
        YarnConfiguration yarn = new YarnConfiguration();
        yarn.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 10);

        ApplicationAttempts attempts = ApplicationAttempts.granted(FERRY_DEFAULT, yarn);

        assertThat(attempts.capped()).isFalse();
        assertThat(attempts.granted()).isEqualTo(FERRY_DEFAULT);
        assertThat(attempts.describe()).isEqualTo(String.valueOf(FERRY_DEFAULT));
    }

    @Test
    void aGlobalLimitIsTheOneThatCapsAndIsNamed() {
        YarnConfiguration yarn = new YarnConfiguration();
        yarn.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 2);
        yarn.setInt(YarnConfiguration.GLOBAL_RM_AM_MAX_ATTEMPTS, 3);

        ApplicationAttempts attempts = ApplicationAttempts.granted(FERRY_DEFAULT, yarn);

        assertThat(attempts.granted()).isEqualTo(3);
        assertThat(attempts.describe()).endsWith("capped by yarn.resourcemanager.am.global.max-attempts");
    }

    @Test
    void theRequestFollowsFlinksRule() {
        Configuration withoutHa = new Configuration();
        Configuration withHa = new Configuration();
        withHa.set(HighAvailabilityOptions.HA_MODE, "zookeeper");
        Configuration explicit = new Configuration(withHa);
        explicit.set(YarnConfigOptions.APPLICATION_ATTEMPTS, 4);

        assertThat(ApplicationAttempts.requested(withoutHa)).isEqualTo(1);
        assertThat(ApplicationAttempts.requested(withHa)).isEqualTo(2);
        assertThat(ApplicationAttempts.requested(explicit)).isEqualTo(4);
    }
}
