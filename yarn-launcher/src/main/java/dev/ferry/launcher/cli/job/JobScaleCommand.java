package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.PositiveOption;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.jobs.JobScaler.ScaleRequest;
import dev.ferry.launcher.jobs.JobScaler.ScaleResult;
import dev.ferry.launcher.jobs.JobScaler.VertexChange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code ferry job scale JOB (-p N | --vertex V=N ...)}: rescale a running job, in place when its scheduler can. */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        description = "Change the parallelism of a running job's vertices. Applied in place when the cluster runs"
                + " the adaptive scheduler (jobmanager.scheduler: adaptive), otherwise by a stop with savepoint and a"
                + " new run from it. Kept in the job's record: resume, restart and failover keep it.")
public final class JobScaleCommand extends OneJobCommand<ScaleResult> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "N",
            description = "Parallelism of every vertex that can run in parallel (max parallelism above 1)")
    private Integer parallelism;

    @Option(
            names = "--vertex",
            paramLabel = "VERTEX=N",
            description = "Parallelism of one vertex, by id or name as 'ferry job status' shows them (repeatable;"
                    + " wins over --parallelism)")
    private Map<String, Integer> vertices = new LinkedHashMap<>();

    @Option(names = "--detached", description = "Return once the change was asked for, without waiting for it to run")
    private boolean detached;

    @Override
    protected ScaleResult ask(LauncherServices services, String job) {
        if (parallelism == null && vertices.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "Give the new parallelism: --parallelism N, or --vertex VERTEX=N");
        }
        Optional<Integer> all = PositiveOption.of(spec.commandLine(), "--parallelism", parallelism);
        vertices.forEach((vertex, p) -> PositiveOption.of(spec.commandLine(), "--vertex " + vertex, p));
        return services.jobScaler().scale(job, new ScaleRequest(all, vertices), detached);
    }

    @Override
    protected void print(PrintWriter out, ScaleResult result, boolean json) {
        if (json) {
            Json.print(out, toJson(result));
            return;
        }
        out.println(headline(result));
        if (!result.changes().isEmpty()) {
            Table table = new Table("VERTEX", "NAME", "FROM", "TO");
            result.changes().forEach(c -> table.row(c.id(), c.name(), c.from(), c.to()));
            table.print(out);
        }
        out.flush();
    }

    private static String headline(ScaleResult result) {
        return switch (result.method()) {
            case UNCHANGED -> "Job '" + result.name() + "' already runs at that parallelism: nothing was changed";
            case IN_PLACE ->
                "Job '" + result.name() + "' (" + result.jobId() + ") was rescaled in place: " + result.state();
            case SAVEPOINT ->
                "Job '" + result.name() + "' was rescaled through savepoint " + result.savepoint() + ": new run "
                        + result.jobId() + " " + result.state();
        };
    }

    /** {@code job scale -o json}. */
    public static Map<String, Object> toJson(ScaleResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", result.name());
        json.put("jobId", result.jobId());
        json.put("method", result.method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.put("state", result.state());
        json.put("savepoint", result.savepoint());
        json.put(
                "changes",
                result.changes().stream().map(JobScaleCommand::changeJson).toList());
        return json;
    }

    private static Map<String, Object> changeJson(VertexChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", change.id());
        json.put("name", change.name());
        json.put("from", change.from());
        json.put("to", change.to());
        return json;
    }
}
