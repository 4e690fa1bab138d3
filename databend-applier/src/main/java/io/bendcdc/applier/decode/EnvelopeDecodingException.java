package io.bendcdc.applier.decode;

/** A Kafka record that is not a Debezium change envelope this decoder understands (a poison event). */
public class EnvelopeDecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EnvelopeDecodingException(String message) {
        super(message);
    }

    public EnvelopeDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
