package dev.ferry.launcher.cli;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.configuration.ConfigurationLoader;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.configuration.HadoopConfDirResolver;
import dev.ferry.launcher.configuration.SandboxSettingsSource;
import dev.ferry.launcher.configuration.ValueOrigin;
import dev.ferry.sandbox.SandboxOptions;

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

    public Path confDir() {
        if (confDirFlag.isPresent()) {
            return confDirFlag.get().toAbsolutePath();
        }
        String fromEnv = environment.get("FERRY_CONF_DIR");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv).toAbsolutePath() : home().defaultConfDir();
    }

    public EffectiveConfiguration configuration() {
        if (configuration == null) {
            ConfigurationLoader loader = new ConfigurationLoader(confDir());
            EffectiveConfiguration withoutSandbox = loader.load(flags);
            Path sandboxDir = Path.of(withoutSandbox.get(SandboxOptions.DIR));
            configuration = targetsSandbox()
                    ? loader.load(
                            SandboxSettingsSource.read(home(), sandboxDir), ValueOrigin.sandbox(sandboxDir), flags)
                    : withoutSandbox;
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
