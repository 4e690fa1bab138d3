package io.bendcdc.applier.databend;

import java.sql.SQLException;

import io.bendcdc.contract.SchemaChange;

/** Brings Databend tables to the source's schema. Applying a change twice is the same as once. */
public interface SchemaApplier {

    /** Creates the target table, or adds the columns an existing one lacks. */
    void ensureTable(TargetTable target) throws SQLException;

    /** Applies one source schema change (create, drop, rename or alter of a table). */
    void apply(SchemaChange change) throws SQLException;
}
