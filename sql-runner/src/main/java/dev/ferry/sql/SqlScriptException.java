package dev.ferry.sql;

/**
 * A script that cannot be parsed, validated or run. The message is one line that starts with
 * the script position ("line 3, column 8: ..." or "line 3: ..."), for the CLI to print as is.
 */
public final class SqlScriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param line the script line, 1-based
     * @param column the script column, 1-based, or 0 if unknown
     * @param reason what went wrong; line breaks are folded into spaces
     */
    public SqlScriptException(int line, int column, String reason) {
        super(position(line, column) + oneLine(reason));
        this.line = line;
        this.column = column;
    }

    /** The script line, 1-based. */
    public int line() {
        return line;
    }

    /** The script column, 1-based, or 0 if unknown. */
    public int column() {
        return column;
    }

    private static String position(int line, int column) {
        return column > 0 ? "line " + line + ", column " + column + ": " : "line " + line + ": ";
    }

    /** Flink's and Calcite's messages span several lines; a CLI error line must not. */
    static String oneLine(String reason) {
        String text = reason == null || reason.isBlank() ? "unknown error" : reason;
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
