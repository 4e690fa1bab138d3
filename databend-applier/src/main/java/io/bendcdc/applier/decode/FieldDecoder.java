package io.bendcdc.applier.decode;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/** Turns the JSON of one non-null value of a known Connect schema into its Java value. */
@FunctionalInterface
interface FieldDecoder {

    /**
     * @param p at the value's first token, which is not {@code null}; left at its last token
     */
    Object decode(JsonParser p) throws IOException;
}
