package dev.ferry.launcher.configuration;

/** Where an effective configuration value came from, as {@code ferry config show} reports it. */
public record ValueOrigin(Kind kind, String detail) {

    /** The layers of configuration, weakest first. */
    public enum Kind {
        DEFAULT,
        FILE,
        SANDBOX,
        ENVIRONMENT,
        FLAG
    }

    public static ValueOrigin defaultValue() {
        return new ValueOrigin(Kind.DEFAULT, "default");
    }

    public static ValueOrigin file(java.nio.file.Path file) {
        return new ValueOrigin(Kind.FILE, file.toString());
    }

    /** Supplied by the running sandbox (e.g. its ZooKeeper) when a command targets it. */
    public static ValueOrigin sandbox(java.nio.file.Path sandboxDir) {
        return new ValueOrigin(Kind.SANDBOX, sandboxDir.toString());
    }

    /** An environment variable that stands for a setting, e.g. FERRY_SANDBOX_DIR. */
    public static ValueOrigin environment(String variable) {
        return new ValueOrigin(Kind.ENVIRONMENT, variable);
    }

    public static ValueOrigin flag(String flag) {
        return new ValueOrigin(Kind.FLAG, flag);
    }

    @Override
    public String toString() {
        return kind == Kind.DEFAULT ? "default" : kind.name().toLowerCase() + " " + detail;
    }
}
