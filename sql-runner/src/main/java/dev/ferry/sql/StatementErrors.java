package dev.ferry.sql;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Flink and Calcite throw for one statement into a {@link SqlScriptException} at the
 * script's line and column. Calcite counts positions from the start of the statement it was given,
 * so they are shifted by where that statement starts in the script; its multi-line messages (with
 * the whole list of expected tokens) are cut down to one line.
 */
final class StatementErrors {

    /** "From line 1, column 15 to line 1, column 20: " in front of Calcite's validation messages. */
    private static final Pattern RANGE_PREFIX =
            Pattern.compile("(?s)^(.*?)From line (\\d+), column (\\d+) to line \\d+, column \\d+: (.*)$");

    private static final Pattern AT_POSITION = Pattern.compile(" at line \\d+, column \\d+\\.?");

    private static final Pattern GENERIC_PREFIX =
            Pattern.compile("^(SQL validation failed\\.|SQL parse failed\\.)\\s*");

    /** Calcite lists every token it would accept; a handful helps, two hundred does not. */
    private static final int MAX_EXPECTED_TOKENS = 5;

    private StatementErrors() {}

    static SqlScriptException at(SqlStatement statement, Throwable error) {
        if (error instanceof SqlScriptException scriptError) {
            return scriptError;
        }
        SqlParseException parseError = find(error, SqlParseException.class);
        if (parseError != null && parseError.getPos() != null) {
            return positioned(
                    statement,
                    parseError.getPos().getLineNum(),
                    parseError.getPos().getColumnNum(),
                    parseMessage(parseError));
        }
        CalciteContextException contextError = find(error, CalciteContextException.class);
        if (contextError != null && contextError.getPosLine() > 0) {
            return positioned(
                    statement, contextError.getPosLine(), contextError.getPosColumn(), contextMessage(contextError));
        }
        return fromMessage(statement, describe(error));
    }

    /** A problem found by Ferry itself, about a statement as a whole. */
    static SqlScriptException at(SqlStatement statement, String reason) {
        return new SqlScriptException(statement.line(), 0, reason);
    }

    private static SqlScriptException positioned(SqlStatement statement, int line, int column, String reason) {
        return new SqlScriptException(statement.scriptLine(line), statement.scriptColumn(line, column), reason);
    }

    /** Messages that carry Calcite's range only as text (the exception itself is gone). */
    private static SqlScriptException fromMessage(SqlStatement statement, String message) {
        Matcher range = RANGE_PREFIX.matcher(message);
        if (!range.matches()) {
            return at(statement, message);
        }
        int line = Integer.parseInt(range.group(2));
        int column = Integer.parseInt(range.group(3));
        String reason = GENERIC_PREFIX.matcher(range.group(1) + range.group(4)).replaceFirst("");
        return positioned(statement, line, column, reason);
    }

    private static String parseMessage(SqlParseException error) {
        String[] lines = String.valueOf(error.getMessage()).split("\\R");
        String first = AT_POSITION.matcher(lines[0]).replaceAll("").strip();
        List<String> expected = expectedTokens(lines);
        if (expected.isEmpty() || expected.size() > MAX_EXPECTED_TOKENS) {
            return first;
        }
        return first + " (expected " + String.join(" or ", expected) + ")";
    }

    private static List<String> expectedTokens(String[] lines) {
        List<String> expected = new ArrayList<>();
        boolean listing = false;
        for (String line : lines) {
            if (listing && !line.isBlank()) {
                expected.add(line.strip().replaceAll("\\s*\\.\\.\\.$", ""));
            }
            listing = listing || line.startsWith("Was expecting");
        }
        return expected;
    }

    private static String contextMessage(CalciteContextException error) {
        Throwable cause = error.getCause();
        if (cause != null && cause.getMessage() != null) {
            return cause.getMessage();
        }
        Matcher range = RANGE_PREFIX.matcher(String.valueOf(error.getMessage()));
        return range.matches() ? range.group(4) : String.valueOf(error.getMessage());
    }

    /**
     * Flink wraps the reason in generic exceptions ("Failed to execute sql"): the outermost message
     * is kept, and the root cause's added when it says something the outer one does not. A wrapper
     * without a message of its own (the Hive parser's refusals of what Flink cannot run) gives way
     * to the first exception in the chain that has one.
     */
    static String describe(Throwable error) {
        Throwable outermost = error;
        while (outermost.getMessage() == null && outermost.getCause() != null && outermost.getCause() != outermost) {
            outermost = outermost.getCause();
        }
        String outer =
                GENERIC_PREFIX.matcher(String.valueOf(outermost.getMessage())).replaceFirst("");
        Throwable root = outermost;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String inner = root.getMessage();
        if (root == outermost || inner == null || outer.contains(inner)) {
            return outer;
        }
        return outer + ": " + inner;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
