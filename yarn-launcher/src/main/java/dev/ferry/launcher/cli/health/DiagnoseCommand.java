package dev.ferry.launcher.cli.health;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.diagnosis.JobDiagnostics.Diagnosis;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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
public final class DiagnoseCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Diagnosis diagnosis;
        try (LauncherServices services = context().services()) {
            diagnosis = services.jobDiagnostics().diagnose(job);
        }
        if (output.json()) {
            Json.print(out(), HealthPrinter.diagnosisJson(diagnosis));
        } else {
            HealthPrinter.printDiagnosis(out(), diagnosis);
        }
        return 0;
    }
}
