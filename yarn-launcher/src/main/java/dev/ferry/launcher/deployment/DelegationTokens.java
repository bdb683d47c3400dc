package dev.ferry.launcher.deployment;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.SecurityOptions;

/**
 * Flink's delegation token framework only matters on a Kerberos cluster. Without Kerberos it
 * obtains nothing, yet every JobManager loads each provider on start, and the Hive one (found
 * because lib/ holds the Hive connector) initialises a HiveConf: 0.7–2.5 s of a JobManager's
 * start on the loaded 2-core test machine (its log, from "Loading delegation token providers" to
 * "Delegation token providers loaded successfully"); the client's deploy loads them too. So a
 * deploy to a cluster whose Hadoop security is off turns the framework off, unless the operator
 * set {@code security.delegation.tokens.enabled} himself.
 */
public final class DelegationTokens {

    private final boolean kerberos;

    DelegationTokens(boolean kerberos) {
        this.kerberos = kerberos;
    }

    /** From the cluster's Hadoop configuration ({@code hadoop.security.authentication}). */
    public static DelegationTokens of(org.apache.hadoop.conf.Configuration hadoop) {
        return new DelegationTokens(
                "kerberos".equalsIgnoreCase(hadoop.get("hadoop.security.authentication", "simple")));
    }

    public void apply(Configuration config) {
        if (!kerberos && !config.contains(SecurityOptions.DELEGATION_TOKENS_ENABLED)) {
            config.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, false);
        }
    }
}
