package io.bendcdc.contract;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A place in the source's binlog, as Debezium reports it for data events ({@code source.file/pos/row})
 * and for schema history records ({@code position.file/pos}).
 *
 * <p>Ordering, as the MariaDB samples show it (samples/ddl/README.md):
 * <ul>
 * <li>Files compare by the number after their last '.', then by name, so {@code mariadb-bin.000009}
 * comes before {@code mariadb-bin.000010}, and a rollover past 999999 still sorts right.</li>
 * <li>In one file, order by (pos, row). A data event's pos is its rows event; a history record's pos
 * is the start of the DDL's GTID event, i.e. the end of the previous transaction. So a DDL lies
 * strictly between the data events before and after it, and it applies to its table's data with a
 * greater position.</li>
 * <li>All snapshot records (data {@code op=r} and the baseline DDL) share the pos the snapshot read.
 * The first streamed DDL can have that same pos (its GTID event starts where the snapshot stopped),
 * so at an equal (file, pos, row) a snapshot position sorts before a streamed one.</li>
 * </ul>
 * A history record's own {@code event}/{@code row} are skip counts for a restart, not a row index;
 * they are not part of the position.
 *
 * @param file     binlog file name, never null
 * @param pos      byte offset in the file
 * @param row      row index inside a rows event; 0 for DDL
 * @param snapshot true for positions of snapshot records (initial or incremental)
 */
public record BinlogPosition(String file, long pos, int row, boolean snapshot) implements Comparable<BinlogPosition> {

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
    }

    /** A streamed (non-snapshot) position. */
    public static BinlogPosition of(String file, long pos, int row) {
        return new BinlogPosition(file, pos, row, false);
    }

    /**
     * From a data event's {@code source} block: file, pos, row, snapshot.
     *
     * @throws IllegalArgumentException when file or pos is missing
     */
    public static BinlogPosition fromSource(JsonNode source) {
        return new BinlogPosition(requiredText(source, Envelope.Source.FILE), requiredLong(source, Envelope.Source.POS),
                source.path(Envelope.Source.ROW).asInt(0), isSnapshotFlag(source.get(Envelope.Source.SNAPSHOT)));
    }

    /**
     * From a schema history record's {@code position} block; its event/row skip counts are ignored.
     *
     * @throws IllegalArgumentException when file or pos is missing
     */
    public static BinlogPosition fromHistory(JsonNode position) {
        return new BinlogPosition(requiredText(position, "file"), requiredLong(position, "pos"), 0,
                isSnapshotFlag(position.get("snapshot")));
    }

    /**
     * Debezium marks snapshot records with {@code snapshot} = {@code true}, {@code "true"},
     * {@code "first"}, {@code "last"}, {@code "incremental"}, {@code "INITIAL"}...; streamed ones
     * have none, {@code false} or {@code "false"}.
     */
    public static boolean isSnapshotFlag(JsonNode flag) {
        if (flag == null || flag.isNull() || flag.isMissingNode()) {
            return false;
        }
        if (flag.isBoolean()) {
            return flag.booleanValue();
        }
        String s = flag.asText();
        return !s.isEmpty() && !s.equalsIgnoreCase("false");
    }

    /** Compared for every change the applier reads: the file name is parsed only when files differ. */
    @Override
    public int compareTo(BinlogPosition o) {
        if (!file.equals(o.file)) {
            int byNumber = Long.compare(fileNumber(file), fileNumber(o.file));
            return byNumber != 0 ? byNumber : file.compareTo(o.file);
        }
        int c = Long.compare(pos, o.pos);
        if (c == 0) {
            c = Integer.compare(row, o.row);
        }
        return c != 0 ? c : Boolean.compare(!snapshot, !o.snapshot);
    }

    /**
     * The place right after the DDL at this (history) position: its own (file, pos) with row 1.
     * Every change at this position is in force there, and every data event after the DDL lies
     * after it (a rows event starts past the DDL's own events). A partition that applied a DDL with
     * no row after it records this.
     */
    public BinlogPosition afterDdl() {
        return new BinlogPosition(file, pos, 1, false);
    }

    public boolean isAfter(BinlogPosition o) {
        return compareTo(o) > 0;
    }

    /** The number after the last '.', or -1 when there is none (then only the name orders). */
    private static long fileNumber(String file) {
        int dot = file.lastIndexOf('.');
        if (dot < 0 || dot == file.length() - 1) {
            return -1;
        }
        try {
            return Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("binlog position has no '" + field + "': " + node);
        }
        return v.asText();
    }

    private static long requiredLong(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException("binlog position has no numeric '" + field + "': " + node);
        }
        return v.asLong();
    }

    @Override
    public String toString() {
        return file + ":" + pos + (row != 0 ? "#" + row : "") + (snapshot ? " (snapshot)" : "");
    }
}
