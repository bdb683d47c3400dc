package dev.ferry.launcher.yarn;

import java.util.Optional;
import java.util.Set;

/**
 * The YARN application tags that mark an application as a Ferry cluster. YARN lower-cases
 * tags, which is why cluster names are lower case.
 */
public final class ApplicationTags {

    /** Every Ferry cluster carries this tag; {@code yarn application -list} can filter on it. */
    public static final String FERRY = "ferry";

    public static final String APPLICATION_TYPE = "Apache Flink";

    private static final String CLUSTER_PREFIX = "ferry-cluster:";
    private static final String MODE_PREFIX = "ferry-mode:";
    private static final String VERSION_PREFIX = "ferry-version:";
    private static final String DEPLOY_PREFIX = "ferry-deploy:";
    private static final String ATTEMPTS_PREFIX = "ferry-attempts:";

    private ApplicationTags() {}

    public static String cluster(String name) {
        return CLUSTER_PREFIX + name;
    }

    public static String mode(String mode) {
        return MODE_PREFIX + mode;
    }

    public static String version(String version) {
        return VERSION_PREFIX + version.toLowerCase();
    }

    /** A tag unique to one deploy attempt, so a stuck deploy's application can be found and killed. */
    public static String deploy(String deployId) {
        return DEPLOY_PREFIX + deployId;
    }

    /** The attempts the cluster asked YARN for: YARN reports only what it granted. */
    public static String requestedAttempts(int attempts) {
        return ATTEMPTS_PREFIX + attempts;
    }

    public static Optional<String> clusterName(Set<String> tags) {
        return valueOf(tags, CLUSTER_PREFIX);
    }

    public static Optional<String> mode(Set<String> tags) {
        return valueOf(tags, MODE_PREFIX);
    }

    public static Optional<String> version(Set<String> tags) {
        return valueOf(tags, VERSION_PREFIX);
    }

    /** Empty for clusters started before Ferry tagged them so. */
    public static Optional<Integer> requestedAttempts(Set<String> tags) {
        return valueOf(tags, ATTEMPTS_PREFIX).flatMap(ApplicationTags::parseInt);
    }

    private static Optional<Integer> parseInt(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> valueOf(Set<String> tags, String prefix) {
        return tags.stream()
                .filter(t -> t.startsWith(prefix))
                .map(t -> t.substring(prefix.length()))
                .findFirst();
    }
}
