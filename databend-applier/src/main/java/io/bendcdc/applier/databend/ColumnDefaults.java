package io.bendcdc.applier.databend;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.contract.ColumnChange;
import io.bendcdc.contract.ColumnSchema;

/**
 * The value a column added by {@code ALTER TABLE … ADD COLUMN} gives the rows already there, as
 * MySQL and MariaDB give it: the declared default, or, for a {@code NOT NULL} column without one,
 * the type's implicit default (0, {@code ''}, the first ENUM value, {@code 00:00:00}, zero bytes).
 * No change event ever carries these values, so Databend must get them from the DDL. Pure.
 *
 * <p>Some cannot be derived from the DDL: an expression or {@code CURRENT_TIMESTAMP}, a
 * {@code TIMESTAMP} literal (read in the session's time zone, which the history does not keep),
 * the zero date, a JSON value, a generated or AUTO_INCREMENT column. {@link #of} then says so,
 * and the caller must not guess: the table is read again from the source.
 */
final class ColumnDefaults {

    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd().toFormatter(Locale.ROOT);
    private static final Pattern HEX_LITERAL = Pattern.compile("(?i)(?:0x([0-9a-f]*)|x'([0-9a-f]*)')");
    private static final Pattern BIT_LITERAL = Pattern.compile("(?i)b'([01]*)'");
    private static final Pattern TIME = Pattern.compile("(-)?(\\d+):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,6}))?");

    private ColumnDefaults() {
    }

    /** What the rows already there hold in the new column. */
    sealed interface Existing {
    }

    /** A value the rows get; {@code value} is null for NULL, else a Java value {@link ValueText} writes for the type. */
    record Value(Object value) implements Existing {
    }

    /** The value cannot be derived from the DDL; {@code why} says what it is. */
    record Underivable(String why) implements Existing {
    }

    /**
     * What the rows already there hold in a column added by {@code ALTER TABLE … ADD COLUMN},
     * from its definition in the history and what its clause in the statement declares.
     */
    static Existing of(ColumnSchema c, DatabendType t, ColumnChange.Declared declared) {
        if (declared.generated()) {
            return new Underivable("values the source computes (a generated column)");
        }
        if (c.autoIncremented()) {
            return new Underivable("the numbers AUTO_INCREMENT gave them");
        }
        String written = declared.defaultValue();
        if (written != null && !literal(written)) {
            // The history turns CURRENT_TIMESTAMP into 1970-01-01 00:00:00: the statement tells.
            return new Underivable("the default " + written + " of a " + c.typeName() + " column");
        }
        if (written != null && (written.trim().startsWith("'") || written.trim().startsWith("\""))
                && c.hasDefaultValue() && "NULL".equalsIgnoreCase(c.defaultValueExpression())) {
            // The history spells DEFAULT 'NULL', the text, as NULL; the statement has the quotes.
            return declared(c, t, c.defaultValueExpression()).<Existing>map(Value::new)
                    .orElseGet(() -> new Underivable("the default " + written + " of a " + c.typeName() + " column"));
        }
        boolean historySilent = !c.hasDefaultValue() || c.defaultValueExpression() == null;
        if (historySilent && written != null && !written.trim().equalsIgnoreCase("NULL")) {
            // The history records a hex literal default as no default at all; the statement has it.
            Matcher hex = HEX_LITERAL.matcher(written.trim());
            if (t.kind() == DatabendType.Kind.BINARY && hex.matches()) {
                String type = c.typeName().toUpperCase(Locale.ROOT);
                byte[] b = HexFormat.of().parseHex(hex.group(1) != null ? hex.group(1) : hex.group(2));
                return binaryDefault(type, c, b).<Existing>map(Value::new).orElseGet(() -> new Underivable(
                        "the default " + written + " of a " + c.typeName() + " column, not UTF-8"));
            }
            return new Underivable("the default " + written + " of a " + c.typeName() + " column, which the schema"
                    + " history does not record");
        }
        return of(c, t);
    }

    /** A constant as a DEFAULT clause spells it: a quoted string, a number, a hex or bit literal, NULL, TRUE, FALSE. */
    private static boolean literal(String written) {
        String w = written.trim();
        return w.startsWith("'") || w.startsWith("\"") || w.matches("(?i)NULL|TRUE|FALSE")
                || HEX_LITERAL.matcher(w).matches() || BIT_LITERAL.matcher(w).matches()
                || w.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    }

    /**
     * A binary default Databend can hold: it reads a column default through text, so bytes that are
     * not UTF-8 are rejected ("invalid utf8 sequence").
     */
    private static Optional<Object> binaryDefault(String type, ColumnSchema c, byte[] b) {
        byte[] padded = pad(type, c, b);
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(padded));
            return Optional.of(padded);
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** What the rows already there hold in a column of this definition that an existing table lacks. */
    static Existing of(ColumnSchema c, DatabendType t) {
        if (c.hasDefaultValue()) {
            String expr = c.defaultValueExpression();
            if (expr == null || expr.equalsIgnoreCase("NULL")) {
                return new Value(null);
            }
            return declared(c, t, expr).<Existing>map(Value::new)
                    .orElseGet(() -> new Underivable("the default " + expr + " of a " + c.typeName() + " column"));
        }
        if (c.optional()) {
            return new Value(null);
        }
        return implicit(c, t).<Existing>map(Value::new)
                .orElseGet(() -> new Underivable("the implicit default of a NOT NULL " + c.typeName() + " column"));
    }

    private static Optional<Object> declared(ColumnSchema c, DatabendType t, String expr) {
        String type = c.typeName().toUpperCase(Locale.ROOT);
        try {
            return switch (t.kind()) {
                // The history spells a BIT default b'101' as its digits, 101: base 2.
                case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> type.equals("BIT")
                        && expr.trim().matches("[01]+") ? Optional.of(new BigDecimal(new BigInteger(expr.trim(), 2)))
                        : number(expr).map(n -> (Object) n);
                // Databend keeps a float column's default to ten decimal places (1.25e-12 became 0).
                case FLOAT32, FLOAT64 -> number(expr).filter(n -> floatDefaultKeptExactly(n, t)).map(n -> (Object) n);
                // A default with more digits than the column's scale is rounded by the source: not guessed here.
                case DECIMAL -> number(expr).filter(n -> n.scale() <= t.scale()).map(n -> (Object) n);
                case BOOLEAN -> number(expr).map(n -> (Object) (n.signum() != 0));
                case STRING -> t.holdsTime()
                        ? fractionDigits(expr) <= t.timeFsp() ? time(expr).map(d -> (Object) d) : Optional.empty()
                        // CHAR is read back without its trailing spaces, and only those (seed 528: '\r\n')
                        : text(expr).map(x -> (Object) (type.equals("CHAR") ? x.replaceFirst(" +$", "") : x));
                case BINARY -> bytes(expr).flatMap(b -> binaryDefault(type, c, b));
                case DATE -> date(expr).map(d -> (Object) d);
                // DATETIME holds wall-clock digits; a TIMESTAMP literal means an instant in a zone we do not know.
                case TIMESTAMP -> type.startsWith("DATETIME") && fractionDigits(expr) <= fsp(c)
                        ? datetime(expr).map(d -> (Object) d) : Optional.empty();
                case VARIANT -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> implicit(ColumnSchema c, DatabendType t) {
        String type = c.typeName().toUpperCase(Locale.ROOT);
        return switch (t.kind()) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, DECIMAL, FLOAT32, FLOAT64 ->
                    Optional.of(BigDecimal.ZERO);
            case BOOLEAN -> Optional.of(Boolean.FALSE);
            case STRING -> {
                if (t.holdsTime()) {
                    yield Optional.of(Duration.ZERO);
                }
                if (type.equals("ENUM")) {
                    yield c.enumValues().isEmpty() ? Optional.empty() : text(unquoted(c.enumValues().get(0))).map(x -> (Object) x);
                }
                yield Optional.of("");
            }
            case BINARY -> type.equals("BINARY") || type.equals("VARBINARY") || type.endsWith("BLOB")
                    ? Optional.of(pad(type, c, new byte[0])) : Optional.empty();
            case DATE, TIMESTAMP, VARIANT -> Optional.empty();
        };
    }

    private static boolean floatDefaultKeptExactly(BigDecimal n, DatabendType t) {
        String shortest = t.kind() == DatabendType.Kind.FLOAT32 ? Float.toString(n.floatValue())
                : Double.toString(n.doubleValue());
        return new BigDecimal(shortest).stripTrailingZeros().scale() <= 10;
    }

    /** A number literal, or a bit or hex literal as its unsigned value. */
    private static Optional<BigDecimal> number(String expr) {
        String s = expr.trim();
        Matcher bit = BIT_LITERAL.matcher(s);
        if (bit.matches()) {
            return Optional.of(new BigDecimal(bit.group(1).isEmpty() ? BigInteger.ZERO : new BigInteger(bit.group(1), 2)));
        }
        Matcher hex = HEX_LITERAL.matcher(s);
        if (hex.matches()) {
            String digits = hex.group(1) != null ? hex.group(1) : hex.group(2);
            return Optional.of(new BigDecimal(digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16)));
        }
        try {
            return Optional.of(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> bytes(String expr) {
        Matcher hex = HEX_LITERAL.matcher(expr.trim());
        if (hex.matches()) {
            return Optional.of(HexFormat.of().parseHex(hex.group(1) != null ? hex.group(1) : hex.group(2)));
        }
        return text(expr).map(x -> x.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The text of a string literal's content as the history keeps it (quotes doubled). A backslash
     * is an escape or itself depending on the session's SQL mode, which the history does not keep:
     * such a default is not guessed.
     */
    private static Optional<String> text(String content) {
        if (content.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        return Optional.of(content.replace("''", "'"));
    }

    /** An ENUM option as Debezium lists it, in quotes. */
    private static String unquoted(String option) {
        return option.length() >= 2 && option.startsWith("'") && option.endsWith("'")
                ? option.substring(1, option.length() - 1) : option;
    }

    /** BINARY(n) is padded with zero bytes to its length. */
    private static byte[] pad(String type, ColumnSchema c, byte[] b) {
        if (!type.equals("BINARY") || c.length() == null || b.length >= c.length()) {
            return b;
        }
        byte[] padded = new byte[c.length()];
        System.arraycopy(b, 0, padded, 0, b.length);
        return padded;
    }

    /**
     * The digits after the seconds' point. A literal with more than the column keeps is rounded or
     * cut by the source depending on its SQL mode: such a default is not guessed.
     */
    private static int fractionDigits(String expr) {
        String s = expr.trim();
        int dot = s.lastIndexOf('.');
        return dot < 0 || s.indexOf(':') < 0 ? 0 : s.length() - dot - 1;
    }

    /** The fractional-second digits of a DATETIME column (its declared length). */
    private static int fsp(ColumnSchema c) {
        return c.length() == null ? 0 : c.length();
    }

    private static Optional<LocalDate> date(String expr) {
        try {
            LocalDate d = LocalDate.parse(expr.trim());
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty(); // the zero date, an expression
        }
    }

    private static Optional<LocalDateTime> datetime(String expr) {
        try {
            return Optional.of(LocalDateTime.parse(expr.trim(), DATETIME));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // CURRENT_TIMESTAMP, the zero date, an expression
        }
    }

    /** A TIME literal as the duration it stands for. */
    private static Optional<Duration> time(String expr) {
        Matcher m = TIME.matcher(expr.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String fraction = m.group(5) == null ? "" : m.group(5);
        long micros = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 6));
        Duration d = Duration.ofHours(Long.parseLong(m.group(2))).plusMinutes(Long.parseLong(m.group(3)))
                .plusSeconds(Long.parseLong(m.group(4))).plusNanos(micros * 1000);
        return Optional.of(m.group(1) != null ? d.negated() : d);
    }
}
