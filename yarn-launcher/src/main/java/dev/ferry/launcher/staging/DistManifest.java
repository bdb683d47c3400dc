package dev.ferry.launcher.staging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a distribution's lib/ and plugins/ hold: one line per file with its SHA-256 and size.
 * Two gateways with the same build have the same manifest and therefore stage to the same place.
 */
public record DistManifest(List<Entry> entries) {

    /** One file, by its path relative to the distribution root (e.g. {@code lib/flink-dist.jar}). */
    public record Entry(String path, long size, String sha256) {}

    public DistManifest {
        entries = List.copyOf(entries);
    }

    /** The short content digest that names the staged directory. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest(render().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public long totalBytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            text.append(e.sha256())
                    .append("  ")
                    .append(e.size())
                    .append("  ")
                    .append(e.path())
                    .append('\n');
        }
        return text.toString();
    }

    /** Parses {@link #render()}'s output; empty if the text is not a manifest. */
    public static Optional<DistManifest> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("  ", 3);
            if (parts.length != 3 || !parts[1].matches("\\d+")) {
                return Optional.empty();
            }
            entries.add(new Entry(parts[2], Long.parseLong(parts[1]), parts[0]));
        }
        return Optional.of(new DistManifest(entries));
    }
}
