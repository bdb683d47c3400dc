package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ClusterSizeOptions;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Durations;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.deployment.ClusterName;
import dev.ferry.launcher.deployment.ClusterSpec;
import dev.ferry.launcher.deployment.DeployedCluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code ferry session start NAME}: deploys a detached session cluster and waits until it is ready. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Deploy a named session cluster onto a YARN queue; returns when its REST API answers.")
public final class SessionStartCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name: lower-case letters, digits, '-', '_'")
    private String name;

    @Mixin
    private ClusterSizeOptions size;

    @Option(
            names = "--min-taskmanagers",
            paramLabel = "N",
            description = "TaskManagers kept running while idle, so jobs start without waiting for a container")
    private Integer minTaskManagers;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        ClusterSpec sessionSpec = new ClusterSpec(
                new ClusterName(name),
                size.queue(),
                size.jobManagerMemory(),
                size.taskManagerMemory(),
                size.slots(),
                Optional.ofNullable(atLeast(minTaskManagers, 0, "--min-taskmanagers")));
        DeployedCluster cluster;
        try (LauncherServices services = context().services()) {
            services.sessionConfigurations().validate(sessionSpec);
            cluster = services.clusterStarter().startSession(sessionSpec);
        }
        print(cluster);
        warnIfAttemptsCapped(cluster);
        return 0;
    }

    /** YARN lowers the attempts without an error; the operator should know before a JobManager dies. */
    private void warnIfAttemptsCapped(DeployedCluster cluster) {
        if (cluster.attempts().capped()) {
            err().println("ferry: warning: session " + cluster.attempts().cappedWarning(cluster.name()));
            err().flush();
        }
    }

    private Integer atLeast(Integer value, int minimum, String option) {
        if (value != null && value < minimum) {
            throw new ParameterException(
                    spec.commandLine(), option + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    private void print(DeployedCluster cluster) {
        PrintWriter out = out();
        if (output.json()) {
            Json.print(out, toJson(cluster));
            return;
        }
        out.println("Session '" + cluster.name() + "' is running.");
        out.println("  application   " + cluster.applicationId());
        out.println("  queue         " + cluster.queue());
        out.println("  web UI        " + cluster.webUrl());
        out.println("  TaskManagers  " + cluster.taskManagers() + " registered");
        out.println("  libraries     "
                + cluster.libraries()
                        .note()
                        .orElse(
                                cluster.usedStagedLibraries()
                                        ? "staged (yarn.provided.lib.dirs)"
                                        : "shipped from lib/"));
        out.println("  ready in      " + Durations.seconds(cluster.startupTime()));
        out.println("  max attempts  " + cluster.attempts().describe());
        out.flush();
    }

    /** {@code session start -o json}. */
    public static Map<String, Object> toJson(DeployedCluster cluster) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", cluster.name());
        json.put("applicationId", cluster.applicationId());
        json.put("queue", cluster.queue());
        json.put("webUrl", cluster.webUrl());
        json.put("taskManagers", cluster.taskManagers());
        json.put("stagedLibraries", cluster.usedStagedLibraries());
        json.put("librariesNote", cluster.libraries().note().orElse(null));
        json.put("startupSeconds", cluster.startupTime().toMillis() / 1000.0);
        json.put("maxAttempts", cluster.attempts().granted());
        json.put("requestedAttempts", cluster.attempts().requested());
        return json;
    }
}
