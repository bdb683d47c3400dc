package dev.ferry.launcher.files;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@link ClusterFiles} on Hadoop's client, here on the local file system. */
class HadoopClusterFilesTest extends ClusterFilesContract {

    @TempDir
    Path dir;

    private final HadoopClusterFiles files = new HadoopClusterFiles(Configuration::new);

    @Override
    ClusterFiles files() {
        return files;
    }

    @Override
    String root() {
        return dir.toUri().toString().replaceAll("/$", "");
    }
}
