package dev.ferry.launcher.configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which Hadoop client configuration a command talks to. An explicit directory wins,
 * then the sandbox when asked for, then HADOOP_CONF_DIR and YARN_CONF_DIR. The sandbox is never
 * used silently in place of a real cluster's configuration.
 */
public final class HadoopConfDirResolver {

    public static final String SANDBOX_ENV = "FERRY_SANDBOX";

    private final Map<String, String> environment;

    public HadoopConfDirResolver(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param explicitDir {@code --hadoop-conf-dir}, if given
     * @param useSandbox {@code --sandbox} was given
     * @param sandboxDir where the sandbox lives
     */
    public Path resolve(Optional<Path> explicitDir, boolean useSandbox, Path sandboxDir) {
        if (explicitDir.isPresent()) {
            return requireYarnSite(explicitDir.get(), "--hadoop-conf-dir");
        }
        if (sandboxRequested(useSandbox, environment)) {
            Path conf = sandboxDir.resolve("conf");
            if (!Files.isRegularFile(conf.resolve("yarn-site.xml"))) {
                throw new ConfigurationException(
                        "The sandbox has no Hadoop configuration in " + conf + ": start it with 'ferry sandbox start'");
            }
            return conf;
        }
        for (String variable : new String[] {"HADOOP_CONF_DIR", "YARN_CONF_DIR"}) {
            String dir = environment.get(variable);
            if (dir != null && !dir.isBlank()) {
                return requireYarnSite(Path.of(dir), variable);
            }
        }
        throw new ConfigurationException(
                "No Hadoop configuration found: set HADOOP_CONF_DIR to the directory holding yarn-site.xml,"
                        + " or use --sandbox to talk to the local sandbox");
    }

    private static Path requireYarnSite(Path dir, String source) {
        if (!Files.isRegularFile(dir.resolve("yarn-site.xml"))) {
            throw new ConfigurationException(source + " points at " + dir
                    + ", which holds no yarn-site.xml: point it at your cluster's Hadoop client configuration");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** {@code --sandbox}, or FERRY_SANDBOX=1 in the environment. */
    public static boolean sandboxRequested(boolean flag, Map<String, String> environment) {
        return flag || isTrue(environment.get(SANDBOX_ENV));
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }
}
