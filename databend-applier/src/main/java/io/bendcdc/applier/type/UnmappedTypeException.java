package io.bendcdc.applier.type;

import io.bendcdc.contract.TableId;

/** A source column type the applier has no exact Databend type for. Never silently a String. */
public class UnmappedTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnmappedTypeException(TableId table, String column, String typeName, String why) {
        super("cannot map " + table + "." + column + " of type " + typeName + " to Databend: " + why);
    }
}
