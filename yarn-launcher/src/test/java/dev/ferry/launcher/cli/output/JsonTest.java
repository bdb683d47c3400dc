package dev.ferry.launcher.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    private static String print(Object value) {
        StringWriter out = new StringWriter();
        Json.print(new PrintWriter(out), value);
        return out.toString().replaceAll("\\s+", "");
    }

    @Test
    void givenMapsOfNoOrder_whenPrinted_thenTheirKeysAreSortedSoEveryRunPrintsTheSame() {
        assertThat(print(List.of(Map.of("reason", "live", "clusterId", "application_1"))))
                .isEqualTo("[{\"clusterId\":\"application_1\",\"reason\":\"live\"}]");
    }

    @Test
    void givenAMapBuiltInPrintOrder_whenPrinted_thenItsOrderIsKept() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", "a");
        json.put("applicationId", "b");

        assertThat(print(json)).isEqualTo("{\"name\":\"a\",\"applicationId\":\"b\"}");
    }
}
