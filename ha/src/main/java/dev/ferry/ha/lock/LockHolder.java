package dev.ferry.ha.lock;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/** Who holds a lock: written into the lock node so that a waiting command can name the holder. */
public record LockHolder(String user, String host, long pid, Instant since) {

    /** This process, now. */
    public static LockHolder current() {
        return new LockHolder(
                System.getProperty("user.name", "unknown"),
                hostName(),
                ProcessHandle.current().pid(),
                Instant.now());
    }

    public String describe() {
        return user + "@" + host + " (pid " + pid + ") since " + since;
    }

    /** A properties text rather than JSON: readable in zkCli and needs nothing beyond the JDK. */
    public byte[] toBytes() {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("host", host);
        props.setProperty("pid", Long.toString(pid));
        props.setProperty("since", since.toString());
        StringWriter out = new StringWriter();
        try {
            props.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Empty for a node written by something else (or not yet written): the caller then says "unknown holder". */
    public static Optional<LockHolder> fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try {
            props.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            return Optional.of(new LockHolder(
                    props.getProperty("user"),
                    props.getProperty("host"),
                    Long.parseLong(props.getProperty("pid")),
                    Instant.parse(props.getProperty("since"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
