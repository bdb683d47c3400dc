package dev.ferry.hive.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server that accepts connections and never answers: what a hung server looks like to its
 * clients (a stopped process still has its connections accepted by the kernel). For the tests of
 * ResourceManagers, NameNodes and metastores that do not answer.
 */
public final class UnansweringServer implements AutoCloseable {

    /** A Thrift binary-protocol reply header naming a 4096-byte method: a reply that takes long to read. */
    private static final byte[] THRIFT_REPLY_START = {(byte) 0x80, 0x01, 0x00, 0x02, 0x00, 0x00, 0x10, 0x00};

    private static final long DRIBBLE_INTERVAL_MS = 500;

    private final ServerSocket server;
    private final boolean dribble;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private UnansweringServer(boolean dribble) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.dribble = dribble;
        daemon(this::acceptForever, "unanswering-server-" + server.getLocalPort())
                .start();
    }

    /** Reads nothing, writes nothing. */
    public static UnansweringServer silent() throws IOException {
        return new UnansweringServer(false);
    }

    /**
     * Starts a Thrift reply on every connection and then sends one byte every half second, never
     * finishing it: a client whose socket reads are bounded but whose call is not waits forever.
     */
    public static UnansweringServer dribblingThriftReply() throws IOException {
        return new UnansweringServer(true);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:port}. */
    public String address() {
        return server.getInetAddress().getHostAddress() + ":" + port();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                if (dribble) {
                    daemon(() -> dribbleInto(connection), "dribble-" + connection.getPort())
                            .start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void dribbleInto(Socket connection) {
        try {
            OutputStream out = connection.getOutputStream();
            for (byte b : THRIFT_REPLY_START) {
                out.write(b);
                out.flush();
                Thread.sleep(DRIBBLE_INTERVAL_MS);
            }
            while (true) {
                out.write('x');
                out.flush();
                Thread.sleep(DRIBBLE_INTERVAL_MS);
            }
        } catch (IOException | InterruptedException closed) {
            // The client or the test closed the connection.
        }
    }

    private static Thread daemon(Runnable run, String name) {
        Thread thread = new Thread(run, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
