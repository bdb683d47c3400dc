package dev.ferry.launcher.cli.dist;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.staging.StagedDist;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ferry dist upload}: stages lib/ and plugins/ once per build; deploys then upload nothing large. */
@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = "Stage lib/ and plugins/ once on the cluster file system (idempotent, checksum-verified,"
                + " safe from several gateways at once); later deploys use them via yarn.provided.lib.dirs.")
public final class DistUploadCommand extends FerrySubcommand {

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        StagedDist staged;
        try (LauncherServices services = context().services()) {
            staged = services.distStager().upload();
        }
        if (output.json()) {
            Json.print(out(), toJson(staged));
        } else {
            out().println((staged.wasAlreadyStaged() ? "Already staged: " : "Staged: ") + staged.location() + " ("
                    + staged.manifest().entries().size() + " files, "
                    + staged.manifest().totalBytes() / (1024 * 1024)
                    + " MiB" + (staged.wasAlreadyStaged() ? ", nothing uploaded" : ", checksums verified") + ")");
            out().flush();
        }
        return 0;
    }

    /** {@code dist upload -o json}. */
    public static Map<String, Object> toJson(StagedDist staged) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("location", staged.location());
        json.put("files", staged.manifest().entries().size());
        json.put("bytes", staged.manifest().totalBytes());
        json.put("uploadedBytes", staged.uploadedBytes());
        json.put("alreadyStaged", staged.wasAlreadyStaged());
        return json;
    }
}
