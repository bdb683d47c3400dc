package dev.ferry.ha;

/** Base of every error this module raises: the message is one line naming the problem and the fix. */
public class HaException extends RuntimeException {

    public HaException(String message) {
        super(message);
    }

    public HaException(String message, Throwable cause) {
        super(message, cause);
    }
}
