package dev.ferry.ha.failover;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YARN attempt this JVM runs as, if it is an application master: YARN names every container
 * in {@code CONTAINER_ID}, and the master is always container 1 of its attempt.
 *
 * <p>Parsed by hand: Hadoop's {@code ContainerId.fromString} needs YARN's record factory
 * (hadoop-yarn-common and its configuration) just to read five numbers.
 */
public record ApplicationMasterAttempt(String containerId, int attempt) {

    static final String CONTAINER_ID_ENV = "CONTAINER_ID";
    /** container_[e{epoch}_]{clusterTimestamp}_{application}_{attempt}_{container}, as YARN writes it. */
    private static final Pattern CONTAINER_ID = Pattern.compile("container_(?:e\\d+_)?\\d+_\\d+_(\\d+)_(\\d+)");

    private static final long APPLICATION_MASTER_SEQUENCE = 1;

    /** Empty outside YARN and in every container that is not an application master (TaskManagers). */
    public static Optional<ApplicationMasterAttempt> fromEnvironment(Map<String, String> environment) {
        String value = environment.getOrDefault(CONTAINER_ID_ENV, "");
        Matcher id = CONTAINER_ID.matcher(value);
        if (!id.matches() || Long.parseLong(id.group(2)) != APPLICATION_MASTER_SEQUENCE) {
            return Optional.empty();
        }
        return Optional.of(new ApplicationMasterAttempt(value, Integer.parseInt(id.group(1))));
    }

    /** YARN starts attempt n+1 only once it has ended attempt n: an earlier JobManager existed and is gone. */
    public boolean followsEarlierAttempt() {
        return attempt > 1;
    }
}
