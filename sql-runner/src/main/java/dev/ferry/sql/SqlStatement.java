package dev.ferry.sql;

/**
 * One statement of a script, without its terminating semicolon.
 *
 * @param sql the statement's text, from its first token to the last character before the
 *     semicolon (comments inside it are kept, trailing white space is not)
 * @param line the script line the statement starts on, 1-based
 * @param column the column of the statement's first character on that line, 1-based
 */
public record SqlStatement(String sql, int line, int column) {

    /** The script line of a line counted inside this statement (1-based, as Calcite counts). */
    public int scriptLine(int lineInStatement) {
        return line + Math.max(lineInStatement, 1) - 1;
    }

    /**
     * The script column of a position inside this statement: only the statement's first line is
     * shifted, because the statement starts mid-line there.
     */
    public int scriptColumn(int lineInStatement, int columnInStatement) {
        return lineInStatement <= 1 ? column + columnInStatement - 1 : columnInStatement;
    }
}
