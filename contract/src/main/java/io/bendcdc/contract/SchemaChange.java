package io.bendcdc.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of one table's schema, in binlog order, as the schema history records it. TRUNCATE is
 * not here: it reaches the data topic as {@code op=t} and never the history.
 */
public sealed interface SchemaChange {

    /** The table the change leaves behind (for a rename: the new name). */
    TableId table();

    /** Where the change happened; it applies to the table's data events with a greater position. */
    BinlogPosition position();

    /** The DDL statement as recorded, for messages only; never parse it for meaning elsewhere. */
    String ddl();

    /** The schema {@code table} has after this change; empty when this change removed it. */
    Optional<TableSchema> schemaAfter(TableId table);

    /** A new table, or a table as the snapshot found it (its baseline). */
    record CreateTable(TableSchema schema, BinlogPosition position, String ddl) implements SchemaChange {
        public CreateTable {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public TableId table() {
            return schema.id();
        }

        @Override
        public Optional<TableSchema> schemaAfter(TableId id) {
            return id.equals(table()) ? Optional.of(schema) : Optional.empty();
        }
    }

    record DropTable(TableId table, BinlogPosition position, String ddl) implements SchemaChange {
        public DropTable {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public Optional<TableSchema> schemaAfter(TableId id) {
            return Optional.empty();
        }
    }

    /** The table {@code from} now is {@code to}, with its data; {@code schema} is its schema after the rename. */
    record RenameTable(TableId from, TableId to, TableSchema schema, BinlogPosition position, String ddl)
            implements SchemaChange {
        public RenameTable {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public TableId table() {
            return to;
        }

        @Override
        public Optional<TableSchema> schemaAfter(TableId id) {
            return id.equals(to) ? Optional.of(schema) : Optional.empty();
        }
    }

    /**
     * The table's columns or key changed.
     *
     * @param before        the schema before; null when the history did not know the table
     *                      (then {@code columnChanges} holds only the renames the statement names)
     * @param after         the whole schema after the change
     * @param columnChanges renames first (in statement order), then drops, adds and modifications
     */
    record AlterTable(TableSchema before, TableSchema after, List<ColumnChange> columnChanges,
            BinlogPosition position, String ddl) implements SchemaChange {
        public AlterTable {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(position, "position");
            columnChanges = List.copyOf(columnChanges);
        }

        @Override
        public TableId table() {
            return after.id();
        }

        @Override
        public Optional<TableSchema> schemaAfter(TableId id) {
            return id.equals(table()) ? Optional.of(after) : Optional.empty();
        }
    }
}
