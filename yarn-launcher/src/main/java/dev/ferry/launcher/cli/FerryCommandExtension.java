package dev.ferry.launcher.cli;

/**
 * A command that a jar beside the launcher adds under {@code ferry}, found with {@link
 * java.util.ServiceLoader} on the CLI's class path (a {@code META-INF/services} entry). An optional
 * part of the distribution, such as {@code opt/bench} ({@code ferry bench}), is then a command
 * where its jars are and absent elsewhere, and the launcher does not depend on it.
 */
public interface FerryCommandExtension {

    /**
     * The picocli command to add: an annotated class or an instance of one. Its leaf commands
     * extend {@link FerrySubcommand} to reach the global options, the configuration and the
     * launcher's services.
     */
    Object command();
}
