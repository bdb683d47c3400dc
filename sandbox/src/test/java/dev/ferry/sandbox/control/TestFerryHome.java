package dev.ferry.sandbox.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Ferry home the daemon tests start from: the pom fills opt/hadoop and lib of
 * target/test-home; opt/sandbox and opt/metastore are links to this module's target/opt.
 */
final class TestFerryHome {

    private TestFerryHome() {}

    static synchronized Path assemble() throws IOException {
        Path home = Path.of(System.getProperty("ferry.test.home.dir"));
        Path opt = Path.of(System.getProperty("ferry.test.opt.dir"));
        for (String part : List.of("sandbox", "metastore")) {
            Path link = home.resolve("opt").resolve(part);
            if (!Files.exists(link)) {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, opt.resolve(part));
            }
        }
        return home;
    }
}
