package dev.ferry.ha.registry;

import dev.ferry.ha.HaException;

/** The record changed since it was read; the caller re-reads and retries. */
public class ConcurrentUpdateException extends HaException {

    public ConcurrentUpdateException(String path, int expectedVersion) {
        super("Record " + path + " was changed by someone else since version " + expectedVersion
                + ": read it again and retry the update");
    }
}
