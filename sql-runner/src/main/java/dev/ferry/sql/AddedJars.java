package dev.ferry.sql;

import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.resource.ResourceManager;
import org.apache.flink.util.MutableURLClassLoader;

import java.lang.reflect.Field;
import java.net.URL;
import java.util.Arrays;
import java.util.List;

/**
 * Makes the jars a script added (Ferry's {@code --jar}, {@code ADD JAR}, {@code CREATE FUNCTION
 * ... USING JAR}) visible to the classloader its job graph is built with.
 *
 * <p>Flink 1.20 builds a job graph with the execution environment's classloader, while {@code ADD
 * JAR} puts jars into a classloader the TableEnvironment keeps to itself. With checkpointing on,
 * Flink compiles the generated operators while it builds the graph and fails on any class from
 * such a jar ("Cannot determine simple type name", FLINK-28897). Flink's SQL client avoids it by
 * building both on one classloader through internal constructors; Ferry copies the jars' URLs
 * across before it submits instead.
 *
 * <p>The one place Ferry reads Flink internals for SQL: the TableEnvironment's {@code
 * resourceManager} field. Pinned by {@code AddedJarsTest} and JobLifecycleIT's function-jar tests:
 * a Flink upgrade that renames it fails them.
 */
final class AddedJars {

    private AddedJars() {}

    /** Adds to {@code jobClassLoader} every jar {@code tableEnv} loaded that it lacks. */
    static void shareWith(MutableURLClassLoader jobClassLoader, TableEnvironment tableEnv) {
        List<URL> present = Arrays.asList(jobClassLoader.getURLs());
        for (URL jar : of(tableEnv)) {
            if (!present.contains(jar)) {
                jobClassLoader.addURL(jar);
            }
        }
    }

    /** The local URLs of the jars {@code tableEnv} added to its classloader. */
    static URL[] of(TableEnvironment tableEnv) {
        try {
            Field field = TableEnvironmentImpl.class.getDeclaredField("resourceManager");
            field.setAccessible(true);
            ResourceManager resources = (ResourceManager) field.get(tableEnv);
            return resources.getUserClassLoader().getURLs();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "This Flink version keeps a TableEnvironment's added jars elsewhere than Ferry expects"
                            + " (TableEnvironmentImpl.resourceManager): " + e,
                    e);
        }
    }
}
