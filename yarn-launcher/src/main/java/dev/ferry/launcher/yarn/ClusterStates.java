package dev.ferry.launcher.yarn;

import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.util.EnumSet;

/** Which YARN application states count as a cluster that holds its name. */
public final class ClusterStates {

    /** States of an application that exists or is about to: its name is taken. */
    public static final EnumSet<YarnApplicationState> LIVE = EnumSet.of(
            YarnApplicationState.NEW,
            YarnApplicationState.NEW_SAVING,
            YarnApplicationState.SUBMITTED,
            YarnApplicationState.ACCEPTED,
            YarnApplicationState.RUNNING);

    private ClusterStates() {}

    public static boolean isLive(String state) {
        return LIVE.stream().anyMatch(s -> s.name().equals(state));
    }
}
