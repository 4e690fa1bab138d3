package io.bendcdc.engine;

/** The source cannot be used as configured; the message names the setting at fault. */
public class SourceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
