package io.bendcdc.it.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A column type of the source, as its DDL spells it, with values such a column holds. Each value
 * is a {@link Cell}: what the binlog reader hands Debezium's value converter (signed integers for
 * unsigned columns, UTF-8 bytes for text, a {@link BitSet} for BIT, the option index for ENUM, the
 * SRID-prefixed bytes for geometry, ...) and the Java value the applier must decode, as
 * {@code ChangeEvent}'s javadoc promises it. The two are written down independently: the decoded
 * value is never computed from what Debezium made of the binlog value.
 *
 * @param ddl       the type in a column definition, e.g. {@code DECIMAL(65,30)}
 * @param keyable   whether the type may be (part of) a primary key here
 * @param mariadbOnly a type the MySQL connector does not know (UUID)
 * @param random    a random value of the type's whole domain
 * @param edges     the values at the type's limits and the ones known to be awkward
 */
record ColumnType(String ddl, boolean keyable, boolean mariadbOnly, Function<Random, Cell> random, List<Cell> edges) {

    /** One value of a column: the binlog reader's Java value and the applier's decoded value; both null for SQL NULL. */
    record Cell(Object binlog, Object decoded) {
        static final Cell NULL = new Cell(null, null);

        static Cell same(Object value) {
            return new Cell(value, value);
        }
    }

    @Override
    public String toString() {
        return ddl;
    }

    private static ColumnType of(String ddl, boolean keyable, Function<Random, Cell> random, Cell... edges) {
        return new ColumnType(ddl, keyable, false, random, List.of(edges));
    }

    // ---- integers: Debezium widens TINYINT to int16, and each unsigned type to the next wider one

    static ColumnType tinyint() {
        return signed("TINYINT", 8);
    }

    static ColumnType smallint() {
        return signed("SMALLINT", 16);
    }

    static ColumnType mediumint() {
        return signed("MEDIUMINT", 24);
    }

    static ColumnType integer() {
        return signed("INT", 32);
    }

    /** TINYINT(1), which MySQL also spells BOOLEAN: a TINYINT to Debezium (without a converter). */
    static ColumnType tinyintOne() {
        return of("TINYINT(1)", true, r -> integerCell(r.nextInt(256) - 128), integerCell(0), integerCell(1),
                integerCell(-128), integerCell(127));
    }

    private static ColumnType signed(String ddl, int bits) {
        int min = -(1 << (bits - 1));
        int max = bits == 32 ? Integer.MAX_VALUE : (1 << (bits - 1)) - 1;
        return of(ddl, true, r -> integerCell(bits == 32 ? r.nextInt() : min + r.nextInt(max - min + 1)),
                integerCell(min), integerCell(max), integerCell(0), integerCell(-1));
    }

    /** The binlog sends the column's bits as a signed number; the applier sees the unsigned value. */
    static ColumnType unsigned(String ddl, int bits) {
        long max = (1L << bits) - 1;
        Function<Long, Cell> cell = v -> {
            long signed = v >= 1L << (bits - 1) ? v - (1L << bits) : v;
            return bits == 32 ? new Cell((int) signed, v) : new Cell((int) signed, v.intValue());
        };
        return of(ddl + " UNSIGNED", true, r -> cell.apply(r.nextLong() >>> (64 - bits)),
                cell.apply(0L), cell.apply(max), cell.apply(1L << (bits - 1)), cell.apply((1L << (bits - 1)) - 1));
    }

    static ColumnType bigint() {
        return of("BIGINT", true, r -> Cell.same(r.nextLong()), Cell.same(Long.MIN_VALUE), Cell.same(Long.MAX_VALUE),
                Cell.same(0L), Cell.same(-1L));
    }

    /** {@code bigint.unsigned.handling.mode=precise}: Connect's Decimal with scale 0. */
    static ColumnType bigintUnsigned() {
        Function<BigInteger, Cell> cell = v -> new Cell(v.longValue(), new BigDecimal(v));
        return of("BIGINT UNSIGNED", true, r -> cell.apply(new BigInteger(64, r)),
                cell.apply(BigInteger.ZERO), cell.apply(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
                cell.apply(BigInteger.ONE.shiftLeft(63)), cell.apply(BigInteger.valueOf(Long.MAX_VALUE)));
    }

    private static Cell integerCell(int v) {
        return Cell.same(v);
    }

    // ---- BIT

    /** BIT(1) is a Connect boolean. */
    static ColumnType bit1() {
        Function<Boolean, Cell> cell = b -> new Cell(bits(b ? 1 : 0), b);
        return of("BIT(1)", false, r -> cell.apply(r.nextBoolean()), cell.apply(true), cell.apply(false));
    }

    /** BIT(n), n &gt; 1: Debezium's Bits, little-endian bytes; the applier reads the n bits as a long. */
    static ColumnType bit(int n) {
        long mask = n == 64 ? -1L : (1L << n) - 1;
        Function<Long, Cell> cell = v -> new Cell(bits(v), v);
        return of("BIT(" + n + ")", true, r -> cell.apply(r.nextLong() & mask),
                cell.apply(0L), cell.apply(mask), cell.apply(1L << (n - 1)), cell.apply(1L));
    }

    private static BitSet bits(long v) {
        return BitSet.valueOf(new long[] {v});
    }

    // ---- floating point: every finite value, including -0.0 and subnormals

    static ColumnType floatType() {
        return of("FLOAT", false, r -> Cell.same(randomFloat(r)),
                Cell.same(0.0f), Cell.same(-0.0f), Cell.same(1.1f), Cell.same(Float.MAX_VALUE),
                Cell.same(-Float.MAX_VALUE), Cell.same(Float.MIN_NORMAL), Cell.same(Float.MIN_VALUE),
                Cell.same(16_777_217f), Cell.same(-3.4028235e38f), Cell.same(1e-10f));
    }

    static ColumnType doubleType() {
        return of("DOUBLE", false, r -> Cell.same(randomDouble(r)),
                Cell.same(0.0), Cell.same(-0.0), Cell.same(0.1), Cell.same(Double.MAX_VALUE),
                Cell.same(-Double.MAX_VALUE), Cell.same(Double.MIN_NORMAL), Cell.same(Double.MIN_VALUE),
                Cell.same(9_007_199_254_740_993.0), Cell.same(1e300), Cell.same(-1.7976931348623157e308));
    }

    private static float randomFloat(Random r) {
        if (r.nextBoolean()) {
            return (r.nextInt(2_000_001) - 1_000_000) / 100f;
        }
        float f;
        do {
            f = Float.intBitsToFloat(r.nextInt());
        } while (!Float.isFinite(f));
        return f;
    }

    private static double randomDouble(Random r) {
        if (r.nextBoolean()) {
            return (r.nextLong() % 1_000_000_000_000L) / 1000.0;
        }
        double d;
        do {
            d = Double.longBitsToDouble(r.nextLong());
        } while (!Double.isFinite(d));
        return d;
    }

    // ---- DECIMAL in decimal.handling.mode=precise: Connect's Decimal, the column's scale

    static ColumnType decimal(int precision, int scale) {
        Function<BigInteger, Cell> cell = unscaled -> Cell.same(new BigDecimal(unscaled, scale));
        BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
        return of("DECIMAL(" + precision + "," + scale + ")", true, r -> cell.apply(randomDigits(r, precision)),
                cell.apply(BigInteger.ZERO), cell.apply(max), cell.apply(max.negate()), cell.apply(BigInteger.ONE),
                cell.apply(BigInteger.ONE.negate()), cell.apply(BigInteger.TEN.pow(precision - 1)));
    }

    private static BigInteger randomDigits(Random r, int maxDigits) {
        int digits = 1 + r.nextInt(maxDigits);
        StringBuilder s = new StringBuilder(r.nextBoolean() ? "-" : "");
        for (int i = 0; i < digits; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return new BigInteger(s.toString());
    }

    // ---- text: the binlog hands the column's bytes in its charset (utf8mb4 here)

    /** Text that is awkward somewhere between a binlog and a CSV file. */
    static final List<String> HOSTILE_TEXT = List.of("", "NULL", "null", "\\N", "'", "''", "\"", "\"\"", "\\", "\\\\",
            "\u0000", "a\u0000b", "\n", "\r\n", "\t", " ", "  padded  ", ",", "a,\"b\",c", "😀", "👩‍👩‍👧‍👦",
            "\u2028\u2029", "\uFEFF", "\uFFFF", "\u007F\u001F\b\f", "é ü 漢字", "},\"payload\":null}",
            "{\"schema\":null,\"payload\":null}", "<script>'; DROP TABLE t; --", "x".repeat(70_000));

    static ColumnType varchar(int length) {
        return text("VARCHAR(" + length + ")", true, length);
    }

    static ColumnType longtext() {
        return text("LONGTEXT", false, Integer.MAX_VALUE);
    }

    private static ColumnType text(String ddl, boolean keyable, int maxLength) {
        List<Cell> edges = HOSTILE_TEXT.stream().filter(s -> s.codePointCount(0, s.length()) <= maxLength)
                .map(ColumnType::textCell).toList();
        return new ColumnType(ddl, keyable, false, r -> textCell(randomText(r, Math.min(maxLength, 60))), edges);
    }

    static Cell textCell(String s) {
        return new Cell(s.getBytes(StandardCharsets.UTF_8), s);
    }

    private static final String AWKWARD_CHARS = "\u0000\n\r\t\"\\',/\b\f\u001F\u007F\u2028\u2029\uFEFF\uFFFF";

    /** Code points utf8mb4 can hold: anything but surrogates, with control and quoting characters often. */
    static String randomText(Random r, int maxCodePoints) {
        int n = r.nextInt(maxCodePoints + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(10);
            int cp;
            if (pick < 5) {
                cp = 0x20 + r.nextInt(0x5F);
            } else if (pick < 7) {
                cp = AWKWARD_CHARS.charAt(r.nextInt(AWKWARD_CHARS.length()));
            } else if (pick < 9) {
                cp = 0xA0 + r.nextInt(0xD800 - 0xA0);
            } else {
                cp = 0x10000 + r.nextInt(0x110000 - 0x10000);
            }
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    /** JSON documents: to the connector and the applier they are text. */
    static ColumnType json() {
        Function<String, Cell> cell = Cell::same;
        return of("JSON", false, r -> cell.apply("{\"k\":" + jsonString(randomText(r, 20)) + ",\"n\":" + r.nextLong() + "}"),
                cell.apply("{}"), cell.apply("[]"), cell.apply("null"), cell.apply("\"\""), cell.apply("1e400"),
                cell.apply("{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u0000\\n\\\"\"}"));
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (cp < 0x20) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    // ---- binary

    static ColumnType varbinary(int length) {
        return binary("VARBINARY(" + length + ")", true, 0, length);
    }

    static ColumnType blob() {
        return binary("BLOB", false, 0, 64);
    }

    /** BINARY(n): values of exactly n bytes (shorter ones are right-padded with 0x00 by the server). */
    static ColumnType fixedBinary(int length) {
        return binary("BINARY(" + length + ")", true, length, length);
    }

    private static ColumnType binary(String ddl, boolean keyable, int minLength, int maxLength) {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        List<Cell> edges = new ArrayList<>();
        byte[] nullText = "NULL".getBytes(StandardCharsets.US_ASCII);
        for (byte[] b : List.of(new byte[0], new byte[] {0}, new byte[] {-1}, all, nullText)) {
            if (b.length >= minLength && b.length <= maxLength) {
                edges.add(bytesCell(b));
            }
        }
        edges.add(bytesCell(new byte[maxLength]));
        return new ColumnType(ddl, keyable, false, r -> {
            byte[] b = new byte[minLength + r.nextInt(maxLength - minLength + 1)];
            r.nextBytes(b);
            return bytesCell(b);
        }, edges);
    }

    private static Cell bytesCell(byte[] b) {
        return new Cell(b.clone(), b.clone());
    }

    // ---- temporal types (time.precision.mode=adaptive_time_microseconds)

    private static final LocalDate MIN_DATE = LocalDate.of(1000, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    /** DATE: Debezium's Date, days since the epoch. */
    static ColumnType date() {
        long from = MIN_DATE.toEpochDay();
        long to = MAX_DATE.toEpochDay();
        return of("DATE", true, r -> Cell.same(LocalDate.ofEpochDay(from + r.nextInt((int) (to - from + 1)))),
                Cell.same(MIN_DATE), Cell.same(MAX_DATE), Cell.same(LocalDate.EPOCH), Cell.same(LocalDate.of(1969, 12, 31)),
                Cell.same(LocalDate.of(2000, 2, 29)));
    }

    /** TIME(fsp): Debezium's MicroTime; -838:59:59 to 838:59:59, so no time of day. */
    static ColumnType time(int fsp) {
        long limit = Duration.ofHours(838).plusMinutes(59).plusSeconds(59).toNanos() / 1000;
        Function<Long, Cell> cell = micros -> Cell.same(Duration.of(truncate(micros, fsp), ChronoUnit.MICROS));
        return of("TIME(" + fsp + ")", true, r -> cell.apply(r.nextLong() % (limit + 1)),
                cell.apply(0L), cell.apply(limit), cell.apply(-limit), cell.apply(-1L), cell.apply(86_400_000_000L),
                cell.apply(-500_000L));
    }

    /** DATETIME(fsp): Debezium's Timestamp (fsp 0-3, millis) or MicroTimestamp (4-6); the wall-clock digits. */
    static ColumnType datetime(int fsp) {
        long from = MIN_DATE.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long to = MAX_DATE.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        Function<Long, Cell> cell = micros -> Cell.same(LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), 0,
                ZoneOffset.UTC).plus(truncate(Math.floorMod(micros, 1_000_000), fsp), ChronoUnit.MICROS));
        return of("DATETIME(" + fsp + ")", true,
                r -> cell.apply((from + (long) (r.nextDouble() * (to - from))) * 1_000_000 + r.nextInt(1_000_000)),
                cell.apply(from * 1_000_000), cell.apply(to * 1_000_000 - 1), cell.apply(0L), cell.apply(-1L),
                cell.apply(1_704_164_645_123_456L));
    }

    /** TIMESTAMP(fsp): Debezium's ZonedTimestamp (UTC text); the binlog reader gives a UTC ZonedDateTime. */
    static ColumnType timestamp(int fsp) {
        Function<Long, Cell> cell = micros -> {
            Instant at = Instant.EPOCH.plus(truncate(micros, fsp), ChronoUnit.MICROS);
            return new Cell(at.atZone(ZoneOffset.UTC), at);
        };
        long max = (long) Integer.MAX_VALUE * 1_000_000 + 999_999;
        return of("TIMESTAMP(" + fsp + ")", false,
                r -> cell.apply(1_000_000 + (long) (r.nextDouble() * (max - 1_000_000))),
                cell.apply(1_000_000L), cell.apply(max), cell.apply(1_704_164_645_000_001L));
    }

    private static long truncate(long micros, int fsp) {
        long unit = (long) Math.pow(10, 6 - fsp);
        return micros / unit * unit;
    }

    /** YEAR: Debezium's Year, an int32. */
    static ColumnType year() {
        return of("YEAR", true, r -> integerCell(1901 + r.nextInt(255)), integerCell(1901), integerCell(2155),
                integerCell(1970), integerCell(2000));
    }

    // ---- ENUM and SET: the binlog sends the option index / the bit mask, the applier sees the text

    static ColumnType enumOf(String... options) {
        Function<Integer, Cell> cell = i -> new Cell(i, i == 0 ? "" : options[i - 1]);
        List<Cell> edges = new ArrayList<>();
        for (int i = 0; i <= options.length; i++) {
            edges.add(cell.apply(i));
        }
        return new ColumnType("ENUM(" + sqlList(options) + ")", true, false, r -> cell.apply(1 + r.nextInt(options.length)),
                edges);
    }

    static ColumnType setOf(String... options) {
        Function<Long, Cell> cell = mask -> {
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < options.length; i++) {
                if ((mask & (1L << i)) != 0) {
                    chosen.add(options[i]);
                }
            }
            return new Cell(mask, String.join(",", chosen));
        };
        long all = (1L << options.length) - 1;
        return of("SET(" + sqlList(options) + ")", false, r -> cell.apply(r.nextLong() & all), cell.apply(0L),
                cell.apply(all), cell.apply(1L));
    }

    private static String sqlList(String... options) {
        return java.util.Arrays.stream(options).map(o -> "'" + o.replace("'", "''") + "'").collect(Collectors.joining(","));
    }

    // ---- spatial: the binlog sends a little-endian SRID before the WKB; the applier keeps the WKB

    static ColumnType geometry() {
        return of("GEOMETRY", false, r -> geometryCell(r, r.nextBoolean() ? point(r, r.nextBoolean()) : lineString(r)),
                geometryCell(4326, point(1.5, -2.5, true)), geometryCell(0, point(0, 0, false)),
                geometryCell(3857, point(Double.MAX_VALUE, -0.0, true)));
    }

    static ColumnType point() {
        return of("POINT", false, r -> geometryCell(r, point(r, r.nextBoolean())), geometryCell(0, point(1, 2, true)));
    }

    private static Cell geometryCell(Random r, byte[] wkb) {
        return geometryCell(new int[] {0, 4326, 3857}[r.nextInt(3)], wkb);
    }

    private static Cell geometryCell(int srid, byte[] wkb) {
        byte[] binlog = ByteBuffer.allocate(4 + wkb.length).order(ByteOrder.LITTLE_ENDIAN).putInt(srid).put(wkb).array();
        return new Cell(binlog, wkb);
    }

    private static byte[] point(Random r, boolean littleEndian) {
        return point((r.nextDouble() - 0.5) * 360, (r.nextDouble() - 0.5) * 180, littleEndian);
    }

    private static byte[] point(double x, double y, boolean littleEndian) {
        ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return ByteBuffer.allocate(21).order(order).put((byte) (littleEndian ? 1 : 0)).putInt(1).putDouble(x).putDouble(y)
                .array();
    }

    private static byte[] lineString(Random r) {
        int n = 2 + r.nextInt(4);
        ByteBuffer b = ByteBuffer.allocate(9 + 16 * n).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(2).putInt(n);
        for (int i = 0; i < n; i++) {
            b.putDouble(r.nextGaussian() * 100).putDouble(r.nextGaussian() * 100);
        }
        return b.array();
    }

    // ---- MariaDB's UUID: Debezium's Uuid, a string

    static ColumnType uuid() {
        Function<UUID, Cell> cell = u -> new Cell(u, u.toString());
        return new ColumnType("UUID", true, true, r -> cell.apply(new UUID(r.nextLong(), r.nextLong())),
                List.of(cell.apply(new UUID(0, 0)), cell.apply(new UUID(-1, -1))));
    }

    /** Every type above with typical parameters: the columns of the all-types table. */
    static List<ColumnType> all() {
        return List.of(tinyint(), unsigned("TINYINT", 8), smallint(), unsigned("SMALLINT", 16), mediumint(),
                unsigned("MEDIUMINT", 24), integer(), unsigned("INT", 32), bigint(), bigintUnsigned(), tinyintOne(),
                bit1(), bit(2), bit(10), bit(64), floatType(), doubleType(), decimal(65, 30), decimal(12, 2),
                decimal(38, 0), varchar(255), longtext(), json(), varbinary(64), blob(), fixedBinary(4), date(),
                time(0), time(6), datetime(0), datetime(3), datetime(6), timestamp(0), timestamp(6), year(),
                enumOf("new", "paid", "shipped"), setOf("a", "b", "c", "d"), geometry(), point(), uuid());
    }

    /** A type with random parameters, for generated tables. */
    static ColumnType random(Random r) {
        return switch (r.nextInt(30)) {
            case 0 -> tinyint();
            case 1 -> unsigned("TINYINT", 8);
            case 2 -> smallint();
            case 3 -> unsigned("SMALLINT", 16);
            case 4 -> mediumint();
            case 5 -> unsigned("MEDIUMINT", 24);
            case 6 -> integer();
            case 7 -> unsigned("INT", 32);
            case 8 -> bigint();
            case 9 -> bigintUnsigned();
            case 10 -> tinyintOne();
            case 11 -> r.nextInt(4) == 0 ? bit1() : bit(2 + r.nextInt(63));
            case 12 -> floatType();
            case 13 -> doubleType();
            case 14 -> {
                int precision = 1 + r.nextInt(65);
                yield decimal(precision, r.nextInt(Math.min(precision, 30) + 1));
            }
            case 15 -> varchar(1 + r.nextInt(255));
            case 16 -> longtext();
            case 17 -> json();
            case 18 -> varbinary(1 + r.nextInt(64));
            case 19 -> blob();
            case 20 -> fixedBinary(1 + r.nextInt(16));
            case 21 -> date();
            case 22 -> time(r.nextInt(7));
            case 23 -> datetime(r.nextInt(7));
            case 24 -> timestamp(r.nextInt(7));
            case 25 -> year();
            // No option with a comma: see EnvelopeContractTest (Debezium escapes it)
            case 26 -> enumOf("x", "y y", "it's", "", "\"q\"", "é");
            case 27 -> setOf("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7");
            case 28 -> r.nextBoolean() ? geometry() : point();
            default -> uuid();
        };
    }
}
