package dev.ferry.sandbox.control;

/** A sandbox operation failed; the message is one line naming the problem (and the log to read). */
public class SandboxException extends Exception {

    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
