package dev.ferry.ha.leader;

import java.util.UUID;

/** A component's current leader: its address (the REST URL for {@link LeaderComponent#REST_SERVER}) and session. */
public record LeaderInfo(String address, UUID sessionId) {}
