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
    static final String DDL_TABLE = "applied_ddl";

    /** How far a statement moving data between names (RENAME TABLE …) has got in Databend. */
    public enum DdlStep {
        /** Nothing done yet. */
        NONE,
        /** Begun, and maybe not finished: the applier stopped in the middle. */
        STARTED,
        APPLIED
    }

    private static final String COLUMNS = "\"topic\", \"partition\", \"kafka_offset\", \"binlog_file\", \"binlog_pos\", "
            + "\"binlog_row\", \"applied_at\"";

    private final String qualified;
    private final String qualifiedDdl;
    private final String database;

    public StateTable(String database) {
        this.database = database;
        this.qualified = Identifiers.quote(database) + "." + Identifiers.quote(TABLE);
        this.qualifiedDdl = Identifiers.quote(database) + "." + Identifiers.quote(DDL_TABLE);
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

    /**
     * The statements that move data between names, one row each, keyed by the source's schema
     * change topic (one binlog) and position: their tables' partitions share them, so no one
     * partition's row can say whether they ran.
     */
    String createDdlTable() {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedDdl + " (\"source\" String NOT NULL, \"binlog_file\" String NOT NULL, "
                + "\"binlog_pos\" Int64 NOT NULL, \"step\" String NOT NULL, \"ddl\" String NOT NULL, "
                + "\"applied_at\" Timestamp NOT NULL)";
    }

    String selectDdl(String source, BinlogPosition p) {
        return "SELECT \"step\" FROM " + qualifiedDdl + " WHERE \"source\" = " + Literals.string(source)
                + " AND \"binlog_file\" = " + Literals.string(p.file()) + " AND \"binlog_pos\" = " + p.pos();
    }

    String upsertDdl(String source, BinlogPosition p, DdlStep step, String ddl) {
        return "REPLACE INTO " + qualifiedDdl + " (\"source\", \"binlog_file\", \"binlog_pos\", \"step\", \"ddl\", "
                + "\"applied_at\") ON (\"source\", \"binlog_file\", \"binlog_pos\") VALUES (" + Literals.string(source)
                + ", " + Literals.string(p.file()) + ", " + p.pos() + ", " + Literals.string(step.name()) + ", "
                + Literals.string(ddl) + ", now())";
    }

    void create(Connection c) throws SQLException {
        DatabendSession.execute(c, createDatabase());
        DatabendSession.execute(c, createTable());
        DatabendSession.execute(c, createDdlTable());
    }

    DdlStep readDdl(Connection c, String source, BinlogPosition p) throws SQLException {
        DdlStep[] step = {DdlStep.NONE};
        DatabendSession.query(c, selectDdl(source, p), rs -> step[0] = DdlStep.valueOf(rs.getString(1)));
        return step[0];
    }

    void writeDdl(Connection c, String source, BinlogPosition p, DdlStep step, String ddl) throws SQLException {
        DatabendSession.execute(c, upsertDdl(source, p, step, ddl));
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
