package dev.ferry.launcher.jobs.record;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Job records as JSON, the same in ZooKeeper and on the file system, readable with {@code zkCli.sh
 * get} or {@code hdfs dfs -cat}. Unknown fields are ignored so that an older Ferry reads what a
 * newer one wrote.
 */
final class JobRecordCodec {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JobRecordCodec() {}

    static byte[] encode(JobRecord record) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException naming what does not fit, for the caller to put the record's place in */
    static JobRecord decode(byte[] json) throws IOException {
        return JSON.readValue(json, JobRecord.class);
    }
}
