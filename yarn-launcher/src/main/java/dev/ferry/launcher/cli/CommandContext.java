package dev.ferry.launcher.cli;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.configuration.ConfigurationException;
import dev.ferry.launcher.configuration.ConfigurationLoader;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.configuration.FlinkOptionCatalog;
import dev.ferry.launcher.configuration.HadoopConfDirResolver;
import dev.ferry.launcher.configuration.SandboxSettingsSource;
import dev.ferry.launcher.configuration.SettingsValidator;
import dev.ferry.launcher.configuration.ValueOrigin;
import dev.ferry.sandbox.SandboxOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one command runs with: home, configuration, and which cluster it talks to. */
public final class CommandContext {

    private final Map<String, String> environment;
    private final Optional<Path> confDirFlag;
    private final Optional<Path> hadoopConfDirFlag;
    private final boolean sandbox;
    private final Map<String, String> flags;
    private EffectiveConfiguration configuration;

    CommandContext(
            Map<String, String> environment,
            Optional<Path> confDirFlag,
            Optional<Path> hadoopConfDirFlag,
            boolean sandbox,
            Map<String, String> flags) {
        this.environment = environment;
        this.confDirFlag = confDirFlag;
        this.hadoopConfDirFlag = hadoopConfDirFlag;
        this.sandbox = sandbox;
        this.flags = Map.copyOf(flags);
    }

    /**
     * The {@code -D} flags that are Flink settings (not Ferry's own), as given: a job's record
     * keeps them so that its later runs, from any gateway, get the same settings.
     */
    public Map<String, String> flinkFlags() {
        Map<String, String> flink = new java.util.TreeMap<>(flags);
        flink.keySet().removeIf(key -> key.startsWith("ferry."));
        return flink;
    }

    /** The global options that make another ferry process talk to the same cluster with the same settings. */
    public List<String> globalArguments() {
        List<String> arguments = new ArrayList<>(List.of("--conf-dir=" + confDir()));
        hadoopConfDirFlag.ifPresent(dir -> arguments.add("--hadoop-conf-dir=" + dir.toAbsolutePath()));
        if (sandbox) {
            arguments.add("--sandbox");
        }
        flags.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
        return arguments;
    }

    public FerryHome home() {
        return FerryHome.fromSystemProperty();
    }

    /** The configuration directory; one that does not exist is refused, naming where it was given. */
    public Path confDir() {
        if (confDirFlag.isPresent()) {
            return existing(confDirFlag.get().toAbsolutePath(), "--conf-dir");
        }
        String fromEnv = environment.get("FERRY_CONF_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return existing(Path.of(fromEnv).toAbsolutePath(), "FERRY_CONF_DIR");
        }
        return existing(home().defaultConfDir(), "the distribution");
    }

    private static Path existing(Path dir, String givenBy) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("Configuration directory " + dir + " (from " + givenBy
                    + ") does not exist: give the directory that holds config.yaml and ferry.yaml");
        }
        return dir;
    }

    public EffectiveConfiguration configuration() {
        if (configuration == null) {
            ConfigurationLoader loader = new ConfigurationLoader(confDir(), environment);
            EffectiveConfiguration withoutSandbox = loader.load(flags);
            Path sandboxDir = Path.of(withoutSandbox.get(SandboxOptions.DIR));
            configuration = targetsSandbox()
                    ? loader.load(
                            SandboxSettingsSource.read(home(), sandboxDir), ValueOrigin.sandbox(sandboxDir), flags)
                    : withoutSandbox;
            new SettingsValidator(FlinkOptionCatalog.load()).check(configuration);
        }
        return configuration;
    }

    public Path sandboxDir() {
        return Path.of(configuration().get(SandboxOptions.DIR));
    }

    public Path hadoopConfDir() {
        return new HadoopConfDirResolver(environment).resolve(hadoopConfDirFlag, sandbox, sandboxDir());
    }

    /** The command talks to the sandbox, not to the cluster of HADOOP_CONF_DIR. */
    private boolean targetsSandbox() {
        return hadoopConfDirFlag.isEmpty() && HadoopConfDirResolver.sandboxRequested(sandbox, environment);
    }

    /** The launcher's services; YARN is contacted only when a service first needs it. */
    public LauncherServices services() {
        return new LauncherServices(home(), confDir(), configuration(), this::hadoopConfDir);
    }
}
