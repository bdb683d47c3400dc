package dev.ferry.bench.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A Markdown table. A cell's '|' would end the cell early: it is written as '/'. */
public final class MarkdownTable {

    private final StringBuilder md = new StringBuilder();

    public MarkdownTable(String... header) {
        row((Object[]) header);
        md.append("|---".repeat(header.length)).append("|\n");
    }

    public MarkdownTable row(Object... cells) {
        md.append(Arrays.stream(cells)
                        .map(cell -> " " + String.valueOf(cell).replace('|', '/') + " ")
                        .collect(Collectors.joining("|", "|", "|")))
                .append('\n');
        return this;
    }

    @Override
    public String toString() {
        return md.toString();
    }
}
