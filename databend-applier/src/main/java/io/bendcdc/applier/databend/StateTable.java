package io.bendcdc.applier.databend;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.bendcdc.contract.BinlogPosition;

/**
 * The applier's record, in Databend, of what it has applied per topic partition. Written in the
 * same transaction as the batch it describes, so that the target and this record never disagree.
 * The statements are pure; {@link #read} and {@link #readAll} run them.
 */
public final class StateTable {

    static final String TABLE = "applied_offsets";

    private static final String COLUMNS = "\"topic\", \"partition\", \"kafka_offset\", \"binlog_file\", \"binlog_pos\", "
            + "\"binlog_row\", \"applied_at\"";

    private final String qualified;
    private final String database;

    public StateTable(String database) {
        this.database = database;
        this.qualified = Identifiers.quote(database) + "." + Identifiers.quote(TABLE);
    }

    /** A partition's row as {@link #readAll} finds it. */
    public record Row(AppliedState state, String appliedAt) {
    }

    String createDatabase() {
        return "CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database);
    }

    String createTable() {
        return "CREATE TABLE IF NOT EXISTS " + qualified + " (\"topic\" String NOT NULL, \"partition\" Int32 NOT NULL, "
                + "\"kafka_offset\" Int64 NOT NULL, \"binlog_file\" String NULL, \"binlog_pos\" Int64 NULL, "
                + "\"binlog_row\" Int32 NULL, \"applied_at\" Timestamp NOT NULL)";
    }

    String select(String topic, int partition) {
        return "SELECT " + COLUMNS + " FROM " + qualified + " WHERE \"topic\" = " + Literals.string(topic)
                + " AND \"partition\" = " + partition;
    }

    String selectAll() {
        return "SELECT " + COLUMNS + " FROM " + qualified;
    }

    String upsert(AppliedState s) {
        BinlogPosition p = s.lastStreamed();
        return "REPLACE INTO " + qualified + " (" + COLUMNS + ") ON (\"topic\", \"partition\") VALUES ("
                + Literals.string(s.topic()) + ", " + s.partition() + ", " + s.kafkaOffset() + ", "
                + (p == null ? "NULL, NULL, NULL" : Literals.string(p.file()) + ", " + p.pos() + ", " + p.row())
                + ", now())";
    }

    void create(Connection c) throws SQLException {
        DatabendSession.execute(c, createDatabase());
        DatabendSession.execute(c, createTable());
    }

    AppliedState read(Connection c, String topic, int partition) throws SQLException {
        List<Row> rows = rows(c, select(topic, partition));
        return rows.isEmpty() ? AppliedState.none(topic, partition) : rows.get(0).state();
    }

    /**
     * Every partition's row; empty when the applier has written nothing yet (no state table).
     */
    public List<Row> readAll(Connection c) throws SQLException {
        try {
            return rows(c, selectAll());
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Unknown database") || m.contains("Unknown table")) {
                return List.of();
            }
            throw e;
        }
    }

    private static List<Row> rows(Connection c, String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        DatabendSession.query(c, sql, rs -> {
            String file = rs.getString(4);
            BinlogPosition streamed = file == null ? null : BinlogPosition.of(file, rs.getLong(5), rs.getInt(6));
            rows.add(new Row(new AppliedState(rs.getString(1), rs.getInt(2), rs.getLong(3), streamed), rs.getString(7)));
        });
        return rows;
    }
}
