package io.bendcdc.config;

/** Where the engine keeps Debezium's source offsets. */
public enum OffsetStorage {
    KAFKA, FILE
}
