package io.bendcdc.it.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;


import org.apache.kafka.connect.source.SourceRecord;

import io.bendcdc.applier.decode.ChangeEvent;
import io.bendcdc.it.contract.ColumnType.Cell;
import io.bendcdc.it.contract.DebeziumRecords.Position;

/**
 * One change of a source table: the record the connector emits for it, and the {@link ChangeEvent}
 * the applier must read from that record, built from the source values alone.
 *
 * @param before the row before the change (update, delete); else null
 * @param after  the row after the change (create, update, read); else null
 */
record Change(Kind kind, SourceTable table, Cell[] before, Cell[] after, Position at, SourceRecord record) {

    /** What the connector emits: a change envelope with its op letter, or a delete's tombstone. */
    enum Kind {
        CREATE('c'), UPDATE('u'), DELETE('d'), READ('r'), TRUNCATE('t'), TOMBSTONE('-');

        final char op;

        Kind(char op) {
            this.op = op;
        }
    }

    static Change create(DebeziumRecords connector, SourceTable table, Cell[] after, Position at) {
        return new Change(Kind.CREATE, table, null, after, at, connector.create(table, after, at));
    }

    static Change read(DebeziumRecords connector, SourceTable table, Cell[] after, Position at) {
        return new Change(Kind.READ, table, null, after, at, connector.read(table, after, at));
    }

    static Change update(DebeziumRecords connector, SourceTable table, Cell[] before, Cell[] after, Position at) {
        return new Change(Kind.UPDATE, table, before, after, at, connector.update(table, before, after, at));
    }

    static Change delete(DebeziumRecords connector, SourceTable table, Cell[] before, Position at) {
        return new Change(Kind.DELETE, table, before, null, at, connector.delete(table, before, at));
    }

    static Change tombstone(DebeziumRecords connector, SourceTable table, Cell[] deleted, Position at) {
        return new Change(Kind.TOMBSTONE, table, deleted, null, at, connector.tombstone(table, deleted, at));
    }

    static Change truncate(DebeziumRecords connector, SourceTable table, Position at) {
        return new Change(Kind.TRUNCATE, table, null, null, at, connector.truncate(table, at));
    }

    /** The change the applier must decode; empty for a tombstone. */
    Optional<ChangeEvent> expected() {
        if (kind == Kind.TOMBSTONE) {
            return Optional.empty();
        }
        ChangeEvent.Op op = switch (kind) {
            case CREATE, UPDATE, READ -> ChangeEvent.Op.UPSERT;
            case DELETE -> ChangeEvent.Op.DELETE;
            default -> ChangeEvent.Op.TRUNCATE;
        };
        Map<String, Object> key = kind == Kind.TRUNCATE ? Map.of() : key(kind == Kind.DELETE ? before : after);
        return Optional.of(new ChangeEvent(table.id(), op, key, image(after), image(before), at.isSnapshot(),
                ChangeEvent.InTableSnapshot.of(at.snapshot() == null ? null : at.snapshot().toString().toLowerCase(
                        java.util.Locale.ROOT)), at.file(),
                at.pos(), at.row(), at.gtid(), at.tsMs(), kind.op));
    }

    /** The primary key's decoded values in key order; empty for a table without one. */
    Map<String, Object> key(Cell[] row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String column : table.primaryKey()) {
            key.put(column, row[table.index(column)].decoded());
        }
        return key;
    }

    /** Column name to decoded value, in column order; null for no image. */
    Map<String, Object> image(Cell[] row) {
        if (row == null) {
            return null;
        }
        Map<String, Object> image = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
            image.put(table.columns().get(i).name(), row[i].decoded());
        }
        return image;
    }

    /** The source value of a column in an image or the key, for messages. */
    Cell cell(String image, String column) {
        Cell[] row = switch (image) {
            case "before" -> before;
            case "after" -> after;
            default -> kind == Kind.DELETE || kind == Kind.TOMBSTONE ? before : after;
        };
        return row == null ? Cell.NULL : row[table.index(column)];
    }

    @Override
    public String toString() {
        return kind + " " + table.id() + " at " + at;
    }
}
