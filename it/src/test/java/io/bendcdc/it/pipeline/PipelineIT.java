package io.bendcdc.it.pipeline;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.bendcdc.applier.ApplierMetrics;
import io.bendcdc.applier.DatabendApplier;
import io.bendcdc.config.SourceConnector;
import io.bendcdc.config.OffsetStorage;
import io.bendcdc.engine.CdcEngine;
import io.bendcdc.engine.EngineSettings;
import io.bendcdc.engine.OffsetSettings;
import io.bendcdc.it.support.ApplierFixture;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.TableDump;

/** MariaDB → engine → Kafka → applier → Databend: the target converges to the source. */
class PipelineIT {

    @Test
    void snapshotChangesAndDdlConvergeToTheSource() {
        // given a source table with rows, and the pipeline running
        String db = EngineFixture.unique("pipe");
        String prefix = EngineFixture.unique("pipe");
        mariadb("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), n DECIMAL(12,2), ts DATETIME(6))",
                "INSERT INTO t VALUES (1,'one',1.10,'2024-01-01 00:00:00.000001'),(2,'two',2.20,NULL),"
                        + "(3,'',3.30,'2024-03-03 03:03:03.333333')");
        withPipeline(db, prefix, applier -> {
            awaitSame(db, "id, v, n, ts", applier);

            // when rows change, one key changes three times, a key changes, and columns are added, renamed, dropped
            mariadb("USE " + db,
                    "INSERT INTO t VALUES (4,'four',4.40,NULL)",
                    "UPDATE t SET v='uno' WHERE id=1",
                    "UPDATE t SET v='x' WHERE id=4", "DELETE FROM t WHERE id=4", "INSERT INTO t VALUES (4,'back',0,NULL)",
                    "UPDATE t SET id=20 WHERE id=2",
                    "DELETE FROM t WHERE id=3");
            awaitSame(db, "id, v, n, ts", applier);
            mariadb("USE " + db,
                    "ALTER TABLE t ADD COLUMN d VARCHAR(5) NOT NULL DEFAULT 'x'",
                    "INSERT INTO t (id, v, n, d) VALUES (5,'five',5,'dd')",
                    "ALTER TABLE t RENAME COLUMN v TO v2",
                    "INSERT INTO t (id, v2, n, d) VALUES (6,'six',6,'e')",
                    "ALTER TABLE t MODIFY n DECIMAL(20,4)",
                    "UPDATE t SET n = 1234.5678 WHERE id = 1");
            awaitSame(db, "id, v2, n, ts, d", applier);
            mariadb("USE " + db, "ALTER TABLE t DROP COLUMN d", "INSERT INTO t (id, v2) VALUES (7,'seven')");
            awaitSame(db, "id, v2, n, ts", applier);
            mariadb("USE " + db, "TRUNCATE TABLE t", "INSERT INTO t (id, v2) VALUES (8,'after truncate')");

            // then Databend holds exactly what MariaDB holds
            awaitSame(db, "id, v2, n, ts", applier);
        });
    }

    @Test
    void aChangeRightAfterADdlIsAppliedUnderTheNewSchema() {
        // given the pipeline running and just done applying a change, so it has just read the schema history
        String db = EngineFixture.unique("ddlrace");
        String prefix = EngineFixture.unique("ddlrace");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t VALUES (1,'one')");
        withPipeline(db, prefix, applier -> {
            awaitSame(db, "id, v", applier);
            StringBuilder columns = new StringBuilder("id, v");
            for (int i = 1; i <= 5; i++) {
                mariadb("USE " + db, "UPDATE t SET v='round " + i + "' WHERE id=1");
                awaitSame(db, columns.toString(), applier);

                // when a column is added and at once given a value other than its default
                mariadb("USE " + db, "ALTER TABLE t ADD COLUMN c" + i + " VARCHAR(10) NOT NULL DEFAULT 'default'",
                        "UPDATE t SET c" + i + "='set' WHERE id=1");
                columns.append(", c").append(i);

                // then Databend has the value, not the default the ALTER gave the row
                awaitSame(db, columns.toString(), applier);
            }
        });
    }

    @Test
    void aDroppedTableIsDroppedInDatabendAndCanBeCreatedAgain() {
        // given two tables copied to Databend
        String db = EngineFixture.unique("drop");
        String prefix = EngineFixture.unique("drop");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "CREATE TABLE keep (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1,'one'),(2,'two')",
                "INSERT INTO keep VALUES (1)");
        withPipeline(db, prefix, applier -> {
            awaitSame(db, "id, v", applier);

            // when one is changed and then dropped, with no change after it
            mariadb("USE " + db, "INSERT INTO t VALUES (3,'three')", "DROP TABLE t");

            // then it is dropped in Databend, and the other is left alone
            String tables = "SELECT name FROM system.tables WHERE database = '" + db + "' ORDER BY name";
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(TableDump.databend(tables)).containsExactly(List.of("keep")));

            // and when it is created again with other columns, Databend has only the new table's rows
            mariadb("USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, w INT)", "INSERT INTO t VALUES (7, 70)");
            awaitSame(db, "id, w", applier);
        });
    }

    @Test
    void aTableDroppedAndCreatedAgainAtOnceHoldsOnlyTheNewTablesRows() {
        // given a table copied to Databend
        String db = EngineFixture.unique("recreate");
        String prefix = EngineFixture.unique("recreate");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t VALUES (1,'one'),(2,'two')");
        withPipeline(db, prefix, applier -> {
            awaitSame(db, "id, v", applier);

            // when it is dropped and created again with other columns, and written at once
            mariadb("USE " + db, "INSERT INTO t VALUES (3,'three')", "DROP TABLE t",
                    "CREATE TABLE t (id INT PRIMARY KEY, w INT)", "INSERT INTO t VALUES (7, 70), (8, 80)");

            // then Databend has the new table's columns and rows only
            awaitSame(db, "id, w", applier);
            String columns = "SELECT name FROM system.columns WHERE database = '" + db + "' AND table = 't' ORDER BY name";
            assertThat(TableDump.databend(columns)).containsExactly(List.of("id"), List.of("w"));
        });
    }

    @Test
    void aNullInAColumnWithADefaultStaysNull() {
        // given nullable columns with defaults, holding NULL in a row the snapshot reads
        String db = EngineFixture.unique("nulldef");
        String prefix = EngineFixture.unique("nulldef");
        mariadb("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20) NULL DEFAULT 'dflt', n INT NULL DEFAULT 7,"
                        + " ts DATETIME(6) NULL DEFAULT '2000-01-01 00:00:00.000001')",
                "INSERT INTO t VALUES (1, NULL, NULL, NULL)", "INSERT INTO t (id) VALUES (2)");
        withPipeline(db, prefix, applier -> {
            awaitSame(db, "id, v, n, ts", applier);

            // when NULL is inserted, and set over a default, while streaming
            mariadb("USE " + db, "INSERT INTO t VALUES (3, NULL, NULL, NULL)", "INSERT INTO t (id) VALUES (4)",
                    "UPDATE t SET v = NULL, n = NULL, ts = NULL WHERE id = 4");

            // then Databend holds NULL where the source does, and the defaults where it has them
            awaitSame(db, "id, v, n, ts", applier);
            assertThat(TableDump.databend("SELECT \"id\" FROM \"" + db + "\".\"t\" WHERE \"v\" IS NULL ORDER BY \"id\""))
                    .containsExactly(List.of("1"), List.of("3"), List.of("4"));
        });
    }

    @Test
    void everyYearArrivesExactlyFromTheSnapshotAndTheBinlog() {
        // given every kind of YEAR in a snapshot: the zero year, both ends, both sides of 1970 and 2000
        String db = EngineFixture.unique("year");
        String prefix = EngineFixture.unique("year");
        String years = "0, 1901, 1969, 1970, 1999, 2000, 2069, 2070, 2155";
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, y YEAR NULL)",
                "INSERT INTO t VALUES (1, NULL)",
                "INSERT INTO t SELECT 10 + seq, ELT(seq, " + years + ") FROM seq_1_to_9");
        String source = "SELECT id, CAST(y AS UNSIGNED) FROM " + db + ".t ORDER BY id";
        String target = "SELECT \"id\", \"y\" FROM \"" + db + "\".\"t\" ORDER BY \"id\"";
        withPipeline(db, prefix, applier -> {
            awaitSameRows(source, target, applier);

            // when the same years are streamed, and a year is set to the zero year and back
            mariadb("USE " + db, "INSERT INTO t SELECT 100 + seq, ELT(seq, " + years + ") FROM seq_1_to_9",
                    "UPDATE t SET y = 0 WHERE id = 1", "UPDATE t SET y = 2155 WHERE id = 11");

            // then Databend holds each year as the source does
            awaitSameRows(source, target, applier);
            assertThat(TableDump.databend(target)).hasSize(19);
        });
    }

    @Test
    void columnsAddedByOneAlterGiveTheRowsAlreadyThereWhatTheSourceGaveThem() {
        // given rows copied to Databend
        String db = EngineFixture.unique("adddef");
        String prefix = EngineFixture.unique("adddef");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY)",
                "INSERT INTO t VALUES (1), (2), (3)");
        String source = "SELECT id, m1, DATE_FORMAT(m2, '%Y-%m-%d %H:%i:%s.%f'), b1, DATE_FORMAT(d, '%Y-%m-%d'), bt + 0,"
                + " HEX(vb), HEX(bn), CAST(tm AS CHAR), dc, f, e, s, n, c, txt, nn FROM " + db + ".t ORDER BY id";
        String target = "SELECT \"id\", \"m1\", TO_STRING(\"m2\"), CAST(\"b1\" AS INT), TO_STRING(\"d\"),"
                + " CAST(\"bt\" AS INT), UPPER(HEX(\"vb\")), UPPER(HEX(\"bn\")), \"tm\", \"dc\", \"f\", \"e\", \"s\", \"n\","
                + " \"c\", \"txt\", \"nn\" FROM \"" + db + "\".\"t\" ORDER BY \"id\"";
        withPipeline(db, prefix, applier -> {
            awaitSame(db, "id", applier);

            // when one ALTER adds columns of many types, with declared defaults and with implicit ones
            mariadb("USE " + db, "ALTER TABLE t ADD COLUMN m1 INT DEFAULT 1,"
                    + " ADD COLUMN m2 DATETIME(6) DEFAULT '2000-01-01 00:00:00.000001',"
                    + " ADD COLUMN b1 TINYINT(1) NOT NULL DEFAULT 1, ADD COLUMN d DATE NOT NULL DEFAULT '2020-02-29',"
                    + " ADD COLUMN bt BIT(1) DEFAULT b'1', ADD COLUMN vb VARBINARY(8) DEFAULT 'ab',"
                    + " ADD COLUMN bn BINARY(4) DEFAULT 'ab', ADD COLUMN tm TIME(3) DEFAULT '12:34:56.789',"
                    + " ADD COLUMN dc DECIMAL(10,2) DEFAULT 12.5, ADD COLUMN f DOUBLE DEFAULT 1.5,"
                    + " ADD COLUMN e ENUM('x','y') NOT NULL, ADD COLUMN s VARCHAR(10) NOT NULL, ADD COLUMN n INT NOT NULL,"
                    + " ADD COLUMN c CHAR(3) DEFAULT 'ab ', ADD COLUMN txt VARCHAR(20) DEFAULT 'it''s',"
                    + " ADD COLUMN nn INT NULL",
                    "INSERT INTO t (id, e, s, n) VALUES (4, 'y', 'v', 9)");

            // then the rows already there hold in Databend what they hold in the source
            awaitSameRows(source, target, applier);
        });
    }

    @Test
    void columnsAddedWithValuesOnlyTheSourceKnowsAreReadAgainFromTheSource() {
        // given rows copied to Databend
        String db = EngineFixture.unique("reread");
        String prefix = EngineFixture.unique("reread");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO t SELECT seq, seq * 3 FROM seq_1_to_50");
        String source = "SELECT id, v, DATE_FORMAT(CONVERT_TZ(ts, @@session.time_zone, '+00:00'), '%Y-%m-%d %H:%i:%s.%f'),"
                + " DATE_FORMAT(dt, '%Y-%m-%d %H:%i:%s.%f'), g, HEX(hb), HEX(vb) FROM " + db + ".t ORDER BY id";
        String target = "SELECT \"id\", \"v\", TO_STRING(\"ts\"), TO_STRING(\"dt\"), \"g\", UPPER(HEX(\"hb\")),"
                + " UPPER(HEX(\"vb\")) FROM \"" + db + "\".\"t\" ORDER BY \"id\"";
        withPipeline(db, prefix, applier -> {
            awaitSame(db, "id, v", applier);

            // when one ALTER adds columns whose values on those rows the DDL does not fix, and nothing
            // changes in the source after it
            mariadb("USE " + db, "ALTER TABLE t ADD COLUMN ts TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
                    + " ADD COLUMN dt DATETIME DEFAULT CURRENT_TIMESTAMP, ADD COLUMN g INT AS (id * 10 + v) STORED,"
                    + " ADD COLUMN hb BINARY(3) DEFAULT X'0A0B', ADD COLUMN vb VARBINARY(4) DEFAULT 0xFF00");

            // then the table is read again from the source, once, and the rows hold what they hold there
            Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
                        if (applier.completion().isCompletedExceptionally()) {
                            applier.completion().join();
                        }
                        assertThat(TableDump.databend(target)).isEqualTo(TableDump.mariadb(source));
                    });
            assertThat(applier.metrics().rereads()).isEqualTo(Map.of(db + ".t", 1L));
        });
    }

    @Test
    void aFloatArrivesExactlyFromTheSnapshotAsFromTheBinlog() {
        // given FLOAT values that need more than six digits, read by the snapshot
        String db = EngineFixture.unique("float");
        String prefix = EngineFixture.unique("float");
        String values = "(%d, 123456.703125, 0.1, 16777217, -3.40282e38, 1.17549e-38, NULL)";
        mariadb("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, a FLOAT, b FLOAT, c FLOAT, d FLOAT, e FLOAT, n FLOAT, `we ird` FLOAT)",
                "INSERT INTO t (id, a, b, c, d, e, n) VALUES " + values.formatted(1));
        String source = "SELECT id, a + 0e0, b + 0e0, c + 0e0, d + 0e0, e + 0e0, n + 0e0 FROM " + db + ".t ORDER BY id";
        String target = "SELECT \"id\", CAST(\"a\" AS DOUBLE), CAST(\"b\" AS DOUBLE), CAST(\"c\" AS DOUBLE),"
                + " CAST(\"d\" AS DOUBLE), CAST(\"e\" AS DOUBLE), CAST(\"n\" AS DOUBLE) FROM \"" + db + "\".\"t\" ORDER BY \"id\"";
        withPipeline(db, prefix, applier -> {
            // when the same values are streamed
            mariadb("USE " + db, "INSERT INTO t (id, a, b, c, d, e, n) VALUES " + values.formatted(2));

            // then both rows hold in Databend the singles the source holds
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
                        if (applier.completion().isCompletedExceptionally()) {
                            applier.completion().join();
                        }
                        assertThat(asDoubles(TableDump.databend(target))).isEqualTo(asDoubles(TableDump.mariadb(source)));
                    });
        });
    }

    private static List<List<Double>> asDoubles(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(v -> v == null ? null : Double.valueOf(v)).toList()).toList();
    }

    @Test
    void tablesKeyedByEveryKindOfKeyApplyInsertsUpdatesDeletesAndKeyChanges() {
        // given one table per kind of key MySQL allows, with rows in the snapshot
        String db = EngineFixture.unique("keys");
        String prefix = EngineFixture.unique("keys");
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("k_int", "k INT");
        keys.put("k_ubig", "k BIGINT UNSIGNED");
        keys.put("k_dec", "k DECIMAL(12,2)");
        keys.put("k_bigdec", "k DECIMAL(38,10)");
        keys.put("k_text", "k VARCHAR(20) COLLATE utf8mb4_general_ci");
        keys.put("k_bin", "k VARBINARY(8)");
        keys.put("k_date", "k DATE");
        keys.put("k_dt", "k DATETIME(6)");
        keys.put("k_enum", "k ENUM('a','b','c','d')");
        keys.put("k_mix", "k VARCHAR(10), k2 DECIMAL(10,3), k3 DATE");
        Map<String, String[]> values = Map.of(
                "k_int", new String[] {"1", "2", "3", "4"}, "k_ubig", new String[] {"0", "1", "18446744073709551615", "9"},
                "k_dec", new String[] {"-1.50", "0.00", "9999999999.99", "2.25"},
                "k_bigdec", new String[] {"-1234567890123456789012345678.0123456789", "0", "1E-10", "7"},
                "k_text", new String[] {"'a'", "'b b'", "'ü 😀'", "'A2'"}, "k_bin", new String[] {"0x00", "0xff00", "''", "0x0a"},
                "k_date", new String[] {"'1000-01-01'", "'2024-02-29'", "'9999-12-31'", "'2000-01-01'"},
                "k_dt", new String[] {"'1000-01-01 00:00:00'", "'2024-02-29 12:00:00.000001'", "'9999-12-31 23:59:59.999999'",
                        "'2000-01-01 00:00:00.5'"},
                "k_enum", new String[] {"'a'", "'b'", "'c'", "'d'"},
                "k_mix", new String[] {"'x', 1.5, '2020-01-01'", "'x', 1.5, '2020-01-02'", "'y', -0.001, '2020-01-01'",
                        "'z', 0, '1999-12-31'"});
        List<String> setup = new java.util.ArrayList<>(List.of("CREATE DATABASE " + db, "USE " + db));
        keys.forEach((table, key) -> {
            String keyColumns = table.equals("k_mix") ? "k, k2, k3" : "k";
            String[] v = values.get(table);
            setup.add("CREATE TABLE " + table + " (" + key + ", v INT, PRIMARY KEY (" + keyColumns + "))");
            setup.add("INSERT INTO " + table + " (" + keyColumns + ", v) VALUES (" + v[0] + ", 1), (" + v[1] + ", 2)");
        });
        mariadb(setup.toArray(String[]::new));
        withPipeline(db, prefix, applier -> {
            // when rows are inserted, updated, deleted and re-keyed while streaming
            List<String> changes = new java.util.ArrayList<>(List.of("USE " + db));
            keys.forEach((table, key) -> {
                String keyColumns = table.equals("k_mix") ? "k, k2, k3" : "k";
                String[] v = values.get(table);
                changes.add("INSERT INTO " + table + " (" + keyColumns + ", v) VALUES (" + v[2] + ", 3)");
                changes.add("UPDATE " + table + " SET v = 20 WHERE v = 2");
                changes.add("DELETE FROM " + table + " WHERE v = 1");
                changes.add("UPDATE " + table + " SET " + (table.equals("k_mix") ? "k = 'w'" : "k = " + v[3]) + " WHERE v = 3");
            });
            mariadb(changes.toArray(String[]::new));

            // then each table holds in Databend the rows of the source, keys and values
            Map<String, String[]> keyText = Map.of(
                    "k_bin", new String[] {"HEX(k)", "UPPER(HEX(\"k\"))"},
                    "k_dt", new String[] {"DATE_FORMAT(k, '%Y-%m-%d %H:%i:%s.%f')", "TO_STRING(\"k\")"},
                    "k_text", new String[] {"k", "\"k\""}, "k_enum", new String[] {"k", "\"k\""},
                    "k_mix", new String[] {"CONCAT(k, '|', CAST(k2 AS CHAR), '|', CAST(k3 AS CHAR))",
                            "CONCAT(\"k\", '|', TO_STRING(\"k2\"), '|', TO_STRING(\"k3\"))"});
            keys.keySet().forEach(table -> {
                String[] text = keyText.getOrDefault(table, new String[] {"CAST(k AS CHAR)", "TO_STRING(\"k\")"});
                awaitSameRows("SELECT v, " + text[0] + " FROM " + db + "." + table + " ORDER BY v",
                        "SELECT \"v\", " + text[1] + " FROM \"" + db + "\".\"" + table + "\" ORDER BY \"v\"", applier);
            });
        });
    }

    @Test
    void aColumnNamedNullAndAKeyStartingWithANulByteApply() {
        // given a column named NULL (databend-jdbc reads the text NULL as SQL NULL) and a key of a NUL byte and digits
        String db = EngineFixture.unique("nulls");
        String prefix = EngineFixture.unique("nulls");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, `NULL` INT, b INT)",
                "INSERT INTO t VALUES (1, 1, 1)", "CREATE TABLE z (k VARCHAR(10) PRIMARY KEY, v INT)",
                "INSERT INTO z VALUES (CONCAT(CHAR(0), '24'), 1), ('x', 2)");
        String zSource = "SELECT HEX(k), v FROM " + db + ".z ORDER BY v";
        String zTarget = "SELECT UPPER(HEX(\"k\")), \"v\" FROM \"" + db + "\".\"z\" ORDER BY \"v\"";
        withPipeline(db, prefix, applier -> {
            awaitSameRows(zSource, zTarget, applier);

            // when a column of that table is renamed, and the NUL key is deleted
            mariadb("USE " + db, "ALTER TABLE t RENAME COLUMN b TO c", "INSERT INTO t VALUES (2, 2, 2)",
                    "DELETE FROM z WHERE k = CONCAT(CHAR(0), '24')");

            // then both apply
            awaitSameRows("SELECT id, `NULL`, c FROM " + db + ".t ORDER BY id",
                    "SELECT \"id\", \"NULL\", \"c\" FROM \"" + db + "\".\"t\" ORDER BY \"id\"", applier);
            awaitSameRows(zSource, zTarget, applier);
        });
    }

    @Test
    void schemaChangesWithNoRowAfterThemAreAppliedAtTheirPosition() {
        // given a table copied to Databend
        String db = EngineFixture.unique("ddlonly");
        String prefix = EngineFixture.unique("ddlonly");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT)",
                "INSERT INTO t VALUES (1, 1, 1), (2, 2, 2)");
        withPipeline(db, prefix, applier -> {
            awaitSame(db, "id, a, b", applier);

            // when columns are added, renamed and dropped, and no row of the table changes after that
            mariadb("USE " + db, "UPDATE t SET a = 10 WHERE id = 1", "ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 7",
                    "ALTER TABLE t RENAME COLUMN a TO a2", "ALTER TABLE t DROP COLUMN b");

            // then Databend has the new columns and the rows as the source has them
            awaitSame(db, "id, a2, c", applier);
            String columns = "SELECT name FROM system.columns WHERE database = '" + db + "' AND table = 't' ORDER BY name";
            assertThat(TableDump.databend(columns)).containsExactly(List.of("a2"), List.of("c"), List.of("id"));
        });
    }

    @Test
    void tablesRenamedAloneInAChainAndSwappedCarryTheirRowsAndLeaveNoOldName() {
        // given five tables copied to Databend
        String db = EngineFixture.unique("rename");
        String prefix = EngineFixture.unique("rename");
        mariadb(renameSource(db));
        withPipeline(db, prefix, applier -> {
            awaitTables(db, List.of("a", "b", "c", "d", "e"), applier);

            // when one is renamed and some of its rows change, two are swapped, one is renamed twice in one
            // statement, and one is renamed with no change after it
            mariadb(renames(db));

            // then Databend has the tables under their new names with all their rows, and no old name
            awaitTables(db, List.of("a2", "b", "c", "d3", "e2"), applier);
        });
    }

    @Test
    void renamesAndARecreatedTableReachedAfterARestartApplyInBinlogOrder() {
        // given five tables whose snapshot is applied, and then the applier stopped
        String db = EngineFixture.unique("behind");
        String prefix = EngineFixture.unique("behind");
        mariadb(renameSource(db));
        try (CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MARIADB, prefix, db))) {
            engine.start();
            try (DatabendApplier applier = new DatabendApplier(ApplierFixture.settings(prefix, Map.of(), 1000),
                    new ApplierMetrics())) {
                applier.start();
                awaitTables(db, List.of("a", "b", "c", "d", "e"), applier);
            }

            // when, while it is stopped, tables are renamed, swapped, dropped and created again with other columns
            mariadb(renames(db));
            mariadb("USE " + db, "DROP TABLE c", "CREATE TABLE c (id INT PRIMARY KEY, z VARCHAR(10), y INT)",
                    "INSERT INTO c VALUES (100, 'new c', 1)");

            // then, started again, it brings Databend to the source
            try (DatabendApplier applier = new DatabendApplier(ApplierFixture.settings(prefix, Map.of(), 1000),
                    new ApplierMetrics())) {
                applier.start();
                awaitTables(db, List.of("a2", "b", "c", "d3", "e2"), applier);
            }
        }
    }

    @Test
    void aSnapshotTakenAgainRemovesTheRowsDeletedSinceTheFirstCopy() {
        // given two tables, one of a single row, copied by a snapshot
        String db = EngineFixture.unique("resnap");
        String prefix = EngineFixture.unique("resnap");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "CREATE TABLE u (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1,'one'),(2,'two'),(3,'three'),(4,'four')",
                "INSERT INTO u VALUES (1)");
        EngineSettings first = EngineFixture.settings(SourceConnector.MARIADB, prefix, db);
        try (DatabendApplier applier = new DatabendApplier(ApplierFixture.settings(prefix, Map.of(), 1000),
                new ApplierMetrics())) {
            applier.start();
            try (CdcEngine engine = new CdcEngine(first)) {
                engine.start();
                awaitSame(db, "id, v", applier);
                awaitSameRows("SELECT id FROM " + db + ".u", "SELECT \"id\" FROM \"" + db + "\".\"u\"", applier);
            }

            // when rows are deleted while no engine runs, and the snapshot is taken again (its offsets lost)
            mariadb("USE " + db, "DELETE FROM t WHERE id IN (2, 3)", "DELETE FROM u", "INSERT INTO u VALUES (2)");
            EngineSettings again = new EngineSettings(first.source(), first.capture(), first.kafka(),
                    new OffsetSettings(OffsetStorage.KAFKA, prefix + ".offsets-again", null, 1000));
            try (CdcEngine engine = new CdcEngine(again)) {
                engine.start();

                // then Databend holds only what the second snapshot read
                awaitSame(db, "id, v", applier);
                awaitSameRows("SELECT id FROM " + db + ".u", "SELECT \"id\" FROM \"" + db + "\".\"u\"", applier);
            }
        }
    }

    private static String[] renameSource(String db) {
        return new String[] {"CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(20))", "CREATE TABLE b (id INT PRIMARY KEY, w INT)",
                "CREATE TABLE c (id INT PRIMARY KEY, x VARCHAR(20), w2 INT)", "CREATE TABLE d (id INT PRIMARY KEY, y INT)",
                "CREATE TABLE e (id INT PRIMARY KEY, z INT)",
                "INSERT INTO a VALUES (1,'a1'),(2,'a2'),(3,'a3')", "INSERT INTO b VALUES (1,10),(2,20)",
                "INSERT INTO c VALUES (1,'c1',1),(5,'c5',5)", "INSERT INTO d VALUES (1,1),(2,2)",
                "INSERT INTO e VALUES (1,1)"};
    }

    private static String[] renames(String db) {
        return new String[] {"USE " + db,
                "INSERT INTO a VALUES (4,'a4')", "RENAME TABLE a TO a2", "UPDATE a2 SET v = 'changed' WHERE id = 1",
                "INSERT INTO b VALUES (3,30)", "INSERT INTO c VALUES (6,'c6',6)",
                "RENAME TABLE b TO tmp, c TO b, tmp TO c", "INSERT INTO b VALUES (7,'was c',7)", "DELETE FROM c WHERE id = 1",
                "UPDATE d SET y = 22 WHERE id = 2", "RENAME TABLE d TO d1, d1 TO d2", "RENAME TABLE d2 TO d3",
                "INSERT INTO d3 VALUES (3,3)",
                "INSERT INTO e VALUES (2,2)", "RENAME TABLE e TO e2"};
    }

    /** Waits until Databend has exactly {@code tables} in {@code db}, each holding what the source table of its name holds. */
    private static void awaitTables(String db, List<String> tables, DatabendApplier applier) {
        String names = "SELECT name FROM system.tables WHERE database = '" + db + "' ORDER BY name";
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
            if (applier.completion().isCompletedExceptionally()) {
                applier.completion().join();
            }
            assertThat(TableDump.databend(names)).isEqualTo(tables.stream().map(List::of).toList());
        });
        for (String table : tables) {
            List<List<String>> columns = TableDump.mariadb("SELECT column_name FROM information_schema.columns WHERE "
                    + "table_schema = '" + db + "' AND table_name = '" + table + "' ORDER BY ordinal_position");
            String list = String.join(", ", columns.stream().map(c -> c.get(0)).toList());
            String quoted = String.join(", ", columns.stream().map(c -> "\"" + c.get(0) + "\"").toList());
            awaitSameRows("SELECT " + list + " FROM " + db + "." + table + " ORDER BY id",
                    "SELECT " + quoted + " FROM \"" + db + "\".\"" + table + "\" ORDER BY \"id\"", applier);
        }
    }

    /** Runs {@code steps} while the engine and the applier run for {@code db}. */
    private static void withPipeline(String db, String prefix, Consumer<DatabendApplier> steps) {
        try (CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MARIADB, prefix, db));
                DatabendApplier applier = new DatabendApplier(ApplierFixture.settings(prefix, Map.of(), 1000),
                        new ApplierMetrics())) {
            engine.start();
            applier.start();
            steps.accept(applier);
        }
    }

    static void awaitSame(String db, String columns, DatabendApplier applier) {
        awaitSameRows("SELECT " + columns + " FROM " + db + ".t ORDER BY id", databendSql(db, columns), applier);
    }

    /** Waits until {@code targetSql} reads on Databend what {@code sourceSql} reads on MariaDB. */
    static void awaitSameRows(String sourceSql, String targetSql, DatabendApplier applier) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
            if (applier.completion().isCompletedExceptionally()) {
                applier.completion().join();
            }
            List<List<String>> source = TableDump.mariadb(sourceSql);
            assertThat(TableDump.databend(targetSql)).isEqualTo(source);
        });
    }

    private static String databendSql(String db, String columns) {
        StringBuilder cols = new StringBuilder();
        for (String c : columns.split(",\\s*")) {
            cols.append(cols.length() == 0 ? "" : ", ").append('"').append(c).append('"');
        }
        return "SELECT " + cols + " FROM \"" + db + "\".\"t\" ORDER BY \"id\"";
    }
}
