package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cluster.StoppedCluster;
import dev.ferry.launcher.cluster.StoppedJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ferry session stop NAME}: savepoints (or cancels) its jobs, then shuts the cluster down. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stop a cluster gracefully: running jobs are stopped with a savepoint (or cancelled with"
                + " --cancel-jobs), then the cluster shuts down.")
public final class SessionStopCommand extends OneClusterCommand<StoppedCluster> {

    @Option(names = "--cancel-jobs", description = "Cancel running jobs instead of taking savepoints")
    private boolean cancelJobs;

    @Option(
            names = "--savepoint-dir",
            paramLabel = "DIR",
            description = "Where savepoints go (default: execution.checkpointing.savepoint-dir)")
    private String savepointDir;

    @Override
    protected StoppedCluster ask(LauncherServices services, String name) {
        return services.sessionStopper().stop(name, cancelJobs, savepointDir);
    }

    @Override
    protected void print(PrintWriter out, StoppedCluster stopped, boolean json) {
        SessionEndPrinter.print(out, json, stopped, "stopped");
    }

    /** Shared by stop and kill: what ended, and where the savepoints are. */
    public static final class SessionEndPrinter {
        private SessionEndPrinter() {}

        static void print(PrintWriter out, boolean json, StoppedCluster stopped, String verb) {
            if (json) {
                Json.print(out, toJson(stopped));
                return;
            }
            for (StoppedJob job : stopped.jobs()) {
                out.println(
                        job.cancelled()
                                ? "Cancelled job " + job.jobId() + " (" + job.jobName() + ")"
                                : "Stopped job " + job.jobId() + " (" + job.jobName() + ") with savepoint "
                                        + job.savepointPath());
            }
            out.println("Cluster '" + stopped.name() + "' (" + stopped.applicationId() + ") " + verb + ": YARN state "
                    + stopped.finalState()
                    + (stopped.haData().equals("none") ? "." : "; HA data " + stopped.haData() + "."));
            out.flush();
        }

        /** {@code session stop -o json} and {@code session kill -o json}. */
        public static Map<String, Object> toJson(StoppedCluster stopped) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", stopped.name());
            json.put("applicationId", stopped.applicationId());
            json.put("state", stopped.finalState());
            json.put(
                    "jobs",
                    stopped.jobs().stream().map(SessionEndPrinter::jobJson).toList());
            json.put("haData", stopped.haData());
            return json;
        }

        private static Map<String, Object> jobJson(StoppedJob job) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("jobId", job.jobId());
            json.put("name", job.jobName());
            json.put("savepoint", job.savepointPath());
            return json;
        }
    }
}
