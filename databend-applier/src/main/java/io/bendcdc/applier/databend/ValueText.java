package io.bendcdc.applier.databend;

import io.bendcdc.applier.type.DatabendType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The canonical text of a decoded source value for a Databend column, from which Databend rebuilds
 * exactly that value ({@link #toSql}'s conversion applied to it). Shared by the literal renderer
 * and the staged-file writer, so that both paths write the same thing.
 *
 * <ul>
 * <li>Timestamp: microseconds since the epoch (UTC), read with {@code TO_TIMESTAMP(n, 6)}. The
 *     text form {@code '9999-12-31 23:59:59.999999'} is rejected by Databend (its time-zone
 *     conversion stops at 9999-12-30 22:00 UTC), the integer form is not.</li>
 * <li>Boolean: {@code true}/{@code false} ({@code CAST('1' AS Boolean)} fails).</li>
 * <li>Binary: upper-case hex, read with {@code FROM_HEX}.</li>
 * <li>Decimal: plain digits; a value with more fraction digits than the column has is refused
 *     here, because Databend would round it silently.</li>
 * <li>UInt64: a negative {@code Long} is read as its unsigned value (BIT(64), BIGINT UNSIGNED in
 *     Debezium's {@code long} mode).</li>
 * </ul>
 */
public final class ValueText {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private ValueText() {
    }

    /**
     * @param value a decoded, non-null value (see {@code ChangeEvent} for the Java types)
     * @throws IllegalArgumentException when the value cannot be written exactly to the column
     */
    public static String of(DatabendType type, Object value) {
        return switch (type.kind()) {
            case BOOLEAN -> Boolean.toString(bool(value));
            case INT8, INT16, INT32, INT64 -> integer(value, false).toString();
            case UINT8, UINT16, UINT32, UINT64 -> integer(value, type.kind() == DatabendType.Kind.UINT64).toString();
            case FLOAT32, FLOAT64 -> floating(value);
            case DECIMAL -> decimal(type, value);
            case STRING -> type.holdsTime() ? time(value, type.timeFsp()) : string(value);
            case BINARY -> HEX.formatHex(bytes(value));
            case DATE -> date(value);
            case TIMESTAMP -> Long.toString(epochMicros(value));
            case VARIANT -> string(value);
        };
    }

    /**
     * The SQL expression that turns the text {@code textExpr} (a string literal or a staged
     * file's column) into a value of {@code type}.
     */
    public static String toSql(DatabendType type, String textExpr) {
        return switch (type.kind()) {
            case STRING -> textExpr;
            case BINARY -> "FROM_HEX(" + textExpr + ")";
            case TIMESTAMP -> "TO_TIMESTAMP(CAST(" + textExpr + " AS Int64), 6)";
            case VARIANT -> "PARSE_JSON(" + textExpr + ")";
            default -> "CAST(" + textExpr + " AS " + type.baseSql() + ")";
        };
    }

    /** MySQL TIME text: {@code [-]HH:MM:SS[.f…]}, hours above 24 allowed (range ±838:59:59). */
    public static String time(Duration d, int fsp) {
        long micros = d.getSeconds() * MICROS_PER_SECOND + d.getNano() / 1000;
        StringBuilder sb = new StringBuilder(18);
        if (micros < 0) {
            sb.append('-');
            micros = -micros;
        }
        long seconds = micros / MICROS_PER_SECOND;
        long hours = seconds / 3600;
        if (hours < 10) {
            sb.append('0');
        }
        sb.append(hours).append(':');
        two(sb, (seconds / 60) % 60).append(':');
        two(sb, seconds % 60);
        if (fsp > 0) {
            String fraction = Long.toString(1_000_000L + micros % MICROS_PER_SECOND).substring(1);
            sb.append('.').append(fraction, 0, fsp);
        }
        return sb.toString();
    }

    public static long epochMicros(Object value) {
        Instant instant;
        if (value instanceof LocalDateTime ldt) {
            instant = ldt.toInstant(ZoneOffset.UTC);
        } else if (value instanceof Instant i) {
            instant = i;
        } else {
            throw mismatch("Timestamp", value);
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        return (v < 10 ? sb.append('0') : sb).append(v);
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        // TINYINT(1) arrives as int16 unless Debezium's boolean converter is configured.
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue() != 0;
        }
        throw mismatch("Boolean", value);
    }

    private static Object integer(Object value, boolean unsigned64) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Long l) {
            return unsigned64 && l < 0 ? Long.toUnsignedString(l) : l;
        }
        if (value instanceof BigInteger) {
            return value;
        }
        if (value instanceof BigDecimal bd) {
            // BIGINT UNSIGNED in precise mode: Decimal with scale 0.
            try {
                return bd.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("not an integer: " + bd.toPlainString(), e);
            }
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw mismatch("integer", value);
    }

    private static String floating(Object value) {
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d > 0 ? "inf" : d < 0 ? "-inf" : "nan";
            }
            return value.toString();
        }
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            return n.toString();
        }
        if (value instanceof BigDecimal bd) {
            return bd.toString();
        }
        throw mismatch("float", value);
    }

    private static String decimal(DatabendType type, Object value) {
        BigDecimal bd;
        if (value instanceof BigDecimal b) {
            bd = b;
        } else if (value instanceof String s) {
            bd = new BigDecimal(s);  // decimal.handling.mode=string
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            bd = new BigDecimal(value.toString());
        } else {
            throw mismatch("Decimal", value);
        }
        if (bd.scale() > type.scale()) {
            try {
                bd = bd.setScale(type.scale());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(bd.toPlainString() + " has more fraction digits than " + type.baseSql(), e);
            }
        }
        if (bd.precision() - bd.scale() > type.precision() - type.scale()) {
            throw new IllegalArgumentException(bd.toPlainString() + " does not fit " + type.baseSql());
        }
        return bd.toPlainString();
    }

    private static String time(Object value, int fsp) {
        if (value instanceof Duration d) {
            return time(d, fsp);
        }
        if (value instanceof String s) {
            return s;
        }
        throw mismatch("TIME", value);
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw mismatch("String", value);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        throw mismatch("Binary", value);
    }

    private static String date(Object value) {
        if (value instanceof LocalDate d) {
            if (d.getYear() < 1 || d.getYear() > 9999) {
                throw new IllegalArgumentException("date outside 0001..9999: " + d);
            }
            return d.toString();
        }
        throw mismatch("Date", value);
    }

    private static IllegalArgumentException mismatch(String expected, Object value) {
        return new IllegalArgumentException("a " + value.getClass().getSimpleName() + " value cannot be written to a "
                + expected + " column: " + value);
    }
}
