package dev.ferry.launcher.cluster;

import java.util.Locale;

/** How a listed cluster and the shared registry agree; documented in docs/cli.md ("registry"). */
public enum RegistryState {
    /** The registry names this application, and YARN runs it. */
    REGISTERED,
    /** The registry names this application, but YARN no longer runs it (killed outside Ferry): 'ferry ha gc' removes it. */
    STALE,
    /** YARN runs this Ferry cluster, but the registry does not name it (still starting, or its entry was lost). */
    MISSING;

    /** The lower-case word used in tables and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
