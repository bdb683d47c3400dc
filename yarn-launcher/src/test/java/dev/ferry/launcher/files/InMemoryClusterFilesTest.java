package dev.ferry.launcher.files;

import dev.ferry.launcher.testing.InMemoryClusterFiles;
import dev.ferry.launcher.testing.TestClock;

/** The lifecycle tests' fake file system keeps the contract of the real one. */
class InMemoryClusterFilesTest extends ClusterFilesContract {

    private final InMemoryClusterFiles files = new InMemoryClusterFiles(new TestClock());

    @Override
    ClusterFiles files() {
        return files;
    }

    @Override
    String root() {
        return "/test";
    }
}
