package dev.ferry.ha.leader;

import dev.ferry.ha.HaException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the bytes Flink 1.20 writes to {@code .../leader/<component>/connection_info}
 * ({@code ZooKeeperUtils.writeLeaderInformationToZooKeeper}): an {@link java.io.ObjectOutputStream} holding
 * {@code writeUTF(address)} then {@code writeObject(UUID sessionId)}; no data (or empty) means no leader.
 * Hand-written so that Ferry needs no flink-runtime; it only ever deserialises a {@link UUID}.
 */
final class LeaderInfoDecoder {

    /** The znode is writable by anyone with access to Flink's root: refuse every class but UUID. */
    private static final ObjectInputFilter ONLY_UUID = info -> {
        if (info.serialClass() == null) {
            return info.depth() <= 1 ? ObjectInputFilter.Status.UNDECIDED : ObjectInputFilter.Status.REJECTED;
        }
        return info.serialClass() == UUID.class ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private LeaderInfoDecoder() {}

    static Optional<LeaderInfo> decode(String path, byte[] data) {
        if (data == null || data.length == 0) {
            return Optional.empty();
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(ONLY_UUID);
            String address = in.readUTF();
            UUID sessionId = (UUID) in.readObject();
            return Optional.of(new LeaderInfo(address, sessionId));
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new HaException(
                    "Znode " + path + " does not hold Flink 1.20 leader information (" + e
                            + "): check that the cluster runs Flink 1.20 and high-availability.zookeeper.path.root is right",
                    e);
        }
    }
}
