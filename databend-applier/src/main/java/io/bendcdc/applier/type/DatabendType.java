package io.bendcdc.applier.type;

import java.util.Objects;

/**
 * A Databend column type, as the applier creates it for a source column.
 *
 * @param kind      the Databend type
 * @param precision DECIMAL precision (1..76); 0 for other kinds
 * @param scale     DECIMAL scale; 0 for other kinds
 * @param nullable  false for a source NOT NULL column
 * @param timeFsp   for a String column holding a source TIME: its fractional-second digits (0..6),
 *                  so the text reads {@code HH:MM:SS} or {@code HH:MM:SS.ffffff} like the source;
 *                  -1 for every other column
 */
public record DatabendType(Kind kind, int precision, int scale, boolean nullable, int timeFsp) {

    /** Databend's maximum DECIMAL precision. */
    public static final int MAX_DECIMAL_PRECISION = 76;

    /** The Databend types the applier uses, with their SQL names. */
    public enum Kind {
        BOOLEAN("Boolean"),
        INT8("Int8"), INT16("Int16"), INT32("Int32"), INT64("Int64"),
        UINT8("UInt8"), UINT16("UInt16"), UINT32("UInt32"), UINT64("UInt64"),
        FLOAT32("Float32"), FLOAT64("Float64"),
        DECIMAL("Decimal"),
        STRING("String"),
        BINARY("Binary"),
        DATE("Date"),
        TIMESTAMP("Timestamp"),
        VARIANT("Variant");

        private final String sqlName;

        Kind(String sqlName) {
            this.sqlName = sqlName;
        }

        public String sqlName() {
            return sqlName;
        }
    }

    public DatabendType {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
                throw new IllegalArgumentException("Decimal(" + precision + ", " + scale + ") is outside Databend's range");
            }
        } else if (precision != 0 || scale != 0) {
            throw new IllegalArgumentException(kind + " has no precision or scale");
        }
        if (timeFsp != -1 && (kind != Kind.STRING || timeFsp < 0 || timeFsp > 6)) {
            throw new IllegalArgumentException("timeFsp " + timeFsp + " is only for a String holding TIME (0..6)");
        }
    }

    public static DatabendType of(Kind kind, boolean nullable) {
        return new DatabendType(kind, 0, 0, nullable, -1);
    }

    public static DatabendType decimal(int precision, int scale, boolean nullable) {
        return new DatabendType(Kind.DECIMAL, precision, scale, nullable, -1);
    }

    /** A String column holding MySQL TIME text with {@code fsp} fractional digits. */
    public static DatabendType time(int fsp, boolean nullable) {
        return new DatabendType(Kind.STRING, 0, 0, nullable, fsp);
    }

    public DatabendType withNullable(boolean n) {
        return new DatabendType(kind, precision, scale, n, timeFsp);
    }

    /** True when this String column holds source TIME text. */
    public boolean holdsTime() {
        return timeFsp >= 0;
    }

    /** The type without nullability, e.g. {@code Decimal(65, 30)}, {@code UInt64}. */
    public String baseSql() {
        return kind == Kind.DECIMAL ? "Decimal(" + precision + ", " + scale + ")" : kind.sqlName();
    }

    /** The column type as written in CREATE/ALTER TABLE, e.g. {@code Decimal(12, 2) NULL}. */
    public String sql() {
        return baseSql() + (nullable ? " NULL" : " NOT NULL");
    }

    @Override
    public String toString() {
        return sql();
    }
}
