package dev.ferry.sql;

import java.util.Locale;
import java.util.Optional;

/**
 * Splits a script into statements at the semicolons outside quotes and comments.
 *
 * <p>This is hand-written lexing only, not a SQL grammar: it knows string literals, quoted
 * identifiers, {@code --} and {@code /* *}{@code /} comments, and that the semicolons of an
 * {@code EXECUTE STATEMENT SET BEGIN ...; END} block belong to that one statement. Each statement
 * it returns is parsed by Flink's own parser afterwards. Quoting depends on the dialect (Hive
 * escapes quotes with a backslash), so the caller says per statement which rules apply.
 */
final class StatementSplitter {

    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;

    StatementSplitter(String text) {
        this.text = text;
    }

    /**
     * The next statement, or empty at the end of the script.
     *
     * @param backslashEscapes whether a backslash escapes the next character inside quotes (Hive)
     */
    Optional<SqlStatement> next(boolean backslashEscapes) {
        skipSeparators();
        if (pos >= text.length()) {
            return Optional.empty();
        }
        int start = pos;
        int startLine = line;
        int startColumn = column;
        int end = scanToEnd(backslashEscapes);
        String sql = text.substring(start, end).stripTrailing();
        return Optional.of(new SqlStatement(sql, startLine, startColumn));
    }

    /** Skips white space, comments and empty statements, so a statement starts at its first token. */
    private void skipSeparators() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == ';') {
                advance();
            } else if (!skipComment()) {
                return;
            }
        }
    }

    /** Moves to the end of the statement; returns where its text ends (before the semicolon). */
    private int scanToEnd(boolean backslashEscapes) {
        StatementSetBlock block = new StatementSetBlock();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'' || c == '"' || c == '`') {
                skipQuoted(c, backslashEscapes && c != '`');
            } else if (skipComment()) {
                continue;
            } else if (c == ';') {
                if (!block.isOpen()) {
                    int end = pos;
                    advance();
                    return end;
                }
                block.semicolon();
                advance();
            } else if (Character.isLetter(c) || c == '_') {
                block.word(readWord());
            } else {
                advance();
            }
        }
        return text.length();
    }

    private boolean skipComment() {
        if (text.startsWith("--", pos)) {
            while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                advance();
            }
            return true;
        }
        if (text.startsWith("/*", pos)) {
            int commentLine = line;
            int commentColumn = column;
            advance();
            advance();
            while (!text.startsWith("*/", pos)) {
                if (pos >= text.length()) {
                    throw new SqlScriptException(commentLine, commentColumn, "comment is not closed with */");
                }
                advance();
            }
            advance();
            advance();
            return true;
        }
        return false;
    }

    /** Skips a quoted string or identifier; a doubled quote inside is two quoted parts in a row. */
    private void skipQuoted(char quote, boolean backslashEscapes) {
        int quoteLine = line;
        int quoteColumn = column;
        advance();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                advance();
            } else if (c == quote) {
                advance();
                return;
            }
            advance();
        }
        String what = quote == '`' ? "quoted identifier" : "string";
        throw new SqlScriptException(quoteLine, quoteColumn, what + " starting with " + quote + " is not closed");
    }

    private String readWord() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            advance();
        }
        return text.substring(start, pos).toUpperCase(Locale.ROOT);
    }

    /** Counts lines and columns as Calcite does: a tab is one column, CR LF is one line break. */
    private void advance() {
        if (pos >= text.length()) {
            return;
        }
        char c = text.charAt(pos++);
        if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
            line++;
            column = 1;
        } else if (c != '\r') {
            column++;
        }
    }

    /**
     * Recognises {@code EXECUTE STATEMENT SET BEGIN} as a statement's first four words and stays
     * open until a statement inside it starts with {@code END}.
     */
    private static final class StatementSetBlock {

        private static final String[] OPENING = {"EXECUTE", "STATEMENT", "SET", "BEGIN"};

        private int wordsSeen;
        private boolean open;
        private boolean atInnerStart;

        void word(String word) {
            if (!open && wordsSeen < OPENING.length) {
                boolean matches = OPENING[wordsSeen].equals(word);
                wordsSeen = matches ? wordsSeen + 1 : OPENING.length;
                open = matches && wordsSeen == OPENING.length;
                atInnerStart = open;
            } else if (open && atInnerStart) {
                open = !"END".equals(word);
                atInnerStart = false;
            }
        }

        void semicolon() {
            atInnerStart = true;
        }

        boolean isOpen() {
            return open;
        }
    }
}
