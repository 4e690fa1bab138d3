package io.bendcdc.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A column's values as canonical text, so that a source value and the value the applier wrote
 * compare equal exactly when they are the same value: decimals without trailing zeros, floats at
 * their own precision, timestamps at microseconds, binary as lower-case hex, TINYINT(1) as a
 * boolean when Databend holds it as one, JSON re-serialized with sorted keys. Null is Java null.
 */
final class ValueCanon {

    /** How a column's values are compared; decided from the source column type. */
    enum Kind {
        INTEGER, BOOLEAN, DECIMAL, FLOAT, DOUBLE, DATE, DATETIME, TIME, BINARY, BIT, JSON, TEXT
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private ValueCanon() {
    }

    /**
     * @param dataType    information_schema DATA_TYPE, e.g. "tinyint"
     * @param columnType  information_schema COLUMN_TYPE, e.g. "tinyint(1) unsigned"
     * @param targetType  the Databend column type (from system.columns), or null if unknown
     */
    static Kind kindOf(String dataType, String columnType, String targetType) {
        String t = dataType.toLowerCase(Locale.ROOT);
        String full = columnType.toLowerCase(Locale.ROOT);
        boolean targetBoolean = targetType != null && targetType.toLowerCase(Locale.ROOT).contains("boolean");
        boolean targetVariant = targetType != null && targetType.toLowerCase(Locale.ROOT).contains("variant");
        return switch (t) {
            case "tinyint", "bool", "boolean" -> targetBoolean ? Kind.BOOLEAN : Kind.INTEGER;
            case "smallint", "mediumint", "int", "integer", "bigint", "year" -> Kind.INTEGER;
            case "decimal", "numeric", "dec", "fixed" -> Kind.DECIMAL;
            case "float" -> targetType != null && targetType.contains("Float64") ? Kind.DOUBLE : Kind.FLOAT;
            case "double", "real" -> Kind.DOUBLE;
            case "date" -> Kind.DATE;
            case "datetime", "timestamp" -> Kind.DATETIME;
            case "time" -> Kind.TIME;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "geometry", "point",
                    "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection" ->
                    Kind.BINARY;
            case "bit" -> full.equals("bit(1)") || targetBoolean ? Kind.BOOLEAN : Kind.BIT;
            case "json" -> Kind.JSON;
            default -> targetVariant ? Kind.JSON : Kind.TEXT;
        };
    }

    /** The canonical text of column {@code i} of the source (MariaDB/MySQL) row. */
    static String source(Kind kind, ResultSet rs, int i) throws SQLException {
        return switch (kind) {
            case BINARY -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : HEX.formatHex(b);
            }
            case BIT -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : new BigInteger(1, b).toString();
            }
            case BOOLEAN -> {
                String s = rs.getString(i);
                yield s == null ? null : bool(s);
            }
            default -> canonical(kind, rs.getString(i));
        };
    }

    /** The canonical text of column {@code i} of the Databend row. */
    static String target(Kind kind, ResultSet rs, int i) throws SQLException {
        String s = rs.getString(i);
        if (s == null) {
            return null;
        }
        return switch (kind) {
            case BINARY -> s.toLowerCase(Locale.ROOT);
            case BOOLEAN -> bool(s);
            case BIT -> canonical(Kind.INTEGER, s);
            default -> canonical(kind, s);
        };
    }

    /** Canonical text of a value given as text; unparseable values are kept as they are. */
    static String canonical(Kind kind, String s) {
        if (s == null) {
            return null;
        }
        try {
            return switch (kind) {
                case INTEGER -> new BigInteger(s.trim()).toString();
                case BOOLEAN -> bool(s);
                case DECIMAL -> new BigDecimal(s.trim()).stripTrailingZeros().toPlainString();
                case FLOAT -> Float.toString(Float.parseFloat(s.trim()));
                case DOUBLE -> Double.toString(Double.parseDouble(s.trim()));
                case DATETIME -> dateTime(s.trim());
                case TIME -> time(s.trim());
                case JSON -> JSON.writeValueAsString(JSON.treeToValue(JSON.readTree(s), Object.class));
                default -> s;
            };
        } catch (Exception e) {
            return s;
        }
    }

    /** "true"/"false" for 1/0, true/false; any non-zero number is true, as MySQL reads it. */
    private static String bool(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v;
        }
        try {
            return new BigDecimal(v).signum() != 0 ? "true" : "false";
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss.ffffff}, from 'T' or space, any fraction digits (cut to
     * microseconds), and an optional zone, converted to UTC. Zero dates stay as they are.
     */
    private static String dateTime(String s) {
        String v = s.replace(' ', 'T');
        if (v.length() == 10) {
            v = v + "T00:00:00";
        }
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
        LocalDateTime local = t instanceof OffsetDateTime o
                ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : (LocalDateTime) t;
        return local.format(MICROS);
    }

    /** {@code [-]H..H:MM:SS.ffffff}. */
    private static String time(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        return whole + "." + micros(dot < 0 ? "" : s.substring(dot + 1));
    }

    private static String micros(String fraction) {
        String digits = fraction.length() > 6 ? fraction.substring(0, 6) : fraction;
        return (digits + "000000").substring(0, 6);
    }

    /** Whether the kind's values are written as SQL numbers (unquoted) in a key lookup. */
    static boolean numeric(Kind kind) {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL || kind == Kind.FLOAT || kind == Kind.DOUBLE
                || kind == Kind.BIT;
    }
}
