package dev.ferry.launcher;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.JobManagerClients;
import dev.ferry.launcher.cluster.SessionKiller;
import dev.ferry.launcher.cluster.SessionStopper;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.configuration.FerryOptions;
import dev.ferry.launcher.deployment.SessionConfigurationFactory;
import dev.ferry.launcher.deployment.SessionDeployer;
import dev.ferry.launcher.deployment.SessionStarter;
import dev.ferry.launcher.jobs.JobSubmitter;
import dev.ferry.launcher.staging.DistStager;
import dev.ferry.launcher.staging.LocalDistScanner;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.YarnConnection;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Wires the launcher's services for one command against one YARN cluster. The CLI asks it for
 * the service it needs; nothing else in the CLI touches YARN or a JobManager.
 */
public final class LauncherServices implements AutoCloseable {

    private final FerryHome home;
    private final Path confDir;
    private final EffectiveConfiguration config;
    private final Supplier<Path> hadoopConfDir;
    private final JobManagerClients jobManagers;
    private YarnConnection yarn;

    /**
     * @param hadoopConfDir resolved only when a service first needs YARN, so that input can be
     *     validated, and refused, before anything is contacted
     */
    public LauncherServices(
            FerryHome home, Path confDir, EffectiveConfiguration config, Supplier<Path> hadoopConfDir) {
        this.home = home;
        this.confDir = confDir;
        this.config = config;
        this.hadoopConfDir = hadoopConfDir;
        this.jobManagers = new JobManagerClients(config.toFlinkConfiguration(), config.get(FerryOptions.REST_TIMEOUT));
    }

    /** Connects to the ResourceManager on first use; fails fast if it does not answer. */
    private YarnConnection yarn() {
        if (yarn == null) {
            yarn = YarnConnection.open(hadoopConfDir.get(), config.get(FerryOptions.YARN_CONNECT_TIMEOUT));
        }
        return yarn;
    }

    public ClusterObserver clusters() {
        return new ClusterObserver(yarn().client(), jobManagers);
    }

    /** Needs no cluster: builds and checks a session's configuration. */
    public SessionConfigurationFactory sessionConfigurations() {
        return new SessionConfigurationFactory(config, home, confDir, FerryVersion.current());
    }

    public QueueInspector queues() {
        return new QueueInspector(yarn().client());
    }

    public SessionStarter sessionStarter() {
        return new SessionStarter(
                queues(),
                sessionConfigurations(),
                distStager(),
                new SessionDeployer(yarn(), clusters(), jobManagers, config.get(FerryOptions.DEPLOY_TIMEOUT)));
    }

    public SessionStopper sessionStopper() {
        return new SessionStopper(yarn().client(), clusters(), jobManagers, config.get(FerryOptions.STOP_TIMEOUT));
    }

    public SessionKiller sessionKiller() {
        return new SessionKiller(yarn().client(), clusters(), config.get(FerryOptions.STOP_TIMEOUT));
    }

    public DistStager distStager() {
        Path cache = Path.of(System.getProperty("user.home"), ".ferry", "cache", "dist-checksums.properties");
        return new DistStager(
                yarn().configuration(),
                home.root(),
                config.get(FerryOptions.STAGING_DIR),
                FerryVersion.current(),
                new LocalDistScanner(home.root(), cache));
    }

    public JobSubmitter jobSubmitter() {
        return new JobSubmitter(
                config.toFlinkConfiguration(), clusters(), jobManagers, config.get(FerryOptions.DEPLOY_TIMEOUT));
    }

    @Override
    public void close() {
        if (yarn != null) {
            yarn.close();
        }
    }
}
