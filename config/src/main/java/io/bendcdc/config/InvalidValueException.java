package io.bendcdc.config;

/** Thrown by a parser for a value it cannot read; the message is the reason, without the option name. */
final class InvalidValueException extends IllegalArgumentException {
    InvalidValueException(String reason) {
        super(reason);
    }
}
