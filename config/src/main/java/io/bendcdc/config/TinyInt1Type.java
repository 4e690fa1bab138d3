package io.bendcdc.config;

/** The Databend type a source {@code TINYINT(1)} / {@code BOOLEAN} column becomes. */
public enum TinyInt1Type {
    BOOLEAN, INT8
}
