package dev.ferry.launcher.staging;

import java.util.List;

/**
 * A distribution staged on the cluster file system: fully qualified directories to hand to
 * {@code yarn.provided.lib.dirs}.
 *
 * @param location the staged directory, e.g. {@code hdfs://nn:8020/ferry/dist/0.1.0-3f2a9c0d11aa}
 * @param uploadedBytes bytes this call uploaded; 0 when it was staged before
 */
public record StagedDist(String location, DistManifest manifest, long uploadedBytes) {

    public List<String> providedLibDirs() {
        return LocalDistScanner.STAGED_FOLDERS.stream()
                .map(folder -> location + "/" + folder)
                .toList();
    }

    public boolean wasAlreadyStaged() {
        return uploadedBytes == 0;
    }
}
