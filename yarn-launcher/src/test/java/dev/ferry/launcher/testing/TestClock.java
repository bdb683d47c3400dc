package dev.ferry.launcher.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time of the fakes' world: savepoints and checkpoints complete at it, files are written at it,
 * and the code under test reads it where it takes a {@link Clock}. It moves only when told to.
 */
public final class TestClock extends Clock {

    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);

    @Override
    public long millis() {
        return millis.get();
    }

    /** Moves time on, so that what happens next is newer than what happened before. */
    public long advance(long byMillis) {
        return millis.addAndGet(byMillis);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
