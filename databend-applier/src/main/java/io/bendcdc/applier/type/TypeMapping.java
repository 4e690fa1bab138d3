package io.bendcdc.applier.type;

import io.bendcdc.applier.type.DatabendType.Kind;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.TableId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Source (MySQL/MariaDB) column type → Databend column type, per the design's mapping table.
 * Every value of the source type fits the Databend type exactly; a type without such a mapping
 * throws {@link UnmappedTypeException}.
 *
 * <p>Notes on choices, checked against the engine we run (Databend 1.2.895):
 * <ul>
 * <li>GEOMETRY family → Binary (the WKB Debezium sends). Databend's Geometry type needs the
 *     experimental setting {@code enable_geo_create_table=1} and re-encodes the shape, so the
 *     source bytes would not read back unchanged.</li>
 * <li>MariaDB reports a JSON column as LONGTEXT (with a json_valid CHECK) and Debezium's envelope
 *     then has a plain string; pass {@code io.debezium.data.Json} as the logical type hint when the
 *     caller knows the column is JSON, otherwise it stays String (still exact text).</li>
 * <li>TIMESTAMP is stored as the UTC instant, DATETIME as its wall-clock digits; both become
 *     Databend Timestamp (microseconds).</li>
 * </ul>
 */
public final class TypeMapping {

    public static final String JSON_LOGICAL_TYPE = "io.debezium.data.Json";

    private final TinyInt1Type tinyInt1;

    public TypeMapping(TinyInt1Type tinyInt1) {
        this.tinyInt1 = Objects.requireNonNull(tinyInt1, "tinyInt1");
    }

    /** The Databend types of all columns of a table, in column order. */
    public List<DatabendType> map(TableId table, List<ColumnSchema> columns) {
        List<DatabendType> types = new ArrayList<>(columns.size());
        for (ColumnSchema c : columns) {
            types.add(map(table, c, null));
        }
        return types;
    }

    /**
     * @param logicalType the column's Connect logical type name from the envelope schema, if known
     *                    (only {@link #JSON_LOGICAL_TYPE} changes the result); may be null
     */
    public DatabendType map(TableId table, ColumnSchema column, String logicalType) {
        boolean nullable = column.optional();
        String raw = column.typeName().trim().toUpperCase(Locale.ROOT);
        // "INT UNSIGNED ZEROFILL", "DECIMAL UNSIGNED": ZEROFILL only pads the display.
        boolean unsigned = raw.contains(" UNSIGNED") || raw.contains(" ZEROFILL");
        String base = raw.replace(" UNSIGNED", "").replace(" ZEROFILL", "").replace(" SIGNED", "").trim();
        Integer length = column.length();
        Integer scale = column.scale();
        if (JSON_LOGICAL_TYPE.equals(logicalType) && isText(base)) {
            return DatabendType.of(Kind.VARIANT, nullable);
        }
        return switch (base) {
            case "BOOL", "BOOLEAN" -> tinyInt1Type(nullable);
            case "TINYINT" -> !unsigned && length != null && length == 1
                    ? tinyInt1Type(nullable)
                    : DatabendType.of(unsigned ? Kind.UINT8 : Kind.INT8, nullable);
            case "SMALLINT" -> DatabendType.of(unsigned ? Kind.UINT16 : Kind.INT16, nullable);
            case "MEDIUMINT", "INT", "INTEGER" -> DatabendType.of(unsigned ? Kind.UINT32 : Kind.INT32, nullable);
            case "BIGINT" -> DatabendType.of(unsigned ? Kind.UINT64 : Kind.INT64, nullable);
            case "SERIAL" -> DatabendType.of(Kind.UINT64, nullable);
            case "DECIMAL", "DEC", "NUMERIC", "FIXED" -> decimal(table, column, length, scale, nullable);
            // FLOAT(p) with p > 24 is a DOUBLE; FLOAT(M,D) (with a scale) stays single precision.
            case "FLOAT" -> DatabendType.of(length != null && scale == null && length > 24 ? Kind.FLOAT64 : Kind.FLOAT32, nullable);
            case "DOUBLE", "DOUBLE PRECISION", "REAL" -> DatabendType.of(Kind.FLOAT64, nullable);
            case "BIT" -> DatabendType.of(length == null || length == 1 ? Kind.BOOLEAN : Kind.UINT64, nullable);
            case "CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "NATIONAL CHAR", "NATIONAL VARCHAR", "CHARACTER",
                    "CHARACTER VARYING", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "LONG", "LONG VARCHAR",
                    "ENUM", "SET" -> DatabendType.of(Kind.STRING, nullable);
            case "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB", "LONG VARBINARY" ->
                    DatabendType.of(Kind.BINARY, nullable);
            case "GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
                    "GEOMETRYCOLLECTION", "GEOMCOLLECTION" -> DatabendType.of(Kind.BINARY, nullable);
            case "DATE" -> DatabendType.of(Kind.DATE, nullable);
            case "DATETIME", "TIMESTAMP" -> DatabendType.of(Kind.TIMESTAMP, nullable);
            // TIME's fractional digits come as the length (like DATETIME(6)); Databend has no TIME.
            case "TIME" -> DatabendType.time(fsp(table, column, length), nullable);
            case "YEAR" -> DatabendType.of(Kind.UINT16, nullable);
            case "JSON" -> DatabendType.of(Kind.VARIANT, nullable);
            default -> throw new UnmappedTypeException(table, column.name(), column.typeName(), "no Databend type for it");
        };
    }

    private DatabendType tinyInt1Type(boolean nullable) {
        return DatabendType.of(tinyInt1 == TinyInt1Type.BOOLEAN ? Kind.BOOLEAN : Kind.INT8, nullable);
    }

    private static DatabendType decimal(TableId table, ColumnSchema c, Integer length, Integer scale, boolean nullable) {
        // MySQL's DECIMAL without arguments is DECIMAL(10,0).
        int p = length == null ? 10 : length;
        int s = scale == null ? 0 : scale;
        if (p < 1 || p > DatabendType.MAX_DECIMAL_PRECISION || s > p) {
            throw new UnmappedTypeException(table, c.name(), c.typeName() + "(" + p + "," + s + ")",
                    "precision must be 1.." + DatabendType.MAX_DECIMAL_PRECISION + " and scale <= precision");
        }
        return DatabendType.decimal(p, s, nullable);
    }

    private static int fsp(TableId table, ColumnSchema c, Integer length) {
        int fsp = length == null ? 0 : length;
        if (fsp < 0 || fsp > 6) {
            throw new UnmappedTypeException(table, c.name(), c.typeName() + "(" + fsp + ")", "fractional seconds must be 0..6");
        }
        return fsp;
    }

    private static boolean isText(String base) {
        return switch (base) {
            case "CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "JSON" -> true;
            default -> false;
        };
    }
}
