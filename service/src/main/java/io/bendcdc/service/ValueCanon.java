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

import io.bendcdc.applier.databend.TableReads;

/**
 * A column's values as canonical text, so that a source value and the value the applier wrote
 * compare equal exactly when the mapping says they are the same value. Only what the mapping
 * documents is normalised: decimals by value ({@code 1.50} = {@code 1.5}), FLOAT at single
 * precision, timestamps at microseconds, binary and geometry (WKB) as lower-case hex, TINYINT(1)
 * and BIT(1) as booleans when Databend holds a Boolean, BIT(n) and YEAR as numbers, JSON
 * re-serialized with sorted keys. Text and TIME text compare exactly. Null is Java null, and the
 * text {@code NULL} stays text on both sides.
 *
 * <p>The source is read in exact form: {@link VerifyQueries#sourceSelect} reads each kind with an
 * expression whose text is exact (FLOAT as a double, temporal values formatted by the server, BIT
 * and YEAR as numbers, geometry as WKB), since the MariaDB driver's text protocol prints FLOAT
 * with six digits and its getString renders DATETIME(3) {@code .001} as {@code .1000}.
 */
final class ValueCanon {

    /** How a column's values are read and compared; decided from the source column type. */
    enum Kind {
        /** Integers of every size, signed or not. */
        INTEGER,
        /** YEAR: 0 or 1901..2155, read as a number (Databend UInt16). */
        YEAR,
        /** TINYINT(1)/BOOLEAN held as a Boolean in Databend: zero is false, anything else true. */
        BOOLEAN,
        /** BIT(1), held as a Boolean in Databend. */
        BIT_BOOLEAN,
        /** BIT(n), held as UInt64 in Databend: compared as the unsigned number. */
        BIT,
        DECIMAL,
        /** Single precision: the source read as a double (exact), both sides compared as a float. */
        FLOAT,
        DOUBLE,
        DATE,
        /** DATETIME (wall clock) and TIMESTAMP (UTC instant, read in a UTC session), at microseconds. */
        DATETIME,
        /** TIME as the text the applier writes: {@code [-]HH:MM:SS[.f]} with the column's digits. */
        TIME,
        BINARY,
        /** GEOMETRY family: the source's WKB ({@code ST_AsWKB}) against the WKB Databend holds. */
        GEOMETRY,
        JSON,
        TEXT
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
        String target = targetType == null ? "" : targetType.toLowerCase(Locale.ROOT);
        boolean targetBoolean = target.contains("boolean");
        return switch (t) {
            case "tinyint", "bool", "boolean" -> targetBoolean ? Kind.BOOLEAN : Kind.INTEGER;
            case "smallint", "mediumint", "int", "integer", "bigint" -> Kind.INTEGER;
            case "year" -> Kind.YEAR;
            case "decimal", "numeric", "dec", "fixed" -> Kind.DECIMAL;
            case "float" -> target.contains("float64") ? Kind.DOUBLE : Kind.FLOAT;
            case "double", "real" -> Kind.DOUBLE;
            case "date" -> Kind.DATE;
            case "datetime", "timestamp" -> Kind.DATETIME;
            case "time" -> Kind.TIME;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> Kind.BINARY;
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection", "geomcollection" -> Kind.GEOMETRY;
            case "bit" -> full.equals("bit(1)") || targetBoolean ? Kind.BIT_BOOLEAN : Kind.BIT;
            case "json" -> Kind.JSON;
            default -> target.contains("variant") ? Kind.JSON : Kind.TEXT;
        };
    }

    /**
     * The canonical text of column {@code i} of the source (MariaDB/MySQL) row, selected with
     * {@link VerifyQueries#sourceSelect}.
     */
    static String source(Kind kind, ResultSet rs, int i) throws SQLException {
        return switch (kind) {
            case BINARY, GEOMETRY -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : HEX.formatHex(b);
            }
            default -> canonical(kind, rs.getString(i));
        };
    }

    /**
     * The canonical text of column {@code i} of the Databend row, selected with the
     * {@link io.bendcdc.applier.databend.TableReads.ColumnRead} of {@link #targetRead}.
     */
    static String target(Kind kind, ResultSet rs, int i) throws SQLException {
        String s = rs.getString(i);
        if (s == null) {
            return null;
        }
        return switch (kind) {
            case BINARY, GEOMETRY -> s.toLowerCase(Locale.ROOT);
            case TEXT -> unmarked(s);
            default -> canonical(kind, s);
        };
    }

    /** How Databend's column is selected: text through a marker, so that the text NULL is not SQL NULL. */
    static TableReads.ColumnRead targetRead(Kind kind) {
        return kind == Kind.TEXT ? TableReads.ColumnRead.MARKED_TEXT : TableReads.ColumnRead.VALUE;
    }

    /** Text read through {@link TableReads#TEXT_MARKER}, without the marker. */
    static String unmarked(String s) {
        if (s == null) {
            return null;
        }
        if (!s.startsWith(TableReads.TEXT_MARKER)) {
            throw new IllegalStateException("Databend text read without its marker: '" + s + "'");
        }
        return s.substring(TableReads.TEXT_MARKER.length());
    }

    /** Canonical text of a value given as text; unparseable values are kept as they are. */
    static String canonical(Kind kind, String s) {
        if (s == null) {
            return null;
        }
        try {
            return switch (kind) {
                case INTEGER, YEAR, BIT -> new BigInteger(s.trim()).toString();
                case BOOLEAN, BIT_BOOLEAN -> bool(s);
                case DECIMAL -> new BigDecimal(s.trim()).stripTrailingZeros().toPlainString();
                // The source gives the float widened to a double (exact), Databend its shortest text:
                // both parse to the same float exactly when they are the same single-precision value.
                case FLOAT -> Float.toString(Float.parseFloat(s.trim()));
                case DOUBLE -> Double.toString(Double.parseDouble(s.trim()));
                case DATETIME -> dateTime(s.trim());
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

    /** Whether the kind's values are written as SQL numbers (unquoted) in a key lookup. */
    static boolean numeric(Kind kind) {
        return kind == Kind.INTEGER || kind == Kind.YEAR || kind == Kind.DECIMAL || kind == Kind.FLOAT
                || kind == Kind.DOUBLE || kind == Kind.BIT;
    }
}
