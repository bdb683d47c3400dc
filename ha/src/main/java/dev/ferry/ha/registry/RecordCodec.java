package dev.ferry.ha.registry;

import dev.ferry.ha.HaException;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * JSON for the records in ZooKeeper, readable with {@code zkCli.sh get}. Unknown fields are ignored
 * so that an older Ferry can read what a newer one wrote.
 */
final class RecordCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RecordCodec() {}

    static byte[] encode(Object record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new HaException("Cannot encode " + record + " as JSON: " + e.getMessage(), e);
        }
    }

    static <T> T decode(String path, byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new HaException(
                    "Znode " + path + " does not hold a valid " + type.getSimpleName() + " ("
                            + firstLine(e.getMessage()) + "): remove it and register again",
                    e);
        }
    }

    /** Jackson's messages span lines; Ferry's errors are one line. */
    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
