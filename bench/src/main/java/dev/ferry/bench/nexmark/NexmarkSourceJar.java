package dev.ferry.bench.nexmark;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.nexmark.source.NexmarkTableSourceFactory;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.yarn.configuration.YarnConfigOptions;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar of the 'nexmark' SQL source, which the TaskManagers of the bench's YARN sessions need
 * and lib/ does not hold: those sessions alone ship it (yarn.ship-files, which Flink puts on the
 * containers' class path). It is the jar this client loads the source from, opt/bench/ferry-nexmark.jar
 * in the distribution.
 */
final class NexmarkSourceJar {

    private NexmarkSourceJar() {}

    /** Adds the jar to the files YARN ships to the session's containers, beside any already there (stock's lib/). */
    static void shipWith(Configuration config) {
        List<String> files = new ArrayList<>(config.get(YarnConfigOptions.SHIP_FILES, List.of()));
        files.add(location().toString());
        config.set(YarnConfigOptions.SHIP_FILES, files);
    }

    static Path location() {
        try {
            return Path.of(NexmarkTableSourceFactory.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new FerryException(ExitCode.FAILURE, "Cannot tell where the nexmark source's jar is: " + e, e);
        }
    }
}
