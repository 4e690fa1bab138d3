package io.bendcdc.it.pipeline;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.bendcdc.config.SourceConnector;
import io.bendcdc.engine.CdcEngine;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.LocalStack;
import io.bendcdc.it.support.CdcProcess;

/**
 * Every type of the mapping, at its limits, from MariaDB through the whole pipeline: the value read
 * back from Databend equals the source value. The source session writes in +05:30 and the applier
 * runs in America/New_York, so a time zone slip anywhere shows.
 */
class TypeMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a column is compared: the SELECT expression on each side and the kind of equality. */
    private record Column(String name, String mariadbExpr, Kind kind) {
    }

    private enum Kind { INTEGER, BOOL, DECIMAL, FLOAT, DOUBLE, TEXT, HEX, JSON }

    private static final List<Column> COLUMNS = List.of(
            new Column("ti", "ti", Kind.INTEGER), new Column("tiu", "tiu", Kind.INTEGER),
            new Column("si", "si", Kind.INTEGER), new Column("siu", "siu", Kind.INTEGER),
            new Column("mi", "mi", Kind.INTEGER), new Column("miu", "miu", Kind.INTEGER),
            new Column("i", "i", Kind.INTEGER), new Column("iu", "iu", Kind.INTEGER),
            new Column("bi", "bi", Kind.INTEGER), new Column("biu", "biu", Kind.INTEGER),
            new Column("b1", "IF(b1 IS NULL, NULL, IF(b1, 'true', 'false'))", Kind.BOOL),
            new Column("d", "d", Kind.DECIMAL), new Column("d2", "d2", Kind.DECIMAL),
            new Column("f", "f", Kind.FLOAT), new Column("db", "db", Kind.DOUBLE),
            new Column("bit1", "IF(bit1 IS NULL, NULL, IF(bit1 = 1, 'true', 'false'))", Kind.BOOL),
            new Column("bit64", "CAST(bit64 AS UNSIGNED)", Kind.INTEGER),
            new Column("c", "c", Kind.TEXT), new Column("vc", "vc", Kind.TEXT), new Column("tx", "tx", Kind.TEXT),
            new Column("en", "en", Kind.TEXT), new Column("st", "st", Kind.TEXT),
            new Column("bn", "HEX(bn)", Kind.HEX), new Column("vb", "HEX(vb)", Kind.HEX),
            new Column("bl", "HEX(bl)", Kind.HEX),
            new Column("dt", "DATE_FORMAT(dt, '%Y-%m-%d')", Kind.TEXT),
            new Column("dtt", "DATE_FORMAT(dtt, '%Y-%m-%d %H:%i:%s.%f')", Kind.TEXT),
            new Column("ts", "DATE_FORMAT(ts, '%Y-%m-%d %H:%i:%s.%f')", Kind.TEXT),
            new Column("tm", "CAST(tm AS CHAR)", Kind.TEXT),
            new Column("yr", "yr", Kind.INTEGER),
            new Column("js", "js", Kind.JSON),
            new Column("geo", "HEX(ST_AsWKB(geo))", Kind.HEX));

    @Test
    void everyTypeArrivesExactlyAtItsLimits(@TempDir Path dir) throws Exception {
        // given a MariaDB table with every mapped type, rows at the limits, NULLs and empty values
        String db = EngineFixture.unique("types");
        String prefix = EngineFixture.unique("types");
        mariadb("CREATE DATABASE " + db, "USE " + db, """
                CREATE TABLE t (id INT PRIMARY KEY,
                  ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT,
                  miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED, b1 TINYINT(1),
                  d DECIMAL(65,30), d2 DECIMAL(12,2), f FLOAT, db DOUBLE, bit1 BIT(1), bit64 BIT(64),
                  c CHAR(10), vc VARCHAR(100), tx TEXT, en ENUM('a','b','c'), st SET('x','y','z'),
                  bn BINARY(4), vb VARBINARY(300), bl BLOB, dt DATE, dtt DATETIME(6), ts TIMESTAMP(6) NULL,
                  tm TIME(6), yr YEAR, js JSON, geo GEOMETRY)""");
        try (CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MARIADB, prefix, db))) {
            engine.start();
            // rows written after the snapshot start are streamed; row 1 is also covered by the snapshot
            mariadb("USE " + db, "SET time_zone = '+05:30'", "SET sql_mode = ''",
                    "INSERT INTO t VALUES (1, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, "
                            + "9223372036854775807, 18446744073709551615, 1, "
                            + "99999999999999999999999999999999999.999999999999999999999999999999, 9999999999.99, "
                            + "3.40282e38, 1.7976931348623157e308, b'1', b'1111111111111111111111111111111111111111111111111111111111111111', "
                            + "'abc', 'emoji 😀 ünïcode 中文', 'quote '' dq \" back\\\\slash\\ttab\\nnewline, comma', 'c', 'x,z', "
                            + "0x00FF10AB, " + allBytes() + ", " + allBytes() + ", '9999-12-31', '9999-12-31 23:59:59.999999', "
                            + "'2038-01-19 08:44:07.999999', '838:59:59.000000', 2155, "
                            + "'{\"a\": [1, 2.5, {\"b\": null}], \"ü\": \"😀\", \"big\": 12345678901234567890}', "
                            + "ST_GeomFromText('POINT(1.5 -2.25)'))",
                    "INSERT INTO t VALUES (2, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, "
                            + "-9223372036854775808, 0, 0, "
                            + "-99999999999999999999999999999999999.999999999999999999999999999999, -9999999999.99, "
                            + "-1.17549e-38, -2.2250738585072014e-308, b'0', b'0', "
                            + "'', '', '', 'a', '', 0x00000000, '', '', '1000-01-01', '1000-01-01 00:00:00.000000', "
                            + "'1970-01-01 05:30:01.000000', '-838:59:59.000000', 1901, '[]', "
                            + "ST_GeomFromText('LINESTRING(0 0, 1 1)'))",
                    "INSERT INTO t (id) VALUES (3)",
                    "INSERT INTO t (id, dt, dtt, ts, tm, yr, d, f) VALUES (4, '2024-02-29', '2024-02-29 12:34:56.000001', "
                            + "'2024-02-29 12:34:56.123456', '00:00:00.000001', 2000, 0.000000000000000000000000000001, 0)");
            Path config = CdcProcess.config(dir, Map.of(
                    "source.user", LocalStack.CDC_USER,
                    "kafka.bootstrap.servers", LocalStack.kafkaBootstrap(),
                    "kafka.topic.prefix", prefix,
                    "databend.url", LocalStack.databendUrl("default"),
                    "databend.state.database", prefix + "_state",
                    "apply.consumer.group", prefix + "-applier"));
            try (CdcProcess applier = CdcProcess.applier(config, dir.resolve("applier.log"),
                    "America/New_York")) {
                // then each value read back from Databend equals the source value
                Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
                            if (!applier.isAlive()) {
                                throw new RuntimeException("the applier exited:\n" + applier.output());
                            }
                            assertThat(databendRows(db)).as(applier.output()).hasSize(4);
                        });
                List<List<String>> source = mariadbRows(db);
                List<List<String>> target = databendRows(db);
                for (int r = 0; r < source.size(); r++) {
                    for (int c = 0; c < COLUMNS.size(); c++) {
                        Column col = COLUMNS.get(c);
                        String s = source.get(r).get(c + 1);
                        String t = target.get(r).get(c + 1);
                        assertThat(same(col.kind(), s, t)).as("row %s column %s: source <%s> Databend <%s>",
                                source.get(r).get(0), col.name(), s, t).isTrue();
                    }
                }
            }
        }
    }

    private static String allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return "0x" + HexFormat.of().formatHex(b);
    }

    private static boolean same(Kind kind, String source, String target) throws Exception {
        if (source == null || target == null) {
            return source == null && target == null;
        }
        return switch (kind) {
            case INTEGER -> new BigInteger(source).equals(new BigInteger(target));
            case BOOL -> source.equals(target.equals("1") ? "true" : target.equals("0") ? "false" : target);
            case DECIMAL -> new BigDecimal(source).compareTo(new BigDecimal(target)) == 0;
            case FLOAT -> Float.parseFloat(source) == Float.parseFloat(target);
            case DOUBLE -> Double.parseDouble(source) == Double.parseDouble(target);
            case TEXT -> source.equals(target);
            case HEX -> source.toUpperCase(Locale.ROOT).equals(target.toUpperCase(Locale.ROOT));
            case JSON -> Objects.equals(JSON.readTree(source), JSON.readTree(target));
        };
    }

    private static List<List<String>> mariadbRows(String db) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id");
        COLUMNS.forEach(c -> sql.append(", ").append(c.mariadbExpr()));
        sql.append(" FROM ").append(db).append(".t ORDER BY id");
        try (Connection c = LocalStack.mariadb(); Statement st = c.createStatement()) {
            st.execute("SET time_zone = '+00:00'");
            return rows(st.executeQuery(sql.toString()));
        }
    }

    private static List<List<String>> databendRows(String db) {
        StringBuilder sql = new StringBuilder("SELECT \"id\"");
        COLUMNS.forEach(c -> sql.append(", ").append(c.kind() == Kind.HEX ? "hex(\"" + c.name() + "\")"
                : c.kind() == Kind.BOOL ? "\"" + c.name() + "\"::String" : "\"" + c.name() + "\""));
        sql.append(" FROM \"").append(db).append("\".\"t\" ORDER BY \"id\"");
        try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "");
                Statement st = c.createStatement()) {
            return rows(st.executeQuery(sql.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
