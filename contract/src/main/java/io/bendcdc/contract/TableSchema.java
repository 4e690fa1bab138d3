package io.bendcdc.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A source table's columns, in order, and its primary key (empty when it has none). */
public record TableSchema(TableId id, List<ColumnSchema> columns, List<String> primaryKey) {

    public TableSchema {
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public Optional<ColumnSchema> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public TableSchema withId(TableId newId) {
        return new TableSchema(newId, columns, primaryKey);
    }
}
