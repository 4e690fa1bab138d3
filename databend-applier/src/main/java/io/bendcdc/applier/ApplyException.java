package io.bendcdc.applier;

/** A change cannot be applied exactly; the message names the table and what is wrong. */
public class ApplyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApplyException(String message) {
        super(message);
    }

    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
