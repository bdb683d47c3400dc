package dev.ferry.sandbox.control;

/** {@code start} found a live daemon for the same sandbox directory. */
public class SandboxAlreadyRunningException extends SandboxException {

    private static final long serialVersionUID = 1L;

    public SandboxAlreadyRunningException(String message) {
        super(message);
    }
}
