package io.bendcdc.engine;

/** The embedded engine stopped with an error; the message is Debezium's. */
public class EngineFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
