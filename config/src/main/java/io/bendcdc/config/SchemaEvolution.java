package io.bendcdc.config;

/** What the applier does on a source schema change. */
public enum SchemaEvolution {
    /** Reconcile the Databend table with the new source schema. */
    APPLY,
    /** Stop with an error before the first change that carries the new schema. */
    STOP
}
