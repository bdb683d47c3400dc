package dev.ferry.ha.zookeeper;

import dev.ferry.ha.HaOptions;

import org.apache.flink.configuration.Configuration;

import java.time.Duration;
import java.util.Objects;

/** The connection settings read from {@link HaOptions}; the credential never shows in {@link #toString()}. */
public record ZooKeeperSettings(
        String quorum,
        String root,
        Duration sessionTimeout,
        Duration connectionTimeout,
        int retryAttempts,
        String authScheme,
        String credential) {

    public ZooKeeperSettings {
        Objects.requireNonNull(quorum, "quorum");
        root = normalizeRoot(root);
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        authScheme = authScheme == null || authScheme.isBlank() ? "digest" : authScheme;
        credential = credential == null ? "" : credential;
    }

    /** Settings with the defaults of {@link HaOptions} for everything but the quorum. */
    public static ZooKeeperSettings of(String quorum) {
        return fromConfiguration(new Configuration().set(HaOptions.ZOOKEEPER_QUORUM, quorum));
    }

    public static ZooKeeperSettings fromConfiguration(Configuration conf) {
        return new ZooKeeperSettings(
                conf.get(HaOptions.ZOOKEEPER_QUORUM).trim(),
                conf.get(HaOptions.ZOOKEEPER_ROOT),
                conf.get(HaOptions.SESSION_TIMEOUT),
                conf.get(HaOptions.CONNECTION_TIMEOUT),
                conf.get(HaOptions.RETRY_ATTEMPTS),
                conf.get(HaOptions.AUTH_SCHEME),
                conf.get(HaOptions.AUTH_CREDENTIAL));
    }

    public boolean enabled() {
        return !quorum.isBlank();
    }

    public boolean hasCredential() {
        return !credential.isEmpty();
    }

    public ZooKeeperSettings withCredential(String newCredential) {
        return new ZooKeeperSettings(
                quorum, root, sessionTimeout, connectionTimeout, retryAttempts, authScheme, newCredential);
    }

    public ZooKeeperSettings withConnectionTimeout(Duration timeout) {
        return new ZooKeeperSettings(quorum, root, sessionTimeout, timeout, retryAttempts, authScheme, credential);
    }

    public ZooKeeperSettings withRoot(String newRoot) {
        return new ZooKeeperSettings(
                quorum, newRoot, sessionTimeout, connectionTimeout, retryAttempts, authScheme, credential);
    }

    private static String normalizeRoot(String root) {
        String trimmed = root == null ? "" : root.trim();
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        String stripped = withSlash.replaceAll("/+$", "");
        if (stripped.isEmpty()) {
            // Ferry's data never lives at "/": the cleaner and `remove` work recursively below the root.
            throw new IllegalArgumentException(
                    "ferry.ha.zookeeper.root must not be '/': use a dedicated znode such as /ferry");
        }
        return stripped;
    }

    @Override
    public String toString() {
        return "ZooKeeperSettings[quorum=" + quorum + ", root=" + root + ", sessionTimeout=" + sessionTimeout
                + ", connectionTimeout=" + connectionTimeout + ", retryAttempts=" + retryAttempts
                + ", auth=" + (hasCredential() ? authScheme + ":***" : "none") + "]";
    }
}
