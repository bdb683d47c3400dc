package dev.ferry.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A results.md: a title, then paragraphs, tables and lists, one blank line apart. */
public final class MarkdownDocument {

    private final List<String> blocks = new ArrayList<>();

    public MarkdownDocument(String title) {
        blocks.add("# " + title);
    }

    public MarkdownDocument paragraph(String text) {
        blocks.add(text.strip());
        return this;
    }

    public MarkdownDocument table(MarkdownTable table) {
        blocks.add(table.toString().strip());
        return this;
    }

    /** A paragraph introducing a bullet list, e.g. "Method:"; nothing when there are no items. */
    public MarkdownDocument list(String heading, List<String> items) {
        if (!items.isEmpty()) {
            paragraph(heading);
            blocks.add(String.join("\n", items.stream().map(item -> "- " + item).toList()));
        }
        return this;
    }

    /** The command that repeats the bench, last in every report. */
    public MarkdownDocument rerun(String command) {
        return paragraph("Rerun: `" + command + "`");
    }

    @Override
    public String toString() {
        return String.join("\n\n", blocks) + "\n";
    }
}
