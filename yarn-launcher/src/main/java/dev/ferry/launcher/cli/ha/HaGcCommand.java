package dev.ferry.launcher.cli.ha;

import dev.ferry.ha.cleanup.CleanupReport;
import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.ha.GcReport;
import dev.ferry.launcher.ha.RegistryEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ferry ha gc}: removes HA data that clusters YARN no longer runs left behind. */
@Command(
        name = "gc",
        mixinStandardHelpOptions = true,
        description = "Remove the znodes and HA storage of clusters YARN no longer runs (a YARN kill leaves"
                + " them behind), and registry entries naming them; a running application's data is never touched.")
public final class HaGcCommand extends FerrySubcommand {

    @Option(names = "--dry-run", description = "Only report what would be removed")
    private boolean dryRun;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        GcReport gc;
        try (LauncherServices services = context().services()) {
            gc = services.haGarbageCollector().collect(dryRun);
        }
        if (output.json()) {
            Json.print(out(), toJson(gc));
            return 0;
        }
        CleanupReport report = gc.haData();
        String verb = dryRun ? "Would remove" : "Removed";
        for (CleanupReport.RemovedCluster removed : report.removed()) {
            out().println(verb + " HA data of " + removed.clusterId() + " (znodes: "
                    + (removed.hadZnodes() ? "yes" : "no") + ", storage: " + removed.storageBytes() + " bytes)");
        }
        for (CleanupReport.SkippedCluster skipped : report.skipped()) {
            out().println("Kept " + skipped.clusterId() + ": " + skipped.reason());
        }
        for (RegistryEntry entry : gc.staleRegistryEntries()) {
            out().println(verb + " stale registry entry '" + entry.name() + "' (application " + entry.applicationId()
                    + " no longer runs)");
        }
        out().println((dryRun ? "Would free " : "Freed ") + report.bytesFreed() + " bytes of HA storage from "
                + report.removed().size() + " cluster(s).");
        out().flush();
        return 0;
    }

    /** {@code ha gc -o json}. */
    public static Map<String, Object> toJson(GcReport gc) {
        CleanupReport report = gc.haData();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", report.dryRun());
        json.put(
                "removed",
                report.removed().stream()
                        .map(r -> Map.of(
                                "clusterId", r.clusterId(), "znodes", r.hadZnodes(), "storageBytes", r.storageBytes()))
                        .toList());
        json.put(
                "kept",
                report.skipped().stream()
                        .map(s -> Map.of("clusterId", s.clusterId(), "reason", s.reason()))
                        .toList());
        json.put("bytesFreed", report.bytesFreed());
        json.put(
                "staleRegistryEntries",
                gc.staleRegistryEntries().stream()
                        .map(e -> Map.of("name", e.name(), "applicationId", e.applicationId()))
                        .toList());
        return json;
    }
}
