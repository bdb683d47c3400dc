package dev.ferry.ha;

import java.util.regex.Pattern;

/** Cluster and job names become znode names, so they are restricted to characters that are safe there. */
public final class HaNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private HaNames() {}

    /** Returns {@code name} or throws when it can't be a single znode name. */
    public static String check(String kind, String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + kind + " name '" + name
                    + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
