package dev.ferry.launcher.cli.sql;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRowPrinterTest {

    @Test
    void givenTwoQueries_whenTheirRowsArrive_thenEachIsOneJsonLineNumberedByItsQueryWithValuesByColumn() {
        StringWriter text = new StringWriter();
        JsonRowPrinter printer = new JsonRowPrinter(new PrintWriter(text));

        printer.started("SELECT k, COUNT(*) AS c FROM keys GROUP BY k", List.of("op", "k", "c"));
        printer.row(List.of("+I", "2", "1"));
        printer.row(Arrays.asList("-U", "2", null));
        printer.started("SELECT 1 AS one", List.of("one"));
        printer.row(List.of("1"));

        assertThat(text.toString().lines())
                .containsExactly(
                        "{\"query\":0,\"row\":{\"op\":\"+I\",\"k\":\"2\",\"c\":\"1\"}}",
                        "{\"query\":0,\"row\":{\"op\":\"-U\",\"k\":\"2\",\"c\":null}}",
                        "{\"query\":1,\"row\":{\"one\":\"1\"}}");
    }
}
