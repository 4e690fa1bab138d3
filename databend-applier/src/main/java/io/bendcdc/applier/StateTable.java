package io.bendcdc.applier;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.bendcdc.applier.sql.Identifiers;
import io.bendcdc.applier.sql.Literals;
import io.bendcdc.contract.BinlogPosition;

/**
 * The applier's record, in Databend, of what it has applied per topic partition. Written in the
 * same transaction as the batch it describes, so that the target and this record never disagree.
 */
final class StateTable {

    static final String TABLE = "applied_offsets";

    private final String qualified;
    private final String database;

    StateTable(String database) {
        this.database = database;
        this.qualified = Identifiers.quote(database) + "." + Identifiers.quote(TABLE);
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
        return "SELECT \"kafka_offset\", \"binlog_file\", \"binlog_pos\", \"binlog_row\" FROM " + qualified
                + " WHERE \"topic\" = " + Literals.string(topic) + " AND \"partition\" = " + partition;
    }

    String upsert(AppliedState s) {
        BinlogPosition p = s.lastStreamed();
        return "REPLACE INTO " + qualified + " (\"topic\", \"partition\", \"kafka_offset\", \"binlog_file\", "
                + "\"binlog_pos\", \"binlog_row\", \"applied_at\") ON (\"topic\", \"partition\") VALUES ("
                + Literals.string(s.topic()) + ", " + s.partition() + ", " + s.kafkaOffset() + ", "
                + (p == null ? "NULL, NULL, NULL" : Literals.string(p.file()) + ", " + p.pos() + ", " + p.row())
                + ", now())";
    }

    void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(createDatabase());
            st.execute(createTable());
        }
    }

    AppliedState read(Connection c, String topic, int partition) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select(topic, partition))) {
            if (!rs.next()) {
                return AppliedState.none(topic, partition);
            }
            String file = rs.getString(2);
            BinlogPosition streamed = file == null ? null : BinlogPosition.of(file, rs.getLong(3), rs.getInt(4));
            return new AppliedState(topic, partition, rs.getLong(1), streamed);
        }
    }

}
