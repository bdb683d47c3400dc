package dev.ferry.sql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The program arguments of {@link SqlApplication}: the Base64 script, and the options of the Hive
 * catalog to register first (none: no catalog).
 *
 * @param script the script text
 * @param hiveCatalogOptions {@code ferry.hive-catalog.*} options, e.g. the shipped conf dir
 */
record ApplicationArguments(String script, Map<String, String> hiveCatalogOptions) {

    static final String SCRIPT_OPTION = "--script-base64";
    static final String HIVE_CATALOG_OPTION = "--hive-catalog";

    ApplicationArguments {
        hiveCatalogOptions = Map.copyOf(hiveCatalogOptions);
    }

    static ApplicationArguments parse(String[] args) {
        if (args.length < 2 || args.length % 2 != 0 || !SCRIPT_OPTION.equals(args[0])) {
            throw usage();
        }
        String script = new String(Base64.getDecoder().decode(args[1]), StandardCharsets.UTF_8);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            int equals = args[i + 1].indexOf('=');
            if (!HIVE_CATALOG_OPTION.equals(args[i]) || equals <= 0) {
                throw usage();
            }
            options.put(args[i + 1].substring(0, equals), args[i + 1].substring(equals + 1));
        }
        return new ApplicationArguments(script, options);
    }

    private static IllegalArgumentException usage() {
        return new IllegalArgumentException(
                "usage: SqlApplication " + SCRIPT_OPTION + " <script> [" + HIVE_CATALOG_OPTION + " <key>=<value>]...");
    }
}
