package io.bendcdc.history;

/** The schema history cannot be used as it is; the message says what to do. */
public class SchemaHistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaHistoryException(String message) {
        super(message);
    }

    public SchemaHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
