package dev.ferry.nexmark.queries;

import java.net.URI;
import java.util.Optional;

/**
 * One Nexmark query as a SQL script: a blackhole sink and one INSERT INTO it.
 *
 * @param name {@code q0} to {@code q22}
 * @param title the benchmark's name for it, e.g. "Pass Through"
 * @param script the script, possibly naming {@code ${side-input}} (q13's side-input file)
 * @param skipReason why Flink SQL cannot run it, if it cannot
 * @param stateful whether the goals count it among the stateful queries
 */
public record NexmarkQuery(String name, String title, String script, Optional<String> skipReason, boolean stateful) {

    static final String SIDE_INPUT = "${side-input}";

    public boolean runnable() {
        return skipReason.isEmpty();
    }

    /** Whether the script reads the side-input file (see {@link SideInput}). */
    public boolean needsSideInput() {
        return script.contains(SIDE_INPUT);
    }

    /** The script with q13's side-input file filled in: a URI every TaskManager can read. */
    public String script(URI sideInput) {
        return script.replace(SIDE_INPUT, sideInput.toString());
    }

    /** The query number, for sorting: 0 for q0. */
    public int number() {
        return Integer.parseInt(name.substring(1));
    }
}
