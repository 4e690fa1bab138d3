package io.bendcdc.it.databend;

import static io.bendcdc.it.databend.DatabendClient.connect;
import static io.bendcdc.it.databend.DatabendClient.count;
import static io.bendcdc.it.databend.DatabendClient.execute;
import static io.bendcdc.it.databend.DatabendClient.rows;
import static io.bendcdc.it.databend.DatabendClient.uniqueDatabase;
import static io.bendcdc.it.databend.DatabendClient.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.databend.jdbc.DatabendConnection;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The local Databend server (local/databend: the embedded engine behind Databend's HTTP query
 * protocol) as databend-jdbc 0.2.8 sees it. Every test works in this class's own database.
 */
@DisplayName("Databend server through databend-jdbc 0.2.8")
class DatabendServerIT {

    static final String DB = uniqueDatabase("it_dbsrv");
    static final AtomicInteger TABLES = new AtomicInteger();

    Connection conn;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = connect("default")) {
            execute(c, "CREATE DATABASE " + DB);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = connect("default")) {
            execute(c, "DROP DATABASE IF EXISTS " + DB);
        }
    }

    @BeforeEach
    void open() throws SQLException {
        conn = connect(DB);
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    /** A fresh table name in this class's database. */
    static String table(String hint) {
        return hint + "_" + TABLES.incrementAndGet();
    }

    @Nested
    @DisplayName("DDL")
    class Ddl {

        @Test
        void createDatabaseMakesItVisibleAndDropRemovesIt() throws SQLException {
            String db = uniqueDatabase("it_dbsrv_ddl");

            execute(conn, "CREATE DATABASE " + db);
            assertThat(rows(conn, "SHOW DATABASES")).extracting(r -> r.get(0)).contains(db);

            execute(conn, "DROP DATABASE " + db);
            assertThat(rows(conn, "SHOW DATABASES")).extracting(r -> r.get(0)).doesNotContain(db);
        }

        @Test
        void createTableMakesItVisibleAndDropRemovesIt() throws SQLException {
            String t = table("ddl");

            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING)");
            assertThat(rows(conn, "SHOW TABLES")).extracting(r -> r.get(0)).contains(t);

            execute(conn, "DROP TABLE " + t);
            assertThat(rows(conn, "SHOW TABLES")).extracting(r -> r.get(0)).doesNotContain(t);
        }

        @Test
        void alterTableAddColumnGivesExistingRowsTheDefault() throws SQLException {
            String t = table("alter_add");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL)", "INSERT INTO " + t + " VALUES (1)");

            execute(conn, "ALTER TABLE " + t + " ADD COLUMN note STRING DEFAULT 'none'");

            assertThat(rows(conn, "SELECT id, note FROM " + t)).containsExactly(List.of("1", "none"));
        }

        @Test
        void alterTableDropColumnRemovesIt() throws SQLException {
            String t = table("alter_drop");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, gone STRING)", "INSERT INTO " + t + " VALUES (1, 'x')");

            execute(conn, "ALTER TABLE " + t + " DROP COLUMN gone");

            assertThat(columns(t)).containsExactly("id");
        }

        @Test
        void alterTableRenameColumnKeepsItsData() throws SQLException {
            String t = table("alter_rename");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, old_name STRING)", "INSERT INTO " + t + " VALUES (1, 'kept')");

            execute(conn, "ALTER TABLE " + t + " RENAME COLUMN old_name TO new_name");

            assertThat(columns(t)).containsExactly("id", "new_name");
            assertThat(value(conn, "SELECT new_name FROM " + t)).isEqualTo("kept");
        }

        @Test
        void alterTableModifyColumnChangesTheTypeAndConvertsData() throws SQLException {
            String t = table("alter_modify");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, n INT)", "INSERT INTO " + t + " VALUES (1, 2147483647)");

            execute(conn, "ALTER TABLE " + t + " MODIFY COLUMN n BIGINT");
            execute(conn, "INSERT INTO " + t + " VALUES (2, 9223372036854775807)");

            assertThat(rows(conn, "SELECT n FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of("2147483647"), List.of("9223372036854775807"));
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT n FROM " + t)) {
                assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("int64");
            }
        }

        private List<String> columns(String t) throws SQLException {
            List<String> names = new ArrayList<>();
            for (List<String> r : rows(conn, "DESC " + t)) {
                names.add(r.get(0));
            }
            return names;
        }
    }

    @Nested
    @DisplayName("queries and DML")
    class QueriesAndDml {

        @Test
        void selectReturnsEveryRowWhenTheResultSpansSeveralPages() throws SQLException {
            // given 25,000 rows and the driver's page size of 10,000 rows
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT number, number * 2 AS twice FROM numbers(25000) ORDER BY number")) {
                long expected = 0;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(expected);
                    assertThat(rs.getLong(2)).isEqualTo(2 * expected);
                    expected++;
                }
                // then all three pages arrived, in order
                assertThat(expected).isEqualTo(25000);
            }
        }

        @Test
        void selectReportsDatabendColumnTypes() throws SQLException {
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT 1::INT32 AS a, 'x'::STRING NULL AS b, 1.5::DECIMAL(10, 2) AS c,"
                         + " now() AS d, parse_json('1') AS e, to_binary('x') AS f, true AS g")) {
                // the driver reads the server's type names (Int32, Nullable(String), Decimal(10, 2), ...)
                // and reports them in its own lower-case spelling
                ResultSetMetaData md = rs.getMetaData();
                assertThat(List.of(md.getColumnTypeName(1), md.getColumnTypeName(2), md.getColumnTypeName(3),
                        md.getColumnTypeName(4), md.getColumnTypeName(5), md.getColumnTypeName(6), md.getColumnTypeName(7)))
                        .containsExactly("int32", "string", "decimal", "timestamp", "variant", "binary", "boolean");
                assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
                assertThat(md.isNullable(2)).isEqualTo(ResultSetMetaData.columnNullable);
                assertThat(md.getColumnType(3)).isEqualTo(Types.DECIMAL);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("1.50");
                assertThat(rs.getBoolean(7)).isTrue();
            }
        }

        @Test
        void insertAddsRows() throws SQLException {
            String t = table("insert");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING)");

            execute(conn, "INSERT INTO " + t + " VALUES (1, 'one'), (2, 'two')");

            assertThat(rows(conn, "SELECT id, name FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of("1", "one"), List.of("2", "two"));
        }

        @Test
        void replaceIntoOnKeyOverwritesMatchingRowsAndInsertsTheOthers() throws SQLException {
            String t = table("replace");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING)",
                    "INSERT INTO " + t + " VALUES (1, 'old'), (2, 'kept')");

            execute(conn, "REPLACE INTO " + t + " (id, name) ON (id) VALUES (1, 'new'), (3, 'added')");

            assertThat(rows(conn, "SELECT id, name FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of("1", "new"), List.of("2", "kept"), List.of("3", "added"));
        }

        @Test
        void replaceIntoRejectsAKeyRepeatedWithinOneStatement() throws SQLException {
            String t = table("replace_dup");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING)");

            assertThatThrownBy(() -> execute(conn, "REPLACE INTO " + t + " ON (id) VALUES (1, 'a'), (1, 'b')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("code=4000")
                    .hasMessageContaining("duplicated data detected");
        }

        @Test
        void deleteRemovesOnlyMatchingRows() throws SQLException {
            String t = table("delete");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL)", "INSERT INTO " + t + " VALUES (1), (2), (3), (4)");

            execute(conn, "DELETE FROM " + t + " WHERE id IN (2, 4)");

            assertThat(rows(conn, "SELECT id FROM " + t + " ORDER BY id")).containsExactly(List.of("1"), List.of("3"));
        }

        @Test
        void aFailingStatementRaisesAnSqlExceptionWithDatabendsCodeAndMessage() {
            assertThatThrownBy(() -> execute(conn, "SELECT * FROM no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("code=1025")
                    .hasMessageContaining("Unknown table")
                    .hasMessageContaining("no_such_table");
        }

        @Test
        void aSyntaxErrorRaisesAnSqlExceptionWithTheParserCode() {
            assertThatThrownBy(() -> execute(conn, "SELEC 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("code=1005");
        }

        @Test
        void theConnectionStaysUsableAfterAFailedStatement() throws SQLException {
            assertThatThrownBy(() -> execute(conn, "SELECT * FROM no_such_table")).isInstanceOf(SQLException.class);

            assertThat(value(conn, "SELECT 41 + 1")).isEqualTo("42");
        }
    }

    @Nested
    @DisplayName("current database")
    class CurrentDatabase {

        @Test
        void theUrlDatabaseIsTheCurrentDatabase() throws SQLException {
            assertThat(value(conn, "SELECT currentDatabase()")).isEqualTo(DB);
        }

        @Test
        void useSwitchesTheCurrentDatabaseForLaterStatements() throws SQLException {
            execute(conn, "USE system");

            assertThat(value(conn, "SELECT currentDatabase()")).isEqualTo("system");
        }

        @Test
        void setSchemaSwitchesTheCurrentDatabase() throws SQLException {
            String t = table("schema");
            try (Connection other = connect("default")) {
                other.setSchema(DB);
                execute(other, "CREATE TABLE " + t + " (id INT)");

                assertThat(value(other, "SELECT currentDatabase()")).isEqualTo(DB);
            }
            assertThat(rows(conn, "SHOW TABLES")).extracting(r -> r.get(0)).contains(t);
        }

        @Test
        void eachConnectionKeepsItsOwnCurrentDatabase() throws SQLException {
            try (Connection other = connect(DB)) {
                execute(other, "USE system");

                assertThat(value(conn, "SELECT currentDatabase()")).isEqualTo(DB);
                assertThat(value(other, "SELECT currentDatabase()")).isEqualTo("system");
            }
        }
    }

    @Nested
    @DisplayName("transactions")
    class Transactions {

        @Test
        void rollbackAfterExplicitBeginDiscardsTheWrites() throws SQLException {
            String t = table("txn_rollback");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL)", "INSERT INTO " + t + " VALUES (1)");
            conn.setAutoCommit(false);

            execute(conn, "BEGIN", "INSERT INTO " + t + " VALUES (2)", "DELETE FROM " + t + " WHERE id = 1");
            assertThat(count(conn, t)).as("own writes are visible inside the transaction").isEqualTo(1);
            conn.rollback();

            assertThat(rows(conn, "SELECT id FROM " + t)).containsExactly(List.of("1"));
        }

        @Test
        void commitAfterExplicitBeginPublishesTheWritesTogether() throws SQLException {
            String t = table("txn_commit");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL)");
            conn.setAutoCommit(false);

            execute(conn, "BEGIN", "INSERT INTO " + t + " VALUES (1)", "INSERT INTO " + t + " VALUES (2)");
            try (Connection other = connect(DB)) {
                assertThat(count(other, t)).as("uncommitted writes are invisible to other connections").isZero();
                conn.commit();
                assertThat(count(other, t)).isEqualTo(2);
            }
        }

        @Test
        void setAutoCommitFalseAloneOpensNoTransactionInDriver028() throws SQLException {
            // databend-jdbc 0.2.8 sends nothing on setAutoCommit(false); rollback() sends ROLLBACK,
            // which does nothing when no BEGIN was sent.
            String t = table("txn_autocommit");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL)");
            conn.setAutoCommit(false);

            execute(conn, "INSERT INTO " + t + " VALUES (1)");
            conn.rollback();

            assertThat(count(conn, t)).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("stage files")
    class StageFiles {

        @Test
        void uploadStreamThroughPresignedUrlPutsTheFileOnTheUserStage() throws SQLException {
            String prefix = "it_presign_" + TABLES.incrementAndGet();
            byte[] csv = "1,one\n2,two\n".getBytes(StandardCharsets.UTF_8);

            conn.unwrap(DatabendConnection.class)
                    .uploadStream("~", prefix, new ByteArrayInputStream(csv), "data.csv", csv.length, false);

            assertThat(rows(conn, "LIST @~/" + prefix + "/")).extracting(r -> r.get(0), r -> r.get(1))
                    .containsExactly(tuple(prefix + "/data.csv", String.valueOf(csv.length)));
        }

        @Test
        void uploadStreamThroughUploadToStageWhenPresignIsDisabled() throws SQLException {
            String prefix = "it_upload_" + TABLES.incrementAndGet();
            byte[] csv = "1,one\n".getBytes(StandardCharsets.UTF_8);
            try (Connection direct = connect(DB, "presigned_url_disabled=true")) {

                direct.unwrap(DatabendConnection.class)
                        .uploadStream("~", prefix, new ByteArrayInputStream(csv), "data.csv", csv.length, false);

                assertThat(rows(direct, "LIST @~/" + prefix + "/")).extracting(r -> r.get(0))
                        .containsExactly(prefix + "/data.csv");
            }
        }

        @Test
        void copyIntoLoadsAnUploadedCsvFile() throws SQLException {
            String t = table("copy");
            String prefix = "it_copy_" + TABLES.incrementAndGet();
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING)");
            upload(prefix, "data.csv", "1,one\n2,\"t,w\"\"o\"\n3,\\N\n");

            execute(conn, "COPY INTO " + t + " FROM @~/" + prefix + "/ FILES = ('data.csv') FILE_FORMAT = (TYPE = CSV)");

            assertThat(rows(conn, "SELECT id, name FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of("1", "one"), List.of("2", "t,w\"o"), Arrays.asList("3", null));
        }

        @Test
        void replaceSelectFromStageUpsertsTheFileRows() throws SQLException {
            String t = table("replace_stage");
            String prefix = "it_replace_" + TABLES.incrementAndGet();
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING)", "INSERT INTO " + t + " VALUES (1, 'old'), (2, 'kept')");
            upload(prefix, "data.csv", "1,new\n3,added\n");

            execute(conn, "REPLACE INTO " + t + " (id, name) ON (id) SELECT $1, $2 FROM @~/" + prefix
                    + "/data.csv (FILE_FORMAT => 'CSV')");

            assertThat(rows(conn, "SELECT id, name FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of("1", "new"), List.of("2", "kept"), List.of("3", "added"));
        }

        @Test
        void removeDeletesAStagedFile() throws SQLException {
            String prefix = "it_remove_" + TABLES.incrementAndGet();
            upload(prefix, "data.csv", "1\n");

            execute(conn, "REMOVE @~/" + prefix + "/data.csv");

            assertThat(rows(conn, "LIST @~/" + prefix + "/")).isEmpty();
        }

        private void upload(String prefix, String name, String content) throws SQLException {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            conn.unwrap(DatabendConnection.class)
                    .uploadStream("~", prefix, new ByteArrayInputStream(bytes), name, bytes.length, false);
        }
    }

    @Nested
    @DisplayName("batches sent as stage attachments")
    class Batches {

        @Test
        void preparedInsertBatchWritesEveryRow() throws SQLException {
            String t = table("batch_insert");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING, ts TIMESTAMP, amount DECIMAL(12, 3), ok BOOLEAN)");

            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " (id, name, ts, amount, ok) VALUES (?, ?, ?, ?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "he,llo \"q\"");
                ps.setString(3, "2024-01-02 03:04:05.123456");
                ps.setBigDecimal(4, new BigDecimal("12.345"));
                ps.setBoolean(5, true);
                ps.addBatch();
                ps.setInt(1, 2);
                ps.setNull(2, java.sql.Types.VARCHAR);
                ps.setNull(3, java.sql.Types.TIMESTAMP);
                ps.setNull(4, java.sql.Types.DECIMAL);
                ps.setBoolean(5, false);
                ps.addBatch();

                assertThat(ps.executeBatch()).containsExactly(1, 1);
            }

            assertThat(rows(conn, "SELECT id, name, ts, amount, ok FROM " + t + " ORDER BY id")).containsExactly(
                    List.of("1", "he,llo \"q\"", "2024-01-02 03:04:05.123456", "12.345", "true"),
                    Arrays.asList("2", null, null, null, "false"));
        }

        @Test
        void preparedReplaceBatchUpsertsByKey() throws SQLException {
            String t = table("batch_replace");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING)", "INSERT INTO " + t + " VALUES (1, 'old'), (2, 'kept')");

            try (PreparedStatement ps = conn.prepareStatement("REPLACE INTO " + t + " (id, name) ON (id) VALUES (?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "new");
                ps.addBatch();
                ps.setInt(1, 3);
                ps.setString(2, "added");
                ps.addBatch();
                ps.executeBatch();
            }

            assertThat(rows(conn, "SELECT id, name FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of("1", "new"), List.of("2", "kept"), List.of("3", "added"));
        }

        @Test
        void preparedReplaceBatchFillsColumnsItDoesNotListWithTheirDefaults() throws SQLException {
            String t = table("batch_replace_default");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING, flag INT DEFAULT 7)");

            try (PreparedStatement ps = conn.prepareStatement("REPLACE INTO " + t + " (id, name) ON (id) VALUES (?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "x");
                ps.addBatch();
                ps.executeBatch();
            }

            assertThat(rows(conn, "SELECT id, name, flag FROM " + t)).containsExactly(List.of("1", "x", "7"));
        }

        @Test
        void preparedReplaceBatchRejectsAKeyRepeatedInTheBatch() throws SQLException {
            String t = table("batch_replace_dup");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, name STRING)");

            try (PreparedStatement ps = conn.prepareStatement("REPLACE INTO " + t + " (id, name) ON (id) VALUES (?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "a");
                ps.addBatch();
                ps.setInt(1, 1);
                ps.setString(2, "b");
                ps.addBatch();

                assertThatThrownBy(ps::executeBatch).hasStackTraceContaining("duplicated data detected");
            }
            assertThat(count(conn, t)).isZero();
        }

        @Test
        void aBatchLeavesNoFileOnTheUserStage() throws SQLException {
            String t = table("batch_cleanup");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL)");
            int before = rows(conn, "LIST @~").size();

            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " (id) VALUES (?)")) {
                ps.setInt(1, 1);
                ps.addBatch();
                ps.executeBatch();
            }

            assertThat(rows(conn, "LIST @~")).hasSize(before);
        }
    }

    @Nested
    @DisplayName("values arrive exactly")
    class Values {

        @Test
        void nullAndEmptyStringStayDistinctInSql() throws SQLException {
            String t = table("null_empty");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, s STRING)", "INSERT INTO " + t + " VALUES (1, ''), (2, NULL)");

            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT s FROM " + t + " ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEmpty();
                assertThat(rs.wasNull()).isFalse();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.wasNull()).isTrue();
            }
        }

        @Test
        void anEmptyStringInABatchBecomesTheColumnDefault() throws SQLException {
            // The driver writes "" as an empty, unquoted CSV field, and Databend loads an empty field
            // as the column's DEFAULT (NULL here). Quote-only fields ("\"\"") cannot be produced by 0.2.8.
            String t = table("batch_empty");
            execute(conn, "CREATE TABLE " + t + " (id INT NOT NULL, s STRING, d STRING DEFAULT 'dflt')");

            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " (id, s, d) VALUES (?, ?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "");
                ps.setString(3, "");
                ps.addBatch();
                ps.executeBatch();
            }

            assertThat(rows(conn, "SELECT s, d FROM " + t)).containsExactly(Arrays.asList(null, "dflt"));
        }

        @Test
        void timestampKeepsMicroseconds() throws SQLException {
            String t = table("ts");
            execute(conn, "CREATE TABLE " + t + " (ts TIMESTAMP)", "INSERT INTO " + t + " VALUES ('2024-02-29 23:59:59.123456')");

            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT ts FROM " + t)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("2024-02-29 23:59:59.123456");
                assertThat(rs.getTimestamp(1)).isEqualTo(Timestamp.valueOf("2024-02-29 23:59:59.123456"));
            }
        }

        @Test
        void decimal38And76KeepTheirLimits() throws SQLException {
            String t = table("dec");
            String max38 = "9999999999999999999999999999.9999999999";
            String max76 = "9".repeat(46) + "." + "9".repeat(30);
            String tiny76 = "-0." + "0".repeat(29) + "1";
            execute(conn, "CREATE TABLE " + t + " (id INT, d38 DECIMAL(38, 10), d76 DECIMAL(76, 30))",
                    "INSERT INTO " + t + " VALUES (1, " + max38 + ", " + max76 + "), (2, -" + max38 + ", " + tiny76 + ")");

            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT d38, d76 FROM " + t + " ORDER BY id")) {
                assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(Types.DECIMAL);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal(max38));
                assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal(max76));
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("-" + max38);
                assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal(tiny76));
            }
        }

        @Test
        void decimalAboveItsPrecisionIsRejected() throws SQLException {
            String t = table("dec_over");
            execute(conn, "CREATE TABLE " + t + " (d DECIMAL(38, 10))");

            assertThatThrownBy(() -> execute(conn, "INSERT INTO " + t + " VALUES (99999999999999999999999999999)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Decimal overflow");
        }

        @Test
        void uint64MaxArrivesExactly() throws SQLException {
            String t = table("u64");
            execute(conn, "CREATE TABLE " + t + " (u UINT64)", "INSERT INTO " + t + " VALUES (18446744073709551615)");

            assertThat(new BigInteger(value(conn, "SELECT u FROM " + t))).isEqualTo(new BigInteger("18446744073709551615"));
        }

        @Test
        void fourByteUtf8ArrivesExactlyThroughSqlAndBatches() throws SQLException {
            String t = table("emoji");
            String text = "smile 😀, math 𝔸, han 𠀀";
            execute(conn, "CREATE TABLE " + t + " (id INT, s STRING)", "INSERT INTO " + t + " VALUES (1, '" + text + "')");
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " (id, s) VALUES (?, ?)")) {
                ps.setInt(1, 2);
                ps.setString(2, text);
                ps.addBatch();
                ps.executeBatch();
            }

            assertThat(rows(conn, "SELECT s, length(s) FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of(text, "22"), List.of(text, "22"));
        }

        @Test
        void binaryIsReturnedAsUpperCaseHex() throws SQLException {
            String t = table("bin");
            execute(conn, "CREATE TABLE " + t + " (id INT, b BINARY)", "INSERT INTO " + t + " VALUES (1, from_hex('00ff10ab'))");
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " (id, b) VALUES (?, ?)")) {
                ps.setInt(1, 2);
                ps.setString(2, "CAFE00"); // a batch CSV carries binary as hex
                ps.addBatch();
                ps.executeBatch();
            }

            assertThat(rows(conn, "SELECT b, length(b) FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of("00FF10AB", "4"), List.of("CAFE00", "3"));
        }

        @Test
        void variantIsReturnedAsJsonText() throws SQLException {
            String t = table("variant");
            execute(conn, "CREATE TABLE " + t + " (id INT, v VARIANT)",
                    "INSERT INTO " + t + " VALUES (1, parse_json('{\"b\":null,\"a\":[1,\"x\",2.5,true]}')), (2, NULL)");

            assertThat(rows(conn, "SELECT v FROM " + t + " ORDER BY id"))
                    .containsExactly(List.of("{\"a\":[1,\"x\",2.5,true],\"b\":null}"), Arrays.asList((String) null));
        }

        @Test
        void identifiersWithSpaceBacktickQuoteAndUpperCaseWork() throws SQLException {
            // Databend quotes identifiers with "..." (a quote inside doubled) or `...`; a backtick
            // inside an identifier can only be written within double quotes.
            String t = "\"Odd Table " + TABLES.incrementAndGet() + "\"";
            String cols = "(\"Key Col\", \"back`tick\", \"dq\"\"uote\", `UPPER`)";
            execute(conn, "CREATE TABLE " + t + " (\"Key Col\" INT NOT NULL, \"back`tick\" STRING, \"dq\"\"uote\" STRING, `UPPER` STRING)",
                    "INSERT INTO " + t + " " + cols + " VALUES (1, 'a', 'b', 'c')");
            try (PreparedStatement ps = conn.prepareStatement(
                    "REPLACE INTO " + t + " " + cols + " ON (\"Key Col\") VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "A");
                ps.setString(3, "B");
                ps.setString(4, "C");
                ps.addBatch();
                ps.executeBatch();
            }

            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("Key Col");
                assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("back`tick");
                assertThat(rs.getMetaData().getColumnName(3)).isEqualTo("dq\"uote");
                assertThat(rs.getMetaData().getColumnName(4)).isEqualTo("UPPER");
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .containsExactly("1", "A", "B", "C");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency {

        @Test
        void twoConnectionsWritingAtOnceBothSucceed() throws Exception {
            String t = table("concurrent");
            execute(conn, "CREATE TABLE " + t + " (writer INT NOT NULL, n INT NOT NULL)");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int writer = 1; writer <= 2; writer++) {
                    int w = writer;
                    Callable<Integer> job = () -> {
                        try (Connection c = connect(DB)) {
                            for (int n = 0; n < 20; n++) {
                                execute(c, "INSERT INTO " + t + " VALUES (" + w + ", " + n + ")");
                            }
                            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t + " (writer, n) VALUES (?, ?)")) {
                                for (int n = 20; n < 120; n++) {
                                    ps.setInt(1, w);
                                    ps.setInt(2, n);
                                    ps.addBatch();
                                }
                                ps.executeBatch();
                            }
                        }
                        return w;
                    };
                    results.add(pool.submit(job));
                }
                for (Future<Integer> f : results) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(rows(conn, "SELECT writer, count(*), count(DISTINCT n) FROM " + t + " GROUP BY writer ORDER BY writer"))
                    .containsExactly(List.of("1", "120", "120"), List.of("2", "120", "120"));
        }
    }
}
