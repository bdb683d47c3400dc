package dev.ferry.tests;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonParser;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a command's JSON output: one document (pretty or not), or JSON lines. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    /** Every JSON document in {@code output}, in order. */
    static List<JsonNode> all(String output) throws IOException {
        // Document by document: a reader of values would unwrap a document that is an array.
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(output)) {
            for (JsonNode document = JSON.readTree(parser); document != null; document = JSON.readTree(parser)) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** The last JSON document in {@code output}. */
    static JsonNode last(String output) throws IOException {
        List<JsonNode> documents = all(output);
        if (documents.isEmpty()) {
            throw new IOException("No JSON in the output: " + output);
        }
        return documents.get(documents.size() - 1);
    }
}
