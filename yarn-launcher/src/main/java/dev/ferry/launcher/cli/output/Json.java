package dev.ferry.launcher.cli.output;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Prints a value as pretty JSON; the field names are part of Ferry's documented interface. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private Json() {}

    public static void print(PrintWriter out, Object value) {
        write(out, MAPPER, value);
    }

    /** Prints a value as JSON on one line: one record of a stream of JSON lines. */
    public static void printLine(PrintWriter out, Object value) {
        write(out, COMPACT, value);
    }

    private static void write(PrintWriter out, ObjectMapper mapper, Object value) {
        try {
            out.println(mapper.writeValueAsString(stable(value)));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render JSON output", e);
        }
    }

    /**
     * The same value with a fixed key order: maps built in print order (LinkedHashMap, sorted maps)
     * keep it, any other map is sorted by key, so that output never changes between runs of a
     * command (Map.of iterates in an order of its own per JVM).
     */
    static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>
                    ? new LinkedHashMap<>()
                    : new TreeMap<>();
            map.forEach((key, item) -> ordered.put(key, stable(item)));
            return ordered;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Json::stable).toList();
        }
        return value;
    }
}
