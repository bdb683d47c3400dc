package dev.ferry.launcher.cli.output;

import java.io.PrintWriter;
import java.util.Map;

/** What a {@code remove NAME} command prints: {@code {"removed": NAME}}, or a sentence. */
public final class RemovalPrinter {

    private RemovalPrinter() {}

    public static void print(PrintWriter out, String removed, boolean json, String sentence) {
        if (json) {
            Json.print(out, Map.of("removed", removed));
        } else {
            out.println(sentence);
        }
        out.flush();
    }
}
