package dev.ferry.launcher.configuration;

/** The version of this Ferry build, from the launcher jar's manifest. */
public final class FerryVersion {

    private FerryVersion() {}

    public static String current() {
        String version = FerryVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
