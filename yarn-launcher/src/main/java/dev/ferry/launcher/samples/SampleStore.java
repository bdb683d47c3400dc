package dev.ferry.launcher.samples;

import dev.ferry.ha.HaNames;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;
import dev.ferry.sql.SampleColumn;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Samples by name in one directory of the cluster file system: {@code NAME/sample.json} describes
 * one and names its rows' directory {@code NAME/data-<millis>-<uuid>}. The description is written last,
 * in one piece, so a sample exists whole or not at all; rows that no description names (a
 * replaced sample's, or those of a take that was interrupted) are removed by the next take that
 * ends, unless they are newer than it.
 */
public final class SampleStore {

    private static final String DESCRIPTION = "sample.json";
    private static final String DATA_PREFIX = "data-";
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What a take of a sample wrote into the directory it was given. */
    public record Taken(String source, String format, List<SampleColumn> columns) {}

    /** Writes a sample's rows into the directory it is given. */
    @FunctionalInterface
    public interface Take {
        Taken into(String dataDir);
    }

    private final ClusterFiles files;
    private final String dir;

    public SampleStore(ClusterFiles files, String dir) {
        this.files = files;
        this.dir = dir;
    }

    /** The samples, by name. */
    public List<Sample> list() {
        List<Sample> samples = new ArrayList<>();
        for (FileEntry entry : files.list(dir)) {
            if (entry.directory()) {
                find(entry.name()).ifPresent(samples::add);
            }
        }
        samples.sort(Comparator.comparing(Sample::name));
        return samples;
    }

    public Sample get(String name) {
        return find(name)
                .orElseThrow(() -> new FerryException(
                        ExitCode.NOT_FOUND, "No sample is named '" + name + "': 'ferry sample list' shows them"));
    }

    /** Fails before any work when {@code name} is unusable, or taken and {@code replace} is not given. */
    public void checkFree(String name, boolean replace) {
        try {
            HaNames.check("sample", name);
        } catch (IllegalArgumentException e) {
            throw new FerryException(ExitCode.USAGE, e.getMessage(), e);
        }
        Optional<Sample> existing = find(name);
        if (existing.isPresent() && !replace) {
            throw new FerryException(
                    ExitCode.CONFLICT,
                    "A sample named '" + name + "' exists (" + existing.get().source() + ", "
                            + existing.get().rows() + " rows): give --replace to take it again, or another name");
        }
    }

    /** Takes sample {@code name} anew; on failure nothing of the take is left and an older sample stays. */
    public Sample save(String name, boolean replace, Take take) {
        checkFree(name, replace);
        long now = System.currentTimeMillis();
        // Unique per take, not only per millisecond: a failed take removes its own directory, never
        // the rows of the sample it was to replace.
        String data = files.qualify(sampleDir(name) + "/" + DATA_PREFIX + now + "-" + UUID.randomUUID());
        Sample sample;
        try {
            Taken taken = take.into(data);
            sample = new Sample(name, taken.source(), taken.format(), countRows(data), taken.columns(), now, data);
            files.write(sampleDir(name) + "/" + DESCRIPTION, encode(sample));
        } catch (RuntimeException e) {
            files.deleteTree(data);
            throw e;
        }
        removeDataBefore(name, now);
        return sample;
    }

    public void remove(String name) {
        get(name);
        files.deleteTree(sampleDir(name));
    }

    /** The first {@code limit} stored rows of {@code sample}, as stored (JSON objects or CSV lines). */
    public List<String> firstRows(Sample sample, int limit) {
        List<String> rows = new ArrayList<>();
        for (String file : dataFiles(sample.dataPath())) {
            for (String line : lines(file)) {
                if (rows.size() == limit) {
                    return rows;
                }
                rows.add(line);
            }
        }
        return rows;
    }

    private Optional<Sample> find(String name) {
        String description = sampleDir(name) + "/" + DESCRIPTION;
        return files.read(description).map(bytes -> decode(bytes, description));
    }

    private String sampleDir(String name) {
        return dir + "/" + name;
    }

    private long countRows(String data) {
        return dataFiles(data).stream().mapToLong(file -> lines(file).size()).sum();
    }

    /** Flink's file sink leaves hidden files (".part-...", "_SUCCESS") beside the rows. */
    private List<String> dataFiles(String data) {
        return files.list(data).stream()
                .filter(entry -> !entry.directory())
                .filter(entry -> !entry.name().startsWith(".") && !entry.name().startsWith("_"))
                .map(FileEntry::path)
                .sorted()
                .toList();
    }

    private List<String> lines(String file) {
        String text = files.read(file)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    /**
     * Removes the rows of earlier takes of the sample. A take that started later and still runs
     * (an operator on another gateway with --replace) keeps its directory: its own description
     * replaces this one when it ends.
     */
    private void removeDataBefore(String name, long takenAt) {
        for (FileEntry entry : files.list(sampleDir(name))) {
            if (entry.directory()
                    && takenAt(entry.name()).filter(time -> time < takenAt).isPresent()) {
                files.deleteTree(entry.path());
            }
        }
    }

    /** The time in a rows directory's name, {@code data-<millis>-<uuid>}. */
    private static Optional<Long> takenAt(String directory) {
        if (!directory.startsWith(DATA_PREFIX)) {
            return Optional.empty();
        }
        String rest = directory.substring(DATA_PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return Optional.of(Long.parseLong(dash < 0 ? rest : rest.substring(0, dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static byte[] encode(Sample sample) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample decode(byte[] json, String path) {
        try {
            return JSON.readValue(json, Sample.class);
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Sample description " + path + " is not readable ("
                            + e.getMessage().lines().findFirst().orElse("")
                            + "): remove the sample with 'ferry sample remove' and take it again",
                    e);
        }
    }
}
