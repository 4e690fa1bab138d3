package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.bendcdc.contract.BinlogPosition;

class StateTableTest {

    private final StateTable table = new StateTable("cdc_state");

    @Test
    void theStateRowOfAPartitionIsReplacedByTopicAndPartition() {
        assertThat(table.upsert(new AppliedState("cdc.shop.t", 0, 41, BinlogPosition.of("bin.000002", 1234, 3))))
                .isEqualTo("REPLACE INTO \"cdc_state\".\"applied_offsets\" (\"topic\", \"partition\", \"kafka_offset\", "
                        + "\"binlog_file\", \"binlog_pos\", \"binlog_row\", \"applied_at\") ON (\"topic\", \"partition\") "
                        + "VALUES ('cdc.shop.t', 0, 41, 'bin.000002', 1234, 3, now())");
    }

    @Test
    void aPartitionThatStreamedNothingYetHasNoBinlogPosition() {
        assertThat(table.upsert(new AppliedState("cdc.shop.it's", 2, 7, null)))
                .endsWith("VALUES ('cdc.shop.it''s', 2, 7, NULL, NULL, NULL, now())");
    }

    @Test
    void statementsCreateAndReadTheTable() {
        assertThat(table.createDatabase()).isEqualTo("CREATE DATABASE IF NOT EXISTS \"cdc_state\"");
        assertThat(table.createTable()).startsWith("CREATE TABLE IF NOT EXISTS \"cdc_state\".\"applied_offsets\" (");
        assertThat(table.select("cdc.shop.t", 1)).isEqualTo("SELECT \"topic\", \"partition\", \"kafka_offset\", "
                + "\"binlog_file\", \"binlog_pos\", \"binlog_row\", \"applied_at\" FROM \"cdc_state\".\"applied_offsets\" "
                + "WHERE \"topic\" = 'cdc.shop.t' AND \"partition\" = 1");
    }

    @Test
    void aStatementMovingDataBetweenNamesIsRecordedOnceForTheBinlogItCameFrom() {
        BinlogPosition at = BinlogPosition.of("bin.000002", 1234, 0);
        assertThat(table.upsertDdl("cdc", at, StateTable.DdlStep.APPLIED, "RENAME TABLE a TO b"))
                .isEqualTo("REPLACE INTO \"cdc_state\".\"applied_ddl\" (\"source\", \"binlog_file\", \"binlog_pos\", "
                        + "\"step\", \"ddl\", \"applied_at\") ON (\"source\", \"binlog_file\", \"binlog_pos\") VALUES ('cdc', "
                        + "'bin.000002', 1234, 'APPLIED', 'RENAME TABLE a TO b', now())");
        assertThat(table.selectDdl("cdc", at)).isEqualTo("SELECT \"step\" FROM \"cdc_state\".\"applied_ddl\" WHERE "
                + "\"source\" = 'cdc' AND \"binlog_file\" = 'bin.000002' AND \"binlog_pos\" = 1234");
        assertThat(table.createDdlTable()).startsWith("CREATE TABLE IF NOT EXISTS \"cdc_state\".\"applied_ddl\" (");
    }
}
