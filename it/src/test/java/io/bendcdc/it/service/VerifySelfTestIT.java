package io.bendcdc.it.service;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bendcdc.it.support.CdcProcess;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.LocalStack;
import io.bendcdc.it.support.ServiceConfig;
import io.bendcdc.service.ServiceRunner;

/**
 * verify's self-test: a table of every type at its limits copied through the pipeline, on which
 * {@code bin/cdc verify} must report nothing; then differences of every kind planted in Databend,
 * each of which it must report, with exit code 1.
 *
 * <p>DECIMAL is taken at the limits of DECIMAL(38,10): at the limits of DECIMAL(65,30) the value the
 * applier writes today is not the source's (verify reports it), which is the pipeline's defect to fix.
 */
class VerifySelfTestIT {

    /**
     * Each column and, for the changed row (id 1), a Databend value that differs from the source's
     * by as little as the type allows where that is the hard case (one float ulp, one microsecond).
     */
    private static final Map<String, String> CHANGED = new java.util.LinkedHashMap<>();

    static {
        CHANGED.put("ti", "126");
        CHANGED.put("tiu", "254");
        CHANGED.put("si", "32766");
        CHANGED.put("siu", "65534");
        CHANGED.put("mi", "8388606");
        CHANGED.put("miu", "16777214");
        CHANGED.put("i", "2147483646");
        CHANGED.put("iu", "4294967294");
        CHANGED.put("bi", "9223372036854775806");
        CHANGED.put("biu", "18446744073709551614");
        CHANGED.put("b1", "false");
        CHANGED.put("d", "9999999999999999999999999999.9999999998");
        CHANGED.put("d2", "9999999999.98");
        CHANGED.put("f", "123456.7109375"); // the next float after the source's 123456.703125
        CHANGED.put("db", "1.7976931348623155e308"); // the double before the largest
        CHANGED.put("bit1", "false");
        CHANGED.put("bit64", "18446744073709551614");
        CHANGED.put("c", "'abd'");
        CHANGED.put("vc", "'emoji 😀 ünïcode 中文 '");
        CHANGED.put("tx", "'quote'");
        CHANGED.put("en", "'b'");
        CHANGED.put("st", "'x'");
        CHANGED.put("bn", "FROM_HEX('00ff10ac')");
        CHANGED.put("vb", "FROM_HEX('00')");
        CHANGED.put("bl", "FROM_HEX('0001')");
        CHANGED.put("dt", "'9999-12-30'");
        CHANGED.put("dtt", "TO_TIMESTAMP(253402300799999998, 6)"); // 9999-12-31 23:59:59.999998
        CHANGED.put("dt3", "'2024-01-01 00:00:00.100000'"); // the source has .001
        CHANGED.put("ts", "'2038-01-19 03:14:07.999998'");
        CHANGED.put("tm", "'838:59:58.000000'");
        CHANGED.put("yr", "2000"); // the source has 0000
        CHANGED.put("js", "PARSE_JSON('{\"a\": [1, 2.5, {\"b\": 1}]}')");
        CHANGED.put("geo", "FROM_HEX('0101000000000000000000f83f00000000000004c0')"); // POINT(1.5 -2.5)
    }

    @Test
    void verifyReportsNothingOnAnExactCopyAndEveryPlantedDifference(@TempDir Path dir) throws Exception {
        // given a table of every type, and a small one, copied through the running service
        String db = EngineFixture.unique("vself");
        String prefix = EngineFixture.unique("vself");
        mariadb("CREATE DATABASE " + db, "USE " + db, """
                CREATE TABLE t (id INT PRIMARY KEY,
                  ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT,
                  miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED, b1 TINYINT(1),
                  d DECIMAL(38,10), d2 DECIMAL(12,2), f FLOAT, db DOUBLE, bit1 BIT(1), bit64 BIT(64),
                  c CHAR(10), vc VARCHAR(100), tx TEXT, en ENUM('a','b','c'), st SET('x','y','z'),
                  bn BINARY(4), vb VARBINARY(300), bl BLOB, dt DATE, dtt DATETIME(6), dt3 DATETIME(3),
                  ts TIMESTAMP(6) NULL, tm TIME(6), yr YEAR, js JSON, geo GEOMETRY)""",
                "CREATE TABLE side (id INT PRIMARY KEY, a INT, b VARCHAR(10))",
                // keys verify must bind exactly: YEAR 0000 (not 2000), the text NULL, BIT(1)
                "CREATE TABLE k (yr YEAR, name VARCHAR(10), on_ BIT(1), v INT, PRIMARY KEY (yr, name, on_))",
                "CREATE TABLE y (yr YEAR PRIMARY KEY, v INT)",
                // a key column named NULL (databend-jdbc returns the name 'NULL' as SQL NULL)
                "CREATE TABLE n (`NULL` INT PRIMARY KEY, v INT)",
                "INSERT INTO side VALUES (1, 1, 'x'), (2, 2, 'NULL'), (3, NULL, NULL)",
                "INSERT INTO n VALUES (1, 1), (2, NULL)",
                "INSERT INTO t (id) VALUES (100)");
        Map<String, String> props = ServiceConfig.properties(prefix, db, 0);
        props.put("metrics.enabled", "false");
        Path config = ServiceConfig.write(dir, props);
        try (ServiceRunner service = new ServiceRunner(ServiceConfig.load(props), ServiceRunner.Mode.RUN)) {
            service.start();
            // The snapshot is done once its rows arrived; the rest is streamed, as the binlog has it
            // exactly (the snapshot's own fidelity is the pipeline tests' business, not verify's).
            awaitRows(db, "side", 3);
            awaitRows(db, "n", 2);
            awaitRows(db, "t", 1);
            mariadb("USE " + db, "SET time_zone = '+05:30'", "SET sql_mode = ''",
                    "INSERT INTO t VALUES (1, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, "
                            + "9223372036854775807, 18446744073709551615, 1, "
                            + "9999999999999999999999999999.9999999999, 9999999999.99, "
                            + "123456.703125, 1.7976931348623157e308, b'1', b'1111111111111111111111111111111111111111111111111111111111111111', "
                            + "'abc', 'emoji 😀 ünïcode 中文', 'quote '' dq \" back\\\\slash\\ttab\\nnewline, comma', 'c', 'x,z', "
                            + "0x00FF10AB, " + allBytes() + ", " + allBytes() + ", '9999-12-31', '9999-12-31 23:59:59.999999', "
                            + "'2024-01-01 00:00:00.001', '2038-01-19 08:44:07.999999', '838:59:59.000000', 0, "
                            + "'{\"a\": [1, 2.5, {\"b\": null}], \"ü\": \"😀\", \"big\": 12345678901234567890}', "
                            + "ST_GeomFromText('POINT(1.5 -2.25)'))",
                    "INSERT INTO t VALUES (2, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, "
                            + "-9223372036854775808, 0, 0, "
                            + "-9999999999999999999999999999.9999999999, -9999999999.99, "
                            + "-1.17549e-38, -2.2250738585072014e-308, b'0', b'0', "
                            + "'', '', '', 'a', '', 0x00000000, '', '', '1000-01-01', '1000-01-01 00:00:00.000000', "
                            + "'1582-10-04 23:59:59.999', '1970-01-01 05:30:01.000000', '-838:59:59.000000', 1901, '[]', "
                            + "ST_GeomFromText('LINESTRING(0 0, 1 1)'))",
                    "INSERT INTO t (id) VALUES (3)",
                    "INSERT INTO t (id, c, vc, tx, yr, f, dt3, bit1, bit64, b1, tm, dtt, js) VALUES (4, 'NULL', 'NULL', "
                            + "'\\\\N', 2155, 3.40282e38, '2024-02-29 12:34:56.010', b'1', b'101', 5, '00:00:00.000001', "
                            + "'2024-02-29 12:34:56.000001', '{\"k\": \"NULL\"}')",
                    "INSERT INTO t (id, i, vc) SELECT seq, seq, CONCAT('r', seq) FROM seq_10_to_29",
                    "INSERT INTO k VALUES (0, 'NULL', b'1', 1), (2000, 'NULL', b'1', 2), (1901, 'x', b'0', 3), "
                            + "(2155, '', b'0', 4), (0, 'NUL', b'0', 5)",
                    "INSERT INTO y VALUES (0, 1), (2000, 2), (1901, 3), (2155, 4)");
            awaitRows(db, "t", 25);
            awaitRows(db, "k", 5);
            awaitRows(db, "y", 4);

            // when verify runs on the exact copy, then it reports no difference
            CdcProcess.Result clean = verify(dir, config);
            assertThat(clean.exitCode()).as(clean.output()).isZero();
            assertThat(clean.output()).contains(db + ".t  OK rows=25", db + ".side  OK rows=3", db + ".k  OK rows=5",
                    db + ".y  OK rows=4", db + ".n  OK rows=2", "verify: OK (5 tables)");
        }

        // when differences of every kind are planted in Databend (the pipeline stopped)
        String t = "\"" + db + "\".\"t\"";
        StringBuilder set = new StringBuilder();
        CHANGED.forEach((col, value) -> set.append(set.length() == 0 ? "" : ", ").append('"').append(col)
                .append("\" = ").append(value));
        databend("UPDATE " + t + " SET " + set + " WHERE \"id\" = 1",
                "UPDATE " + t + " SET \"vc\" = NULL WHERE \"id\" = 4", // the text NULL became NULL
                "UPDATE " + t + " SET \"tx\" = 'NULL' WHERE \"id\" = 3", // NULL became the text NULL
                "DELETE FROM " + t + " WHERE \"id\" = 10",
                "INSERT INTO " + t + " (\"id\") VALUES (5000)",
                "CREATE TABLE \"" + db + "\".\"renamed_away\" (\"id\" Int32)",
                "ALTER TABLE \"" + db + "\".\"side\" ADD COLUMN \"stray\" Int32",
                "ALTER TABLE \"" + db + "\".\"side\" DROP COLUMN \"b\"");

        // then verify reports each one and exits 1
        CdcProcess.Result found = verify(dir, config);
        String out = found.output();
        assertThat(found.exitCode()).as(out).isEqualTo(1);
        assertThat(out).contains(db + ".t  DIFFERENT source rows=25 databend rows=25: 1 missing, 1 extra, 3 different",
                "missing id=10", "extra id=5000",
                "different id=4: vc: source 'NULL', Databend NULL",
                "different id=3: tx: source NULL, Databend 'NULL'",
                db + ".side  DIFFERENT", "column b is missing in Databend", "column stray is only in Databend",
                db + ".renamed_away  DIFFERENT only in Databend",
                db + ".k  OK rows=5", db + ".y  OK rows=4", db + ".n  OK rows=2", "verify: DIFFERENT (3 of 6 tables differ)");
        String changedRow = Arrays.stream(out.split("\n")).filter(l -> l.contains("different id=1:")).findFirst()
                .orElseThrow(() -> new AssertionError("row 1 not reported:\n" + out));
        for (String col : CHANGED.keySet()) {
            assertThat(Pattern.compile("[:;] " + col + ": source ").matcher(changedRow).find())
                    .as("column %s of row 1 reported in: %s", col, changedRow).isTrue();
        }
        // the exact source forms, shown as verify read them
        assertThat(changedRow).contains("f: source '123456.7', Databend '",
                "tx: source 'quote ' dq \" back\\\\slash\\ttab\\nnewline, comma', Databend 'quote'",
                "dt3: source '2024-01-01 00:00:00.001000', Databend '2024-01-01 00:00:00.100000'",
                "yr: source '0', Databend '2000'", "bit1: source 'true', Databend 'false'",
                "geo: source '0101000000000000000000f83f00000000000002c0'");
    }

    private static CdcProcess.Result verify(Path dir, Path config) throws Exception {
        long start = System.nanoTime();
        CdcProcess.Result r = CdcProcess.run(dir, 120, "verify", "--config", config.toString(), "--recheck-after-ms",
                "100", "--max-keys", "50");
        System.out.printf("verify took %d ms:%n%s%n", (System.nanoTime() - start) / 1_000_000, r.output());
        return r;
    }

    private static void awaitRows(String db, String table, int rows) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> databendCount(db, table) == rows);
    }

    private static long databendCount(String db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + db + "\".\"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return "0x" + HexFormat.of().formatHex(b);
    }

    private static void databend(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "");
                Statement st = c.createStatement()) {
            for (String sql : List.of(statements)) {
                st.execute(sql);
            }
        }
    }
}
