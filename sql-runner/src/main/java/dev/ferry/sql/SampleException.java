package dev.ferry.sql;

/**
 * A sample that cannot be taken or used: a source that is not bounded, a {@code --source} the
 * script does not read, a sample whose columns do not match the table it stands for. The message
 * is one line naming the table, the sample and the fix.
 */
public final class SampleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SampleException(String message) {
        super(message);
    }

    public SampleException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A sample whose job did not end in time (and was cancelled). */
    public static final class Late extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Late(String message) {
            super(message);
        }
    }
}
