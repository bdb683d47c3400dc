package dev.ferry.ha.registry;

import dev.ferry.ha.HaException;

/** The record changed since it was read; the caller re-reads and retries. */
public class ConcurrentUpdateException extends HaException {

    private final String path;

    public ConcurrentUpdateException(String path, int expectedVersion) {
        super(
                expectedVersion < 0
                        ? "Record " + path + " was created by someone else at the same time"
                        : "Record " + path + " was changed by someone else since version " + expectedVersion
                                + ": read it again and retry the update");
        this.path = path;
    }

    /** The znode of the record. */
    public String path() {
        return path;
    }
}
