package dev.ferry.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code SET key = value} statement recognised from its text, in Flink's quoted form
 * ({@code SET 'k' = 'v'}) and the Hive dialect's bare form ({@code SET k=v}). The splitter needs
 * it before any parser runs (the dialect decides how the next statement is lexed and parsed),
 * and the runner needs the runtime mode before it creates the TableEnvironment.
 */
record SetCommand(String key, String value) {

    static final String DIALECT = "table.sql-dialect";
    static final String RUNTIME_MODE = "execution.runtime-mode";

    private static final Pattern SET =
            Pattern.compile("(?is)SET\\s+(?:'([^']*)'|([\\w.\\-]+))\\s*=\\s*(?:'([^']*)'|([^\\s;']+))\\s*");

    static Optional<SetCommand> recognise(String sql) {
        Matcher matcher = SET.matcher(sql.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        String value = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
        return Optional.of(new SetCommand(key.strip(), value.strip()));
    }

    boolean sets(String option) {
        return key.equalsIgnoreCase(option);
    }

    String lowerCaseValue() {
        return value.toLowerCase(Locale.ROOT);
    }
}
