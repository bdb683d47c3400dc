package dev.ferry.launcher.cli.health;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.job.OneJobCommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.diagnosis.JobDiagnostics.Diagnosis;

import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code ferry diagnose JOB}: what is wrong with a job, most severe first, with evidence and a fix. */
@Command(
        name = "diagnose",
        mixinStandardHelpOptions = true,
        description = {
            "Say what is wrong with a job, most severe first: backpressure and its bottleneck, data skew, event-time"
                    + " delay, failing checkpoints, restarts and their cause, containers lost to memory. Each finding"
                    + " names its evidence and the setting or operator to change; a healthy job is called healthy.",
            "Thresholds: ferry.diagnose.* (ferry config show --describe)."
        })
public final class DiagnoseCommand extends OneJobCommand<Diagnosis> {

    @Override
    protected Diagnosis ask(LauncherServices services, String job) {
        return services.jobDiagnostics().diagnose(job);
    }

    @Override
    protected void print(PrintWriter out, Diagnosis answer, boolean json) {
        if (json) {
            Json.print(out, HealthPrinter.diagnosisJson(answer));
        } else {
            HealthPrinter.printDiagnosis(out, answer);
        }
    }
}
