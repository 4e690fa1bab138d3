package io.bendcdc.applier.event;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns the JSON of one non-null value of a known Connect schema into its Java value. */
@FunctionalInterface
interface FieldDecoder {

    Object decode(JsonNode value);
}
