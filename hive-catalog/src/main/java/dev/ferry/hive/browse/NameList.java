package dev.ferry.hive.browse;

import java.util.List;

/** Formats "what exists" for one-line error messages without flooding them. */
final class NameList {

    private static final int SHOWN = 20;

    private NameList() {}

    static String of(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        List<String> sorted = names.stream().sorted().toList();
        String shown = String.join(", ", sorted.subList(0, Math.min(SHOWN, sorted.size())));
        return sorted.size() > SHOWN ? shown + " and " + (sorted.size() - SHOWN) + " more" : shown;
    }
}
