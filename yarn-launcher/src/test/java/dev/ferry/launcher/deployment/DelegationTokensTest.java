package dev.ferry.launcher.deployment;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.SecurityOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token framework is turned off only where it can obtain nothing, and never against the operator. */
class DelegationTokensTest {

    private static org.apache.hadoop.conf.Configuration hadoop(String authentication) {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration(false);
        hadoop.set("hadoop.security.authentication", authentication);
        return hadoop;
    }

    @Test
    void withoutKerberosTheFrameworkIsOff() {
        // given
        Configuration config = new Configuration();

        // when
        DelegationTokens.of(hadoop("simple")).apply(config);

        // then
        assertThat(config.get(SecurityOptions.DELEGATION_TOKENS_ENABLED)).isFalse();
    }

    @Test
    void withKerberosFlinksDefaultStays() {
        // given
        Configuration config = new Configuration();

        // when
        DelegationTokens.of(hadoop("kerberos")).apply(config);

        // then
        assertThat(config.contains(SecurityOptions.DELEGATION_TOKENS_ENABLED)).isFalse();
    }

    @Test
    void theOperatorsSettingWins() {
        // given
        Configuration config = new Configuration();
        config.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, true);

        // when
        DelegationTokens.of(hadoop("simple")).apply(config);

        // then
        assertThat(config.get(SecurityOptions.DELEGATION_TOKENS_ENABLED)).isTrue();
    }
}
