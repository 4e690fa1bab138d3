package io.bendcdc.it.applier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bendcdc.applier.databend.DatabendDialect;
import io.bendcdc.applier.databend.Identifiers;
import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.TypeMapping;
import io.bendcdc.applier.databend.StagedUpsert;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.TableId;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The applier's write path against the running Databend server: tables created by
 * {@link DatabendDialect}, rows written by {@link StagedUpsert} (and, for comparison, by the
 * dialect's literal REPLACE … VALUES), read back through databend-jdbc and compared with the
 * source values, type by type at each type's limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabendWriteIT {

    private static final TypeMapping MAPPING = new TypeMapping(TinyInt1Type.BOOLEAN);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StagedUpsert writer = new StagedUpsert();
    private String database;
    private Connection connection;

    @BeforeAll
    void createDatabase() throws SQLException {
        database = "bendcdc_write_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        connection = DriverManager.getConnection(
                "jdbc:databend://127.0.0.1:" + Integer.getInteger("it.databend.port", 8000) + "/default", "root", "");
        execute(DatabendDialect.createDatabaseIfNotExists(database));
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try {
            execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database));
        } finally {
            connection.close();
        }
    }

    /** A source column type, the decoded values of it (limits first) and how each reads back. */
    record TypeCase(String label, ColumnSchema column, List<Object> values, List<String> expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<TypeCase> typeMatrix() {
        String all256 = HexFormat.of().withUpperCase().formatHex(allBytes());
        return Stream.of(
                tc("TINYINT(1) as Boolean", col("TINYINT", 1, null), List.of(1, 0, true, false), List.of("true", "false", "true", "false")),
                tc("TINYINT", col("TINYINT", 4, null), List.of(-128, 127, 0), List.of("-128", "127", "0")),
                tc("TINYINT UNSIGNED", col("TINYINT UNSIGNED", 3, null), List.of(0, 255), List.of("0", "255")),
                tc("SMALLINT", col("SMALLINT", 6, null), List.of(-32768, 32767), List.of("-32768", "32767")),
                tc("SMALLINT UNSIGNED", col("SMALLINT UNSIGNED", 5, null), List.of(0, 65535), List.of("0", "65535")),
                tc("MEDIUMINT", col("MEDIUMINT", 9, null), List.of(-8388608, 8388607), List.of("-8388608", "8388607")),
                tc("MEDIUMINT UNSIGNED", col("MEDIUMINT UNSIGNED", 8, null), List.of(0, 16777215), List.of("0", "16777215")),
                tc("INT", col("INT", 11, null), List.of(Integer.MIN_VALUE, Integer.MAX_VALUE), List.of("-2147483648", "2147483647")),
                tc("INT UNSIGNED", col("INT UNSIGNED", 10, null), List.of(0L, 4294967295L), List.of("0", "4294967295")),
                tc("BIGINT", col("BIGINT", 20, null), List.of(Long.MIN_VALUE, Long.MAX_VALUE), List.of("-9223372036854775808", "9223372036854775807")),
                tc("BIGINT UNSIGNED (precise)", col("BIGINT UNSIGNED", 20, null),
                        List.of(new BigDecimal("18446744073709551615"), new BigDecimal("0"), new BigDecimal("9223372036854775808")),
                        List.of("18446744073709551615", "0", "9223372036854775808")),
                tc("BIGINT UNSIGNED (long mode wraps)", col("BIGINT UNSIGNED", 20, null), List.of(-1L), List.of("18446744073709551615")),
                tc("DECIMAL(65,30)", col("DECIMAL", 65, 30),
                        List.of(new BigDecimal("99999999999999999999999999999999999.999999999999999999999999999999"),
                                new BigDecimal("-99999999999999999999999999999999999.999999999999999999999999999999"),
                                new BigDecimal("0.000000000000000000000000000001"), new BigDecimal("0E-30")),
                        List.of("99999999999999999999999999999999999.999999999999999999999999999999",
                                "-99999999999999999999999999999999999.999999999999999999999999999999",
                                "0.000000000000000000000000000001", "0.000000000000000000000000000000")),
                tc("DECIMAL(12,2) from string mode", col("DECIMAL", 12, 2), List.of("10.50", new BigDecimal("-9999999999.99")),
                        List.of("10.50", "-9999999999.99")),
                tc("FLOAT", col("FLOAT", null, null), List.of(1.1f, -3.4e38f, Float.MIN_VALUE, 0.1f, 16777217f),
                        List.of("1.1", "-3.4E38", "1.4E-45", "0.1", "1.6777216E7")),
                tc("DOUBLE", col("DOUBLE", null, null), List.of(0.1, Double.MAX_VALUE, -Double.MIN_VALUE, 1e-300),
                        List.of("0.1", "1.7976931348623157E308", "-4.9E-324", "1.0E-300")),
                tc("BIT(1)", col("BIT", 1, null), List.of(true, false), List.of("true", "false")),
                tc("BIT(64)", col("BIT", 64, null), List.of(-1L, 1L, Long.MIN_VALUE), List.of("18446744073709551615", "1", "9223372036854775808")),
                tc("VARCHAR", col("VARCHAR", 255, null),
                        List.of("", "it's \"quoted\", back\\slash\\\\, tab\there\nnewline\r\ncrlf, comma", "😀 𝄞 漢字 é", "\\N", "null", " padded ", "nul\0char"),
                        List.of("", "it's \"quoted\", back\\slash\\\\, tab\there\nnewline\r\ncrlf, comma", "😀 𝄞 漢字 é", "\\N", "null", " padded ", "nul\0char")),
                tc("ENUM", col("ENUM", 1, null), List.of("new", "shipped"), List.of("new", "shipped")),
                tc("SET", col("SET", 1, null), List.of("a,b", ""), List.of("a,b", "")),
                tc("BLOB", col("BLOB", null, null), List.of(allBytes(), new byte[0], new byte[] {0}), List.of(all256, "", "00")),
                tc("DATE", col("DATE", null, null), List.of(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(1, 1, 1)),
                        List.of("1000-01-01", "9999-12-31", "1970-01-01", "0001-01-01")),
                tc("DATETIME(6)", col("DATETIME", 6, null),
                        List.of(LocalDateTime.parse("9999-12-31T23:59:59.999999"), LocalDateTime.parse("1000-01-01T00:00:00"),
                                LocalDateTime.parse("2024-01-02T03:04:05.000001"), LocalDateTime.parse("1969-12-31T23:59:59.999999")),
                        List.of("9999-12-31 23:59:59.999999", "1000-01-01 00:00:00.000000", "2024-01-02 03:04:05.000001",
                                "1969-12-31 23:59:59.999999")),
                tc("TIMESTAMP(6)", col("TIMESTAMP", 6, null),
                        List.of(Instant.parse("2038-01-19T03:14:07.999999Z"), Instant.parse("1970-01-01T00:00:01Z"),
                                Instant.parse("2026-11-24T11:30:07.123456Z")),
                        List.of("2038-01-19 03:14:07.999999", "1970-01-01 00:00:01.000000", "2026-11-24 11:30:07.123456")),
                tc("TIME(6)", col("TIME", 6, null),
                        List.of(Duration.parse("-PT838H59M59S"), Duration.parse("PT838H59M59S"), Duration.ofNanos(-1000),
                                Duration.ofMillis(12 * 3600_000L + 1)),
                        List.of("-838:59:59.000000", "838:59:59.000000", "-00:00:00.000001", "12:00:00.001000")),
                tc("TIME", col("TIME", null, null), List.of(Duration.ofSeconds(-1), Duration.ofHours(100)), List.of("-00:00:01", "100:00:00")),
                tc("YEAR", col("YEAR", null, null), List.of(1901, 2155, 0), List.of("1901", "2155", "0")),
                tc("JSON", col("JSON", null, null),
                        List.of("{\"b\":1,\"a\":[1,2,{\"x\":null}]}", "[1,\"x\",null,true,1.10]", "{\"u\":\"é😀 \\\" \\\\ \\n\"}",
                                "{\"big\":18446744073709551615}", "{}"),
                        List.of("{\"b\":1,\"a\":[1,2,{\"x\":null}]}", "[1,\"x\",null,true,1.10]", "{\"u\":\"é😀 \\\" \\\\ \\n\"}",
                                "{\"big\":18446744073709551615}", "{}")),
                tc("GEOMETRY (WKB)", col("POINT", null, null), List.of(HexFormat.of().parseHex("0101000000000000000000F03F0000000000000040")),
                        List.of("0101000000000000000000F03F0000000000000040")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeMatrix")
    void givenLimitValuesOfAType_whenUpsertedThroughTheStage_thenEachReadsBackAsTheSourceValue(TypeCase c) throws SQLException {
        writeAndReadBack(c, "s", (target, rows) -> upsert(target, c, rows));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeMatrix")
    void givenLimitValuesOfAType_whenWrittenAsLiterals_thenEachReadsBackAsTheSourceValue(TypeCase c) throws SQLException {
        writeAndReadBack(c, "l", (target, rows) -> execute(DatabendDialect.replaceValues(target, List.of("id", "v"), List.of("id"),
                List.of(ID, type(c)), rows)));
    }

    @Test
    void givenAStringColumn_whenNullAndEmptyStringAreWritten_thenTheyStayDistinct() throws SQLException {
        TableId t = table("null_vs_empty");
        execute(DatabendDialect.createTable(t, List.of("id", "v"), List.of(ID, DatabendType.of(DatabendType.Kind.STRING, true))));
        writer.upsert(connection, t, List.of("id", "v"), List.of("id"), List.of(ID, DatabendType.of(DatabendType.Kind.STRING, true)),
                List.of(new Object[] {1, null}, new Object[] {2, ""}, new Object[] {3, "NULL"}));
        assertThat(rows("SELECT id, v IS NULL, length(v), v = 'NULL' FROM " + Identifiers.quote(t) + " ORDER BY id"))
                .containsExactly(Arrays.asList("1", "true", null, null), List.of("2", "false", "0", "false"), List.of("3", "false", "4", "true"));
    }

    @Test
    void givenExistingKeys_whenUpsertedAgain_thenRowsAreReplacedNotDuplicated() throws SQLException {
        TableId t = table("replace_twice");
        List<DatabendType> types = List.of(ID, DatabendType.of(DatabendType.Kind.STRING, true));
        execute(DatabendDialect.createTable(t, List.of("id", "v"), types));
        writer.upsert(connection, t, List.of("id", "v"), List.of("id"), types, List.of(new Object[] {1, "a"}, new Object[] {2, "b"}));
        writer.upsert(connection, t, List.of("id", "v"), List.of("id"), types, List.of(new Object[] {2, "B"}, new Object[] {3, "c"}));
        writer.upsert(connection, t, List.of("id", "v"), List.of("id"), types, List.of(new Object[] {2, "B"}, new Object[] {3, "c"}));
        assertThat(rows("SELECT id, v FROM " + Identifiers.quote(t) + " ORDER BY id"))
                .containsExactly(List.of("1", "a"), List.of("2", "B"), List.of("3", "c"));
    }

    @Test
    void givenAnOpenTransaction_whenUpsertedThenRolledBackOrCommitted_thenTheRowsFollowTheTransaction() throws SQLException {
        TableId t = table("in_transaction");
        List<DatabendType> types = List.of(ID, DatabendType.of(DatabendType.Kind.STRING, true));
        execute(DatabendDialect.createTable(t, List.of("id", "v"), types));

        execute("BEGIN");
        writer.upsert(connection, t, List.of("id", "v"), List.of("id"), types, List.<Object[]>of(new Object[] {1, "rolled back"}));
        execute("ROLLBACK");
        assertThat(rows("SELECT count(*) FROM " + Identifiers.quote(t))).containsExactly(List.of("0"));

        execute("BEGIN");
        writer.upsert(connection, t, List.of("id", "v"), List.of("id"), types, List.<Object[]>of(new Object[] {2, "committed"}));
        execute("COMMIT");
        assertThat(rows("SELECT id, v FROM " + Identifiers.quote(t))).containsExactly(List.of("2", "committed"));
    }

    @Test
    void givenTheServerLostTheFileFormat_whenUpserted_thenTheWriterRecreatesItAndWrites() throws SQLException {
        TableId t = table("lost_file_format");
        List<DatabendType> types = List.of(ID, DatabendType.of(DatabendType.Kind.STRING, true));
        execute(DatabendDialect.createTable(t, List.of("id", "v"), types));
        writer.upsert(connection, t, List.of("id", "v"), List.of("id"), types, List.<Object[]>of(new Object[] {1, "a"}));

        execute("DROP FILE FORMAT IF EXISTS bendcdc_csv_v1");  // what a server restart does to its metadata
        writer.upsert(connection, t, List.of("id", "v"), List.of("id"), types, List.<Object[]>of(new Object[] {2, "b"}));

        assertThat(rows("SELECT id, v FROM " + Identifiers.quote(t) + " ORDER BY id")).containsExactly(List.of("1", "a"), List.of("2", "b"));
    }

    @Test
    void givenARepeatedKeyInABatch_whenUpserted_thenItIsRefusedBeforeAnythingIsSent() throws SQLException {
        TableId t = table("repeated_key");
        List<DatabendType> types = List.of(ID, DatabendType.of(DatabendType.Kind.STRING, true));
        execute(DatabendDialect.createTable(t, List.of("id", "v"), types));
        assertThatThrownBy(() -> writer.upsert(connection, t, List.of("id", "v"), List.of("id"), types,
                List.of(new Object[] {1, "a"}, new Object[] {1, "b"})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated");
    }

    @Test
    void givenSingleStringKeysWithQuotes_whenDeletedByKeys_thenExactlyThoseRowsGo() throws SQLException {
        TableId t = table("delete_single");
        DatabendType key = DatabendType.of(DatabendType.Kind.STRING, false);
        List<DatabendType> types = List.of(key, DatabendType.of(DatabendType.Kind.INT32, true));
        execute(DatabendDialect.createTable(t, List.of("k", "v"), types));
        List<String> keys = List.of("it's", "back\\slash", "dq\"uote", "new\nline", "😀", "", "keep'me");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(new Object[] {keys.get(i), i});
        }
        writer.upsert(connection, t, List.of("k", "v"), List.of("k"), types, rows);

        execute(DatabendDialect.deleteByKeys(t, List.of("k"), List.of(key),
                keys.subList(0, 6).stream().map(k -> List.<Object>of(k)).toList()));

        assertThat(rows("SELECT k FROM " + Identifiers.quote(t))).containsExactly(List.of("keep'me"));
    }

    @Test
    void givenCompositeKeysOfSeveralTypes_whenDeletedByKeys_thenExactlyThoseRowsGo() throws SQLException {
        TableId t = table("delete_composite");
        List<String> cols = List.of("s", "ts", "b", "d", "v");
        List<DatabendType> types = List.of(DatabendType.of(DatabendType.Kind.STRING, false),
                DatabendType.of(DatabendType.Kind.TIMESTAMP, false), DatabendType.of(DatabendType.Kind.BINARY, false),
                DatabendType.decimal(65, 30, false), DatabendType.of(DatabendType.Kind.INT32, true));
        List<String> key = cols.subList(0, 4);
        execute(DatabendDialect.createTable(t, cols, types));
        LocalDateTime max = LocalDateTime.parse("9999-12-31T23:59:59.999999");
        BigDecimal dec = new BigDecimal("-99999999999999999999999999999999999.999999999999999999999999999999");
        writer.upsert(connection, t, cols, key, types, List.of(
                new Object[] {"a'b", max, new byte[] {0, (byte) 0xFF}, dec, 1},
                new Object[] {"a'b", max, new byte[] {0, (byte) 0xFE}, dec, 2},
                new Object[] {"c\\d", LocalDateTime.parse("1000-01-01T00:00:00"), new byte[0], BigDecimal.ONE, 3}));

        execute(DatabendDialect.deleteByKeys(t, key, types.subList(0, 4), List.of(
                List.of("a'b", max, new byte[] {0, (byte) 0xFF}, dec),
                List.of("c\\d", LocalDateTime.parse("1000-01-01T00:00:00"), new byte[0], BigDecimal.ONE))));

        assertThat(rows("SELECT v FROM " + Identifiers.quote(t))).containsExactly(List.of("2"));
    }

    @Test
    void givenAKeyWithANull_whenDeletedByKeys_thenTheNullComponentMatchesByIsNull() throws SQLException {
        TableId t = table("delete_null_key");
        List<String> cols = List.of("a", "b", "v");
        List<DatabendType> types = List.of(DatabendType.of(DatabendType.Kind.INT32, true),
                DatabendType.of(DatabendType.Kind.STRING, true), DatabendType.of(DatabendType.Kind.INT32, true));
        execute(DatabendDialect.createTable(t, cols, types));
        execute(DatabendDialect.replaceValues(t, cols, List.of("a", "b"), types, List.of(
                new Object[] {1, null, 1}, new Object[] {1, "x", 2}, new Object[] {2, "y", 3})));

        execute(DatabendDialect.deleteByKeys(t, List.of("a", "b"), types.subList(0, 2),
                List.of(Arrays.asList(1, null), List.of(2, "y"))));

        assertThat(rows("SELECT v FROM " + Identifiers.quote(t))).containsExactly(List.of("2"));
    }

    @Test
    void givenIdentifiersThatNeedQuoting_whenTablesAreCreatedWrittenAndAltered_thenNamesArriveExactly() throws SQLException {
        List<String> names = List.of("a b", "back`tick", "dq\"uote", "UPPER", "select", "MixedCase", "é😀");
        TableId t = new TableId(database, "Table `with` \"all\"");
        List<DatabendType> types = new ArrayList<>();
        names.forEach(n -> types.add(DatabendType.of(DatabendType.Kind.STRING, true)));
        execute(DatabendDialect.createTable(t, names, types));
        Object[] row = names.toArray();
        writer.upsert(connection, t, names, List.of("a b", "select"), types, List.<Object[]>of(row));
        execute(DatabendDialect.addColumn(t, "from", DatabendType.of(DatabendType.Kind.INT32, true)));
        execute(DatabendDialect.renameColumn(t, "from", "Where \"x\""));

        assertThat(columnNames(t)).containsExactlyElementsOf(Stream.concat(names.stream(), Stream.of("Where \"x\"")).toList());
        assertThat(rows("SELECT " + Identifiers.quoteAll(names) + " FROM " + Identifiers.quote(t)))
                .containsExactly(names.stream().map(String::valueOf).toList());
    }

    @Test
    void givenATable_whenAlteredByTheDialect_thenTheServerAcceptsEveryStatement() throws SQLException {
        TableId t = table("alters");
        execute(DatabendDialect.createTable(t, List.of("id", "c"), List.of(ID, DatabendType.decimal(10, 0, true))));
        execute(DatabendDialect.replaceValues(t, List.of("id", "c"), List.of("id"), List.of(ID, DatabendType.decimal(10, 0, true)),
                List.<Object[]>of(new Object[] {1, new BigDecimal("100")})));
        execute(DatabendDialect.addColumn(t, "d", DatabendType.of(DatabendType.Kind.STRING, false), "x"));
        execute(DatabendDialect.modifyColumnType(t, "c", DatabendType.decimal(20, 2, true)));
        execute(DatabendDialect.renameColumn(t, "d", "d2"));
        assertThat(rows("SELECT id, c, d2 FROM " + Identifiers.quote(t))).containsExactly(List.of("1", "100.00", "x"));
        execute(DatabendDialect.dropColumn(t, "d2"));
        execute(DatabendDialect.truncateTable(t));
        assertThat(rows("SELECT count(*) FROM " + Identifiers.quote(t))).containsExactly(List.of("0"));
        TableId renamed = new TableId(database, "alters renamed");
        execute(DatabendDialect.renameTable(t, renamed));
        assertThat(columnNames(renamed)).containsExactly("id", "c");
        execute(DatabendDialect.dropTableIfExists(renamed));
        execute(DatabendDialect.dropTableIfExists(renamed));
    }


    // ---------------------------------------------------------------------------------------------

    private static final DatabendType ID = DatabendType.of(DatabendType.Kind.INT32, false);

    private interface Write {
        void write(TableId target, List<Object[]> rows) throws SQLException;
    }

    private void writeAndReadBack(TypeCase c, String suffix, Write write) throws SQLException {
        TableId t = table(c.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + suffix);
        DatabendType type = type(c);
        execute(DatabendDialect.createTable(t, List.of("id", "v"), List.of(ID, type)));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < c.values().size(); i++) {
            rows.add(new Object[] {i, c.values().get(i)});
        }
        rows.add(new Object[] {c.values().size(), null});
        write.write(t, rows);

        List<List<String>> back = rows("SELECT id, v FROM " + Identifiers.quote(t) + " ORDER BY id");
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < c.values().size(); i++) {
            assertReadBack(type, back.get(i).get(1), c.expected().get(i), c.label() + " value #" + i);
        }
        assertThat(back.get(c.values().size()).get(1)).as("NULL").isNull();
    }

    private static void assertReadBack(DatabendType type, String actual, String expected, String what) {
        switch (type.kind()) {
            case FLOAT32 -> assertThat(Float.parseFloat(actual)).as(what).isEqualTo(Float.parseFloat(expected));
            case FLOAT64 -> assertThat(Double.parseDouble(actual)).as(what).isEqualTo(Double.parseDouble(expected));
            case DECIMAL -> assertThat(new BigDecimal(actual).toPlainString()).as(what).isEqualTo(expected);
            case VARIANT -> {
                try {
                    assertThat(JSON.readTree(actual)).as(what).isEqualTo(JSON.readTree(expected));
                    // Numbers keep their text: 1.10 stays 1.10, 18446744073709551615 stays exact.
                    for (String number : List.of("1.10", "18446744073709551615")) {
                        if (expected.contains(number)) {
                            assertThat(actual).as(what).contains(number);
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new AssertionError(what + ": not JSON: " + actual, e);
                }
            }
            default -> assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    private void upsert(TableId target, TypeCase c, List<Object[]> rows) throws SQLException {
        writer.upsert(connection, target, List.of("id", "v"), List.of("id"), List.of(ID, type(c)), rows);
    }

    private static DatabendType type(TypeCase c) {
        return MAPPING.map(new TableId("src", "t"), c.column(), null);
    }

    private TableId table(String name) {
        return new TableId(database, name);
    }

    private List<String> columnNames(TableId t) throws SQLException {
        List<String> names = new ArrayList<>();
        for (List<String> r : rows("DESC " + Identifiers.quote(t))) {
            names.add(r.get(0));
        }
        return names;
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static TypeCase tc(String label, ColumnSchema column, List<?> values, List<String> expected) {
        return new TypeCase(label, column, new ArrayList<>(values), expected);
    }

    private static ColumnSchema col(String typeName, Integer length, Integer scale) {
        return new ColumnSchema("v", 2, typeName, typeName, 0, length, scale, true, false, false, null, null, List.of());
    }

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

}
