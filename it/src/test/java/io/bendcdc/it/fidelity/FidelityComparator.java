package io.bendcdc.it.fidelity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bendcdc.it.support.LocalStack;

/**
 * Compares a MariaDB database with its Databend copy, value by value, written apart from the
 * service's verify. The source is read in exact form: the binary protocol (server-side prepared
 * statements, so FLOAT and DOUBLE arrive as their IEEE bits), temporal values as java.time objects,
 * TIMESTAMP in a UTC session. Only what the documented type mapping says is normalised: TIME as its
 * text, BIT(1) as a boolean, BIT(n) and YEAR as numbers, TIMESTAMP as the UTC instant, JSON as a
 * document, DECIMAL by value. Each difference names the table, key, column and both values.
 */
final class FidelityComparator {

    /** What kind of difference. */
    enum Kind { TABLE, COLUMN, TYPE, MISSING_ROW, EXTRA_ROW, DUPLICATE_KEY, VALUE }

    /** One difference; {@code key} and {@code column} are null where they do not apply. */
    record Difference(Kind kind, String table, String key, String column, String source, String target) {
        @Override
        public String toString() {
            return kind + " " + table + (key == null ? "" : " key (" + key + ")") + (column == null ? "" : " column " + column)
                    + ": source " + source + ", Databend " + target;
        }
    }

    /** How a column's values are read and compared, from the source's declared type. */
    private enum Mapping { INTEGER, BOOL, DECIMAL, FLOAT, DOUBLE, TEXT, BINARY, DATE, DATETIME, TIMESTAMP, TIME, JSON }

    /**
     * A source column and the type of its Databend column ({@code targetType}, without Nullable), which
     * decides how the Databend value is read.
     */
    private record SourceColumn(String name, String dataType, String columnType, Mapping mapping, String targetType) {
        boolean variant() {
            return "Variant".equals(targetType);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter DATABEND_TS = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter();

    private FidelityComparator() {
    }

    /** Every difference between MariaDB database {@code sourceDb} and Databend database {@code targetDb}. */
    static List<Difference> compare(String sourceDb, String targetDb) throws SQLException {
        try (Connection src = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + LocalStack.mariadbPort()
                        + "/?useServerPrepStmts=true", "admin", "admin");
                Connection dst = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "")) {
            try (Statement st = src.createStatement()) {
                st.execute("SET time_zone = '+00:00'");
            }
            try (Statement st = dst.createStatement()) {
                st.execute("SET timezone = 'UTC'");
            }
            List<Difference> out = new ArrayList<>();
            TreeSet<String> sourceTables = new TreeSet<>(strings(src,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
                    sourceDb));
            TreeSet<String> targetTables = new TreeSet<>(strings(dst,
                    "SELECT " + unmistakable("name") + " FROM system.tables WHERE database = ?", targetDb)
                    .stream().map(FidelityComparator::plain).toList());
            for (String t : sourceTables) {
                if (!targetTables.contains(t)) {
                    out.add(new Difference(Kind.TABLE, t, null, null, "present", "absent"));
                }
            }
            for (String t : targetTables) {
                if (!sourceTables.contains(t)) {
                    out.add(new Difference(Kind.TABLE, t, null, null, "absent", "present"));
                }
            }
            for (String t : sourceTables) {
                if (targetTables.contains(t)) {
                    try {
                        compareTable(src, dst, sourceDb, targetDb, t, out);
                    } catch (SQLException e) {
                        // A table or column renamed or dropped on either side since they were listed (a
                        // difference to wait out); should it last, the run fails with this message.
                        String m = String.valueOf(e.getMessage());
                        out.add(new Difference(Kind.TABLE, t, null, null, "?", "unreadable while compared: "
                                + m.substring(0, Math.min(m.length(), 300))));
                    }
                }
            }
            return out;
        }
    }

    private static void compareTable(Connection src, Connection dst, String sourceDb, String targetDb, String table,
            List<Difference> out) throws SQLException {
        Map<String, String> targetTypes = new LinkedHashMap<>();
        try (PreparedStatement ps = dst.prepareStatement("SELECT " + unmistakable("name")
                + ", type FROM system.columns WHERE database = ? AND table = ?")) {
            ps.setString(1, targetDb);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    targetTypes.put(plain(rs.getString(1)), unwrapNullable(rs.getString(2)));
                }
            }
        }
        // MariaDB's JSON is LONGTEXT with a json_valid(`c`) check; the mapping makes it a Variant
        java.util.Set<String> json = new java.util.HashSet<>();
        for (String check : strings(src, "SELECT check_clause FROM information_schema.check_constraints "
                + "WHERE constraint_schema = ? AND table_name = ?", sourceDb, table)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^json_valid\\(`(.*)`\\)$").matcher(check.trim());
            if (m.matches()) {
                json.add(m.group(1).replace("``", "`"));
            }
        }
        List<SourceColumn> columns = new ArrayList<>();
        List<String> keyNames = new ArrayList<>();
        try (PreparedStatement ps = src.prepareStatement("SELECT column_name, data_type, column_type, column_key "
                + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, sourceDb);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String dataType = rs.getString(2).toLowerCase(Locale.ROOT);
                    String columnType = rs.getString(3).toLowerCase(Locale.ROOT);
                    columns.add(new SourceColumn(name, dataType, json.contains(name) ? "json" : columnType,
                            json.contains(name) ? Mapping.JSON : mapping(dataType, columnType), targetTypes.get(name)));
                }
            }
        }
        keyNames.addAll(strings(src, "SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = ? "
                + "AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position", sourceDb, table));
        List<SourceColumn> common = new ArrayList<>();
        for (SourceColumn c : columns) {
            String targetType = targetTypes.get(c.name());
            if (targetType == null) {
                out.add(new Difference(Kind.COLUMN, table, null, c.name(), "present", "absent"));
                continue;
            }
            String expected = expectedType(c);
            if (!expected.equals(targetType)) {
                out.add(new Difference(Kind.TYPE, table, null, c.name(), c.columnType() + " (maps to " + expected + ")",
                        targetType));
            }
            common.add(c);
        }
        for (String name : targetTypes.keySet()) {
            if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                out.add(new Difference(Kind.COLUMN, table, null, name, "absent", "present"));
            }
        }
        if (keyNames.isEmpty() || !common.stream().map(SourceColumn::name).toList().containsAll(keyNames)) {
            return; // no key to match rows by (the missing key column is reported above)
        }
        Map<String, List<String>> source = new TreeMap<>();
        Map<String, List<String>> target = new TreeMap<>();
        readSource(src, sourceDb, table, common, keyNames, source);
        readTarget(dst, targetDb, table, common, keyNames, target, out);
        for (Map.Entry<String, List<String>> e : source.entrySet()) {
            List<String> t = target.get(e.getKey());
            if (t == null) {
                out.add(new Difference(Kind.MISSING_ROW, table, e.getKey(), null, "present", "absent"));
                continue;
            }
            for (int i = 0; i < common.size(); i++) {
                String s = e.getValue().get(i);
                if (!java.util.Objects.equals(s, t.get(i))) {
                    out.add(new Difference(Kind.VALUE, table, e.getKey(), common.get(i).name(), show(s), show(t.get(i))));
                }
            }
        }
        for (String k : target.keySet()) {
            if (!source.containsKey(k)) {
                out.add(new Difference(Kind.EXTRA_ROW, table, k, null, "absent", "present"));
            }
        }
    }

    private static Mapping mapping(String dataType, String columnType) {
        return switch (dataType) {
            case "tinyint" -> columnType.startsWith("tinyint(1)") ? Mapping.BOOL : Mapping.INTEGER;
            case "smallint", "mediumint", "int", "bigint", "year" -> Mapping.INTEGER;
            case "bit" -> columnType.equals("bit(1)") ? Mapping.BOOL : Mapping.INTEGER;
            case "decimal" -> Mapping.DECIMAL;
            case "float" -> Mapping.FLOAT;
            case "double" -> Mapping.DOUBLE;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> Mapping.TEXT;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> Mapping.BINARY;
            case "date" -> Mapping.DATE;
            case "datetime" -> Mapping.DATETIME;
            case "timestamp" -> Mapping.TIMESTAMP;
            case "time" -> Mapping.TIME;
            default -> throw new IllegalArgumentException("the comparator has no mapping for " + columnType);
        };
    }

    /** The Databend type the documented mapping gives a source column (without Nullable). */
    private static String expectedType(SourceColumn c) {
        boolean unsigned = c.columnType().contains("unsigned");
        return switch (c.dataType()) {
            case "tinyint" -> c.mapping() == Mapping.BOOL ? "Boolean" : unsigned ? "UInt8" : "Int8";
            case "smallint" -> unsigned ? "UInt16" : "Int16";
            case "mediumint", "int" -> unsigned ? "UInt32" : "Int32";
            case "bigint" -> unsigned ? "UInt64" : "Int64";
            case "bit" -> c.mapping() == Mapping.BOOL ? "Boolean" : "UInt64";
            case "decimal" -> "Decimal(" + c.columnType().replaceAll("[^0-9,]", "").replace(",", ", ") + ")";
            case "float" -> "Float32";
            case "double" -> "Float64";
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> "Binary";
            case "date" -> "Date";
            case "datetime", "timestamp" -> "Timestamp";
            case "year" -> "UInt16";
            default -> c.mapping() == Mapping.JSON ? "Variant" : "String";
        };
    }

    private static String unwrapNullable(String type) {
        return type.startsWith("Nullable(") ? type.substring("Nullable(".length(), type.length() - 1) : type;
    }

    private static void readSource(Connection src, String db, String table, List<SourceColumn> cols, List<String> keys,
            Map<String, List<String>> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < cols.size(); i++) {
            SourceColumn c = cols.get(i);
            String id = Sql.id(c.name());
            sql.append(i == 0 ? "" : ", ").append(switch (c.dataType()) {
                case "bit", "year" -> "CAST(" + id + " AS UNSIGNED)";
                case "time" -> "CAST(" + id + " AS CHAR)";
                default -> id;
            });
        }
        sql.append(" FROM ").append(Sql.id(db)).append('.').append(Sql.id(table));
        try (PreparedStatement ps = src.prepareStatement(sql.toString()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < cols.size(); i++) {
                    row.add(sourceValue(rs, i + 1, cols.get(i)));
                }
                rows.put(key(cols, keys, row), row);
            }
        }
    }

    private static String sourceValue(ResultSet rs, int i, SourceColumn c) throws SQLException {
        String v = switch (c.mapping()) {
            case INTEGER, TEXT, TIME -> rs.getString(i);
            case BOOL -> rs.getString(i) == null ? null : Boolean.toString(new BigInteger(rs.getString(i)).signum() != 0);
            case DECIMAL -> rs.getBigDecimal(i) == null ? null : canonicalDecimal(rs.getBigDecimal(i));
            case FLOAT -> Float.toString(rs.getFloat(i));
            case DOUBLE -> Double.toString(rs.getDouble(i));
            case BINARY -> rs.getBytes(i) == null ? null : HexFormat.of().withUpperCase().formatHex(rs.getBytes(i));
            case DATE -> rs.getObject(i, LocalDate.class) == null ? null : rs.getObject(i, LocalDate.class).toString();
            case DATETIME, TIMESTAMP -> rs.getObject(i, LocalDateTime.class) == null ? null
                    : CANONICAL.format(rs.getObject(i, LocalDateTime.class));
            case JSON -> canonicalJson(rs.getString(i));
        };
        return rs.wasNull() ? null : c.mapping() == Mapping.INTEGER ? new BigInteger(v).toString() : v;
    }

    private static void readTarget(Connection dst, String db, String table, List<SourceColumn> cols, List<String> keys,
            Map<String, List<String>> rows, List<Difference> out) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < cols.size(); i++) {
            String id = Sql.dbId(cols.get(i).name());
            // read by the Databend column's own type: where it differs from the mapping the TYPE difference
            // is reported and the values then differ too
            String type = cols.get(i).targetType();
            sql.append(i == 0 ? "" : ", ").append(type.equals("Binary") ? "hex(" + id + ")"
                    // a JSON null or a top-level JSON string would not survive ::String; inside an array both do
                    : type.equals("Variant")
                            ? "IF(" + id + " IS NULL, NULL, " + unmistakable("json_array(" + id + ")::String") + ")"
                    : type.equals("String") ? unmistakable(id)
                    : id);
        }
        sql.append(" FROM ").append(Sql.dbId(db)).append('.').append(Sql.dbId(table));
        try (Statement st = dst.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < cols.size(); i++) {
                    String v = rs.getString(i + 1);
                    row.add(v == null ? null : targetValue(v, cols.get(i)));
                }
                String k = key(cols, keys, row);
                if (rows.put(k, row) != null) {
                    out.add(new Difference(Kind.DUPLICATE_KEY, table, k, null, "one row", "several rows"));
                }
            }
        }
    }

    private static String targetValue(String v, SourceColumn c) {
        try {
            return switch (c.mapping()) {
                case INTEGER -> new BigInteger(v).toString();
                case BOOL -> v.equals("1") || v.equalsIgnoreCase("true") ? "true"
                        : v.equals("0") || v.equalsIgnoreCase("false") ? "false" : "not a boolean: " + v;
                case DECIMAL -> canonicalDecimal(new BigDecimal(v));
                case FLOAT -> Float.toString(Float.parseFloat(v));
                case DOUBLE -> Double.toString(Double.parseDouble(v));
                case TEXT, TIME -> c.targetType().equals("String") ? plain(v) : v;
                case BINARY -> v.toUpperCase(Locale.ROOT);
                case DATE -> LocalDate.parse(v).toString();
                case DATETIME, TIMESTAMP -> CANONICAL.format(LocalDateTime.parse(v, DATABEND_TS));
                case JSON -> {
                    String text = c.targetType().equals("String") || c.variant() ? plain(v) : v;
                    yield canonicalJson(c.variant() ? JSON.writeValueAsString(JSON.readTree(text).get(0)) : text);
                }
            };
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return "unreadable as " + c.mapping() + ": " + v;
        }
    }

    /**
     * A Databend text expression read so that the text {@code NULL} stays text: databend-jdbc (0.2.8,
     * with the local server) returns the value 'NULL' as SQL NULL, so the value is read behind a marker.
     */
    private static String unmistakable(String expr) {
        return "concat('~', " + expr + ")";
    }

    private static String plain(String marked) {
        if (marked == null || !marked.startsWith("~")) {
            throw new IllegalStateException("expected a value behind the marker: " + marked);
        }
        return marked.substring(1);
    }

    private static String canonicalDecimal(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** A JSON document with object keys sorted and numbers by value. */
    private static String canonicalJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            StringBuilder s = new StringBuilder();
            canonical(JSON.readTree(text), s);
            return s.toString();
        } catch (Exception e) {
            return "invalid JSON: " + text;
        }
    }

    private static void canonical(JsonNode n, StringBuilder s) throws Exception {
        if (n.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), e.getValue());
            }
            s.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
                s.append(first ? "" : ",").append(JSON.writeValueAsString(e.getKey())).append(':');
                canonical(e.getValue(), s);
                first = false;
            }
            s.append('}');
        } else if (n.isArray()) {
            s.append('[');
            for (int i = 0; i < n.size(); i++) {
                s.append(i == 0 ? "" : ",");
                canonical(n.get(i), s);
            }
            s.append(']');
        } else if (n.isNumber()) {
            s.append(canonicalDecimal(n.decimalValue()));
        } else {
            s.append(JSON.writeValueAsString(n));
        }
    }

    private static String key(List<SourceColumn> cols, List<String> keys, List<String> row) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).name().equals(k)) {
                    parts.add(k + "=" + show(row.get(i)));
                }
            }
        }
        return String.join(", ", parts);
    }

    /** A value as printed in a report: quoted, with control characters escaped, long values cut. */
    static String show(String v) {
        if (v == null) {
            return "NULL";
        }
        StringBuilder s = new StringBuilder("'");
        v.codePoints().limit(120).forEach(cp -> {
            switch (cp) {
                case 0 -> s.append("\\0");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\\' -> s.append("\\\\");
                case '\'' -> s.append("\\'");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        s.append(String.format("\\u%04x", cp));
                    } else {
                        s.appendCodePoint(cp);
                    }
                }
            }
        });
        return s.append(v.codePointCount(0, v.length()) > 120 ? "'… (" + v.length() + " chars)" : "'").toString();
    }

    private static List<String> strings(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
