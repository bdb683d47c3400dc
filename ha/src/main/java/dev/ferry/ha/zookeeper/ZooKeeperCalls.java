package dev.ferry.ha.zookeeper;

import dev.ferry.ha.HaException;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Runs one Curator call and turns ZooKeeper's checked exceptions into this module's typed ones.
 * Callers catch the codes they expect (NodeExists, NoNode, BadVersion) inside the call.
 */
public final class ZooKeeperCalls {

    /** A Curator call; Curator's builders throw {@link Exception}. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Exception;
    }

    private ZooKeeperCalls() {}

    public static <T> T call(CuratorFramework client, String path, Call<T> call) {
        try {
            return call.run();
        } catch (KeeperException.NoAuthException e) {
            throw new ZooKeeperAccessDeniedException(path, e);
        } catch (KeeperException.ConnectionLossException
                | KeeperException.SessionExpiredException
                | KeeperException.OperationTimeoutException e) {
            throw new ZooKeeperUnavailableException(
                    "Lost ZooKeeper at '" + quorum(client) + "' while accessing " + path + " (" + e.code()
                            + "): check ferry.ha.zookeeper.quorum and retry",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HaException("Interrupted while accessing znode " + path, e);
        } catch (HaException e) {
            throw e;
        } catch (Exception e) {
            throw new ZooKeeperOperationException("ZooKeeper operation on " + path + " failed: " + e.getMessage(), e);
        }
    }

    public static void run(CuratorFramework client, String path, Call<?> call) {
        call(client, path, call);
    }

    private static String quorum(CuratorFramework client) {
        return client.getZookeeperClient().getCurrentConnectionString();
    }
}
