package io.bendcdc.it.fidelity;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A MariaDB column type the generator uses, with its DDL and a generator of SQL literals for it that
 * favours the type's limits. {@code size} and {@code scale} are the type's parameters where it has
 * them (length, precision, bits, fractional second digits).
 */
record ColumnType(Base base, boolean unsigned, int size, int scale) {

    enum Base {
        TINYINT(8), SMALLINT(16), MEDIUMINT(24), INT(32), BIGINT(64), DECIMAL(0), FLOAT(0), DOUBLE(0), BIT(0),
        CHAR(0), VARCHAR(0), TEXT(0), BINARY(0), VARBINARY(0), BLOB(0), DATE(0), DATETIME(0), TIMESTAMP(0),
        TIME(0), YEAR(0), ENUM(0), SET(0), JSON(0);

        final int bits;

        Base(int bits) {
            this.bits = bits;
        }
    }

    /** Where a value is written: before the pipeline starts (read by its snapshot) or while it streams. */
    enum Phase { SNAPSHOT, STREAM }

    /** What a literal is generated for. */
    record Context(Random random, Set<KnownDefect> excluded, Phase phase, ZoneOffset sessionZone) {
        boolean excludes(KnownDefect d) {
            return excluded.contains(d);
        }
    }

    static final List<String> ENUM_MEMBERS = List.of("a", "B", "it's", "x,y", "😀", "NULL", "\\N");
    /** The members a streamed ENUM value keeps (see {@link KnownDefect#ENUM_STREAMED}). */
    static final List<String> SAFE_ENUM_MEMBERS = List.of("a", "B", "it's", "NULL");
    static final List<String> SET_MEMBERS = List.of("x", "y", "z w", "NULL", "'q'");

    /** Texts that break naive CSV, SQL or JSON handling. */
    static final List<String> HOSTILE = List.of("", "NULL", "null", "\\N", "N", "'", "''", "\"", "\\", "\\\\",
            "\0", "a\0b", "\n", "\r\n", "\t", ",", ";", "a,b\tc\nd\r", "😀", "emoji 😀 ünïcode 中文 𝄞", "  lead",
            "trail  ", " ", "\"quoted, with comma\"", "back\\slash\\n", "\\0", "$1", "%s", "--", "/*x*/",
            "<tag>&amp;", "\u00a0nbsp", "\u200b", "é", "\u0001\u001f\u007f");

    String ddl() {
        return switch (base) {
            case TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT -> base.name() + (unsigned ? " UNSIGNED" : "");
            case DECIMAL -> "DECIMAL(" + size + "," + scale + ")";
            case FLOAT, DOUBLE, TEXT, BLOB, DATE, YEAR, JSON -> base.name();
            case BIT, CHAR, VARCHAR, BINARY, VARBINARY -> base.name() + "(" + size + ")";
            case DATETIME, TIME -> base.name() + "(" + size + ")";
            case TIMESTAMP -> "TIMESTAMP(" + size + ") NULL";
            case ENUM -> "ENUM(" + String.join(",", ENUM_MEMBERS.stream().map(ColumnType::quote).toList()) + ")";
            case SET -> "SET(" + String.join(",", SET_MEMBERS.stream().map(ColumnType::quote).toList()) + ")";
        };
    }

    /** Types that may take a DEFAULT in CREATE/ALTER here (the generator leaves the large ones without). */
    boolean takesDefault() {
        return switch (base) {
            case TEXT, BLOB, JSON -> false;
            default -> true;
        };
    }

    /** Integers, DECIMAL, FLOAT, DOUBLE and YEAR. */
    boolean isNumeric() {
        return switch (base) {
            case TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT, DECIMAL, FLOAT, DOUBLE, YEAR -> true;
            default -> false;
        };
    }

    /** A random column type. */
    static ColumnType random(Random r) {
        Base b = Base.values()[r.nextInt(Base.values().length)];
        return switch (b) {
            case TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT -> new ColumnType(b, r.nextBoolean(), 0, 0);
            case DECIMAL -> decimal(r);
            case BIT -> new ColumnType(b, false, r.nextInt(3) == 0 ? 1 : pick(r, List.of(2, 7, 8, 33, 63, 64)), 0);
            case CHAR -> new ColumnType(b, false, pick(r, List.of(1, 10, 255)), 0);
            case VARCHAR -> new ColumnType(b, false, pick(r, List.of(1, 20, 255, 1000)), 0);
            case BINARY -> new ColumnType(b, false, pick(r, List.of(1, 4, 16)), 0);
            case VARBINARY -> new ColumnType(b, false, pick(r, List.of(1, 16, 300)), 0);
            case DATETIME, TIMESTAMP, TIME -> new ColumnType(b, false, r.nextInt(7), 0);
            default -> new ColumnType(b, false, 0, 0);
        };
    }

    static ColumnType decimal(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> new ColumnType(Base.DECIMAL, false, 65, 30);
            case 1 -> new ColumnType(Base.DECIMAL, false, 65, 0);
            case 2 -> new ColumnType(Base.DECIMAL, false, 1, 0);
            default -> {
                int p = 1 + r.nextInt(65);
                yield new ColumnType(Base.DECIMAL, false, p, r.nextInt(Math.min(p, 30) + 1));
            }
        };
    }

    /** A SQL literal of a value of this type, never NULL. */
    String literal(Context c) {
        Random r = c.random();
        return switch (base) {
            case TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT -> integer(r);
            case DECIMAL -> decimalLiteral(r);
            case FLOAT -> floatLiteral(c);
            case DOUBLE -> doubleLiteral(r);
            case BIT -> bitLiteral(r);
            case CHAR, VARCHAR -> quote(text(c, size));
            case TEXT -> quote(r.nextInt(12) == 0 ? longText(r) : text(c, 1000));
            case BINARY, VARBINARY -> binaryLiteral(r, size);
            case BLOB -> binaryLiteral(r, r.nextInt(8) == 0 ? 3000 : 300);
            case DATE -> quote(date(c).toString());
            case DATETIME -> quote(datetime(c));
            case TIMESTAMP -> quote(timestamp(c));
            case TIME -> quote(time(r));
            case YEAR -> year(c);
            case ENUM -> quote(pick(r, c.excludes(KnownDefect.ENUM_STREAMED) ? SAFE_ENUM_MEMBERS : ENUM_MEMBERS));
            case SET -> quote(setValue(c));
            case JSON -> quote(json(r, 0));
        };
    }

    private String integer(Random r) {
        BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(base.bits - 1).negate();
        BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(base.bits).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(base.bits - 1).subtract(BigInteger.ONE);
        return switch (r.nextInt(6)) {
            case 0 -> min.toString();
            case 1 -> max.toString();
            case 2 -> unsigned ? "1" : "-1";
            case 3 -> "0";
            default -> new BigInteger(base.bits + 8, r).mod(max.subtract(min).add(BigInteger.ONE)).add(min).toString();
        };
    }

    private String decimalLiteral(Random r) {
        int intDigits = size - scale;
        String frac9 = "9".repeat(scale);
        return switch (r.nextInt(6)) {
            case 0 -> (intDigits > 0 ? "9".repeat(intDigits) : "0") + (scale > 0 ? "." + frac9 : "");
            case 1 -> "-" + (intDigits > 0 ? "9".repeat(intDigits) : "0") + (scale > 0 ? "." + frac9 : "");
            case 2 -> "0";
            case 3 -> scale > 0 ? "0." + "0".repeat(scale - 1) + "1" : "1";
            default -> {
                StringBuilder s = new StringBuilder(r.nextBoolean() ? "-" : "");
                int n = intDigits == 0 ? 0 : 1 + r.nextInt(intDigits);
                s.append(n == 0 ? "0" : digits(r, n));
                if (scale > 0) {
                    s.append('.').append(digits(r, 1 + r.nextInt(scale)));
                }
                yield s.toString();
            }
        };
    }

    private static String digits(Random r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    private static String floatLiteral(Context c) {
        Random r = c.random();
        return switch (r.nextInt(7)) {
            case 0 -> "3.40282e38";
            case 1 -> "-3.40282e38";
            case 2 -> "1.17549e-38";
            case 3 -> "123456.703125";
            case 4 -> "0";
            default -> Float.toString((float) (r.nextGaussian() * Math.pow(10, r.nextInt(30) - 15)));
        };
    }

    private static String doubleLiteral(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "1.7976931348623157e308";
            case 1 -> "-1.7976931348623157e308";
            case 2 -> "2.2250738585072014e-308";
            case 3 -> "0.1";
            default -> Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(600) - 300));
        };
    }

    private String bitLiteral(Random r) {
        BigInteger v = switch (r.nextInt(4)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE.shiftLeft(size).subtract(BigInteger.ONE);
            default -> new BigInteger(size, r);
        };
        return "b'" + v.toString(2) + "'";
    }

    static String text(Context c, int maxChars) {
        Random r = c.random();
        StringBuilder s = new StringBuilder();
        int parts = r.nextInt(4) == 0 ? 2 + r.nextInt(3) : 1;
        for (int i = 0; i < parts; i++) {
            s.append(pick(r, HOSTILE));
        }
        String t = s.toString();
        int[] cps = t.codePoints().limit(maxChars).toArray();
        return new String(cps, 0, cps.length);
    }

    private static String longText(Random r) {
        StringBuilder s = new StringBuilder();
        while (s.length() < 3000) {
            s.append(pick(r, HOSTILE)).append(r.nextInt(1000));
        }
        return s.toString();
    }

    private static String binaryLiteral(Random r, int maxLen) {
        byte[] b;
        switch (r.nextInt(5)) {
            case 0 -> b = new byte[0];
            case 1 -> {
                b = new byte[Math.min(maxLen, 256)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) i;
                }
            }
            case 2 -> b = new byte[] {0};
            default -> {
                b = new byte[1 + r.nextInt(maxLen)];
                r.nextBytes(b);
            }
        }
        return "X'" + HexFormat.of().formatHex(b) + "'";
    }

    private static final LocalDate MIN_DATE = LocalDate.of(1000, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    private static LocalDate date(Context c) {
        Random r = c.random();
        return switch (r.nextInt(8)) {
            case 0 -> MIN_DATE;
            case 1 -> MAX_DATE;
            case 2 -> LocalDate.of(1582, 10, 4);
            case 3 -> LocalDate.of(1582, 10, 15);
            case 4 -> LocalDate.of(2024, 2, 29);
            case 5 -> LocalDate.of(1970, 1, 1);
            default -> LocalDate.ofEpochDay(MIN_DATE.toEpochDay()
                    + (long) (r.nextDouble() * (MAX_DATE.toEpochDay() - MIN_DATE.toEpochDay())));
        };
    }

    private String fraction(Random r) {
        if (size == 0) {
            return "";
        }
        String f = switch (r.nextInt(4)) {
            case 0 -> "9".repeat(size);
            case 1 -> "0".repeat(size - 1) + "1";
            default -> digits(r, size);
        };
        return "." + f;
    }

    private String datetime(Context c) {
        Random r = c.random();
        LocalDate d = date(c);
        String time = switch (r.nextInt(4)) {
            case 0 -> "00:00:00";
            case 1 -> "23:59:59";
            default -> String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
        };
        return d + " " + time + fraction(r);
    }

    private static final long MIN_TS = Instant.parse("1970-01-01T00:00:01Z").getEpochSecond();
    private static final long MAX_TS = Instant.parse("2038-01-19T03:14:07Z").getEpochSecond();

    private String timestamp(Context c) {
        Random r = c.random();
        long s = switch (r.nextInt(5)) {
            case 0 -> MIN_TS;
            case 1 -> MAX_TS;
            default -> MIN_TS + (long) (r.nextDouble() * (MAX_TS - MIN_TS));
        };
        LocalDateTime local = LocalDateTime.ofEpochSecond(s, 0, c.sessionZone());
        return local.toLocalDate() + " " + local.toLocalTime().toString().substring(0, 5)
                + String.format(":%02d", local.getSecond()) + fraction(r);
    }

    private String time(Random r) {
        int h = switch (r.nextInt(5)) {
            case 0 -> 838;
            case 1 -> -838;
            case 2 -> 0;
            default -> r.nextInt(1677) - 838;
        };
        boolean limit = Math.abs(h) == 838 && r.nextBoolean();
        String mmss = limit ? "59:59" : String.format("%02d:%02d", r.nextInt(60), r.nextInt(60));
        String frac = limit ? (size == 0 ? "" : "." + "0".repeat(size)) : fraction(r);
        String sign = h < 0 || (h == 0 && r.nextInt(4) == 0) ? "-" : "";
        return sign + String.format("%02d", Math.abs(h)) + ":" + mmss + frac;
    }

    private static String year(Context c) {
        Random r = c.random();
        return switch (r.nextInt(5)) {
            case 0 -> "0";
            case 1 -> "1901";
            case 2 -> "2155";
            default -> Integer.toString(1901 + r.nextInt(255));
        };
    }

    private static String setValue(Context c) {
        StringBuilder s = new StringBuilder();
        for (String m : SET_MEMBERS) {
            if (c.random().nextInt(3) == 0) {
                s.append(s.length() == 0 ? "" : ",").append(m);
            }
        }
        return s.toString();
    }

    private static final List<String> JSON_LEAVES = List.of("null", "true", "false", "0", "-1", "1.5", "1e-7",
            "12345678901234567890", "-9223372036854775808", "\"\"", "\"NULL\"", "\"\\\\N\"", "\"a\\nb\\t\\\"q\\\"\"",
            "\"😀 ü 中\"", "\"\\u0000\"", "3.141592653589793");

    private static String json(Random r, int depth) {
        int k = depth >= 2 ? 0 : r.nextInt(4);
        return switch (k) {
            case 1 -> {
                StringBuilder s = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ", ").append(json(r, depth + 1));
                }
                yield s.append(']').toString();
            }
            case 2 -> {
                StringBuilder s = new StringBuilder("{");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ", ").append('"').append(pick(r, List.of("a", "B", "k y", "ü", "")))
                            .append(i).append("\": ").append(json(r, depth + 1));
                }
                yield s.append('}').toString();
            }
            default -> pick(r, JSON_LEAVES);
        };
    }

    /** A MariaDB string literal (backslash escapes are on: sql_mode has no NO_BACKSLASH_ESCAPES). */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("'");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> q.append("\\\\");
                case '\'' -> q.append("\\'");
                case '\0' -> q.append("\\0");
                default -> q.append(ch);
            }
        }
        return q.append('\'').toString();
    }

    static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
