package dev.ferry.launcher.staging;

import java.util.Optional;

/**
 * Where one deploy takes Flink's and Ferry's libraries from: the staged copy of this build
 * ({@code yarn.provided.lib.dirs}), or lib/ and plugins/ shipped with the deploy.
 *
 * @param staged the staged copy, when there is one
 * @param note what the operator should know: that this deploy staged the build, or why it ships
 *     the libraries; empty when a staged copy was simply found
 */
public record DeployLibraries(Optional<StagedDist> staged, Optional<String> note) {

    public static DeployLibraries found(StagedDist dist) {
        return new DeployLibraries(Optional.of(dist), Optional.empty());
    }

    public static DeployLibraries stagedNow(StagedDist dist) {
        return new DeployLibraries(
                Optional.of(dist),
                Optional.of("staged now in " + dist.location() + " (first deploy of this build); later deploys"
                        + " reuse it"));
    }

    public static DeployLibraries shipped(String why) {
        return new DeployLibraries(Optional.empty(), Optional.of(why));
    }

    public boolean isStaged() {
        return staged.isPresent();
    }
}
