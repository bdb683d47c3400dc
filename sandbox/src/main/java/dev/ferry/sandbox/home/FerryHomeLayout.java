package dev.ferry.sandbox.home;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The one place that knows where the sandbox's jars live inside a Ferry home.
 *
 * <pre>
 * home/lib/*           Flink (shaded flink-dist), log4j 2, slf4j-api
 * home/opt/hadoop/*    Hadoop 3.3.6 client jars
 * home/opt/sandbox/*   ferry-sandbox and the Hadoop server/test jars of the mini clusters
 * home/opt/metastore/* the Hive Metastore's own class path (kept apart: it conflicts)
 * home/opt/metastore/home/scripts  schema scripts for the metastore schematool
 * </pre>
 */
public final class FerryHomeLayout {

    private final Path home;

    public FerryHomeLayout(Path home) {
        this.home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
    }

    public Path home() {
        return home;
    }

    public Path libDir() {
        return home.resolve("lib");
    }

    public Path hadoopDir() {
        return home.resolve("opt").resolve("hadoop");
    }

    public Path sandboxDir() {
        return home.resolve("opt").resolve("sandbox");
    }

    public Path metastoreDir() {
        return home.resolve("opt").resolve("metastore");
    }

    /** METASTORE_HOME for the schematool: it looks for scripts/metastore/upgrade/&lt;db&gt;/ below it. */
    public Path metastoreHome() {
        return metastoreDir().resolve("home");
    }

    /** Class path of the sandbox daemon JVM; the sandbox jars come first so their log4j bridges win. */
    public List<String> daemonClassPath() {
        return List.of(wildcard(sandboxDir()), wildcard(hadoopDir()), wildcard(libDir()));
    }

    /** What YARN containers of the daemon's cluster get as yarn.application.classpath. */
    public List<String> containerHadoopClassPath() {
        return List.of(wildcard(hadoopDir()));
    }

    /** Class path of the metastore JVM; confDir first so that its metastore-site.xml is found. */
    public List<String> metastoreClassPath(Path confDir) {
        return List.of(confDir.toAbsolutePath().toString(), wildcard(metastoreDir()));
    }

    private static String wildcard(Path dir) {
        return dir + "/*";
    }
}
