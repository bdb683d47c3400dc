package dev.ferry.sandbox.cluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the one-DataNode MiniDFSCluster, reusing an existing file system in its base dir. */
final class MiniHdfs {

    private MiniHdfs() {}

    static MiniDFSCluster start(Path baseDir, HdfsPorts ports) throws IOException {
        Configuration conf = new Configuration();
        conf.setInt("dfs.replication", 1);
        // One machine, one user: permission errors would only confuse a newcomer.
        conf.setBoolean("dfs.permissions.enabled", false);
        // On a restart the single DataNode reports all blocks at once: no need to wait 30 s.
        conf.setInt("dfs.namenode.safemode.extension", 0);
        // Explicit directories (not MiniDFSCluster's own naming) so that a restart finds them again.
        Path nameDir = baseDir.resolve("namenode");
        conf.set("dfs.namenode.name.dir", nameDir.toUri().toString());
        conf.set("dfs.datanode.data.dir", baseDir.resolve("datanode").toUri().toString());
        boolean format = !Files.exists(nameDir.resolve("current").resolve("VERSION"));
        // MiniDFSCluster deletes its own base dir when the JVM exits, even after shutdown(false):
        // give it a scratch dir beside the kept name and data dirs, never above them.
        MiniDFSCluster.Builder builder = new MiniDFSCluster.Builder(
                        conf, baseDir.resolve("scratch").toFile())
                .numDataNodes(1)
                .format(format)
                .manageNameDfsDirs(false)
                .manageDataDfsDirs(false);
        if (ports != null) {
            builder.nameNodePort(ports.nameNodeRpc()).nameNodeHttpPort(ports.nameNodeHttp());
        }
        MiniDFSCluster cluster = builder.build();
        cluster.waitActive();
        return cluster;
    }

    /** Stops HDFS but keeps its directories; {@code MiniDFSCluster.close()} would delete them. */
    static void stop(MiniDFSCluster cluster) {
        cluster.shutdown(false);
    }
}
