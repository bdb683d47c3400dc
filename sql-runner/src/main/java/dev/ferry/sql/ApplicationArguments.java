package dev.ferry.sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The program arguments of {@link SqlApplication}: the Base64 script, the options of the Hive
 * catalog to register first (none: no catalog), and the jars to add first.
 *
 * @param script the script text
 * @param hiveCatalogOptions {@code ferry.hive-catalog.*} options, e.g. the shipped conf dir
 * @param jars URIs of the jars the script's functions and connectors come from (Ferry's {@code --jar})
 */
record ApplicationArguments(String script, Map<String, String> hiveCatalogOptions, List<String> jars) {

    static final String SCRIPT_OPTION = "--script-base64";
    static final String HIVE_CATALOG_OPTION = "--hive-catalog";
    static final String JAR_OPTION = "--jar";

    ApplicationArguments {
        hiveCatalogOptions = Map.copyOf(hiveCatalogOptions);
        jars = List.copyOf(jars);
    }

    static ApplicationArguments parse(String[] args) {
        if (args.length < 2 || args.length % 2 != 0 || !SCRIPT_OPTION.equals(args[0])) {
            throw usage();
        }
        String script = new String(Base64.getDecoder().decode(args[1]), StandardCharsets.UTF_8);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> jars = new ArrayList<>();
        for (int i = 2; i < args.length; i += 2) {
            if (JAR_OPTION.equals(args[i])) {
                jars.add(args[i + 1]);
                continue;
            }
            int equals = args[i + 1].indexOf('=');
            if (!HIVE_CATALOG_OPTION.equals(args[i]) || equals <= 0) {
                throw usage();
            }
            options.put(args[i + 1].substring(0, equals), args[i + 1].substring(equals + 1));
        }
        return new ApplicationArguments(script, options, jars);
    }

    private static IllegalArgumentException usage() {
        return new IllegalArgumentException("usage: SqlApplication " + SCRIPT_OPTION + " <script> ["
                + HIVE_CATALOG_OPTION + " <key>=<value>]... [" + JAR_OPTION + " <uri>]...");
    }
}
