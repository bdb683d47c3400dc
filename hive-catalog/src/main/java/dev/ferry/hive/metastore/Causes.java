package dev.ferry.hive.metastore;

import java.util.regex.Pattern;

/**
 * Hive wraps socket errors in several layers, and its MetaException carries the whole stack trace
 * of the real cause as text instead of as a cause: dig out the one short reason.
 */
final class Causes {

    private static final String MOST_RECENT = "Most recent failure: ";
    private static final Pattern CLASS_PREFIX = Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error): ");
    private static final Pattern REPEATED = Pattern.compile("^(.+) \\(\\1\\)$");
    // Hive's MetaStoreUtils.logAndThrowMetaException: "Got exception: <class name> <message>".
    private static final Pattern GOT_EXCEPTION = Pattern.compile("^Got exception: ([a-zA-Z_$][\\w$]*\\.)+[\\w$]* ");

    private Causes() {}

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return shorten(message);
    }

    static String shorten(String message) {
        String line = message.lines().findFirst().orElse("").trim();
        int recent = line.indexOf(MOST_RECENT);
        if (recent >= 0) {
            line = line.substring(recent + MOST_RECENT.length());
        }
        line = GOT_EXCEPTION.matcher(line).replaceFirst("");
        String previous;
        do {
            previous = line;
            line = CLASS_PREFIX.matcher(line).replaceFirst("");
        } while (!line.equals(previous));
        // Java repeats the reason: "Connection refused (Connection refused)".
        return REPEATED.matcher(line).replaceFirst("$1");
    }
}
