package dev.ferry.launcher.jobs;

import dev.ferry.ha.registry.JobRecord;
import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Job records as one JSON file per job name on the cluster file system ({@code ferry.jobs.dir}),
 * the one place every gateway sees when ZooKeeper HA is off. A write goes to a temporary file that is renamed over the old
 * record, so a reader never sees half a record.
 */
public final class FileSystemJobRecords implements JobRecords {

    private static final String SUFFIX = ".json";

    private final FileSystem fs;
    private final FileContext files;
    private final Path dir;
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public FileSystemJobRecords(org.apache.hadoop.conf.Configuration hadoopConf, String dir) {
        try {
            this.fs = FileSystem.get(hadoopConf);
            this.files = FileContext.getFileContext(hadoopConf);
            this.dir = fs.makeQualified(new Path(dir));
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<JobRecord> find(String name) {
        if (!JobRecords.isValidName(name)) {
            return Optional.empty();
        }
        try (FSDataInputStream in = fs.open(file(name))) {
            return Optional.of(json.readValue(in.readAllBytes(), JobRecord.class));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<JobRecord> list() {
        List<JobRecord> records = new ArrayList<>();
        try {
            if (!fs.exists(dir)) {
                return records;
            }
            for (FileStatus status : fs.listStatus(dir, p -> p.getName().endsWith(SUFFIX))) {
                String name = status.getPath().getName();
                find(name.substring(0, name.length() - SUFFIX.length())).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw unavailable(e);
        }
        records.sort(Comparator.comparingLong(JobRecord::updatedAt).reversed());
        return records;
    }

    @Override
    public void save(JobRecord record) {
        JobRecords.requireValidName(record.name());
        Path temporary = new Path(dir, "." + record.name() + "." + UUID.randomUUID() + ".tmp");
        try {
            fs.mkdirs(dir);
            try (FSDataOutputStream out = fs.create(temporary, false)) {
                out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
            }
            files.rename(temporary, file(record.name()), Options.Rename.OVERWRITE);
        } catch (IOException e) {
            throw unavailable(e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    @Override
    public String location() {
        return dir.toString();
    }

    private Path file(String name) {
        return new Path(dir, name + SUFFIX);
    }

    private void deleteQuietly(Path path) {
        try {
            fs.delete(path, false);
        } catch (IOException ignored) {
            // Only a leftover temporary file; the next save writes a new one.
        }
    }

    private FerryException unavailable(IOException e) {
        return new FerryException(
                ExitCode.UNAVAILABLE,
                "Cannot read or write job records in " + (dir == null ? "ferry.jobs.dir" : dir) + ": "
                        + FerryException.firstLine(String.valueOf(e.getMessage()))
                        + " (check that the cluster file system is up and writable, or set ferry.jobs.dir)",
                e);
    }
}
