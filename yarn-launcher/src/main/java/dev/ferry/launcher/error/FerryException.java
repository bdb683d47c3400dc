package dev.ferry.launcher.error;

/**
 * A failure the user can act on. Its message is one line that names the problem and the fix;
 * the CLI prints it as is and exits with {@link #exitCode()}.
 */
public class FerryException extends RuntimeException {

    /** Documented exit codes of {@code bin/ferry}; scripts rely on them. */
    public enum ExitCode {
        OK(0),
        FAILURE(1),
        USAGE(2),
        NOT_FOUND(3),
        TIMEOUT(4),
        CONFLICT(5),
        UNAVAILABLE(6);

        private final int code;

        ExitCode(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final ExitCode exitCode;

    public FerryException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public FerryException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** The first line of a (possibly multi-line) message, trimmed; for one-line errors. */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        return message.strip().lines().findFirst().orElse("").trim();
    }

    /** The first line of the message of the deepest cause: usually the one that names the problem. */
    public static String rootCauseMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
    }

    /**
     * The most specific message of a cause chain: the deepest one that says more than the message
     * wrapping it. A ClassNotFoundException's bare class name, say, is dropped for the message
     * above it that names what was looked for.
     */
    public static String specificCauseMessage(Throwable error) {
        java.util.List<String> messages = new java.util.ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                messages.add(firstLine(t.getMessage()));
            }
        }
        for (int i = messages.size() - 1; i > 0; i--) {
            if (!messages.get(i - 1).contains(messages.get(i))) {
                return messages.get(i);
            }
        }
        return messages.isEmpty() ? error.getClass().getSimpleName() : messages.get(0);
    }
}
