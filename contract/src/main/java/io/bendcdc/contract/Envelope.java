package io.bendcdc.contract;

/**
 * The layout of a change event on a table's topic: the standard Debezium envelope as Kafka
 * Connect's {@code JsonConverter} writes it with {@code schemas.enable=true}. The engine writes
 * it ({@code EnvelopeSerializer}), the applier reads it ({@code EnvelopeDecoder}); the names below
 * are the ones both use.
 *
 * <pre>
 * key:   {"schema": {…}, "payload": {&lt;key columns&gt;}}
 * value: {"schema": {…}, "payload": {"before": row|null, "after": row|null,
 *                                    "source": {"db", "table", "file", "pos", "row", "snapshot", "gtid", "ts_ms", …},
 *                                    "op": "c"|"u"|"d"|"r"|"t", "ts_ms": …}}
 * </pre>
 *
 * A delete is followed by a tombstone: the same key, a null value.
 */
public final class Envelope {

    private Envelope() {
    }

    /** The two halves of a record written with its schema. */
    public static final String SCHEMA = "schema";
    public static final String PAYLOAD = "payload";

    /** The payload's fields. */
    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String SOURCE = "source";
    public static final String OP = "op";

    /** The fields of {@link #SOURCE} that locate an event in the binlog and name its table. */
    public static final class Source {
        private Source() {
        }

        public static final String DB = "db";
        public static final String TABLE = "table";
        public static final String FILE = "file";
        public static final String POS = "pos";
        public static final String ROW = "row";
        /** {@code "true"}, {@code "first"}, {@code "last"}, … during a snapshot; {@code "false"} or absent when streaming. */
        public static final String SNAPSHOT = "snapshot";
        public static final String GTID = "gtid";
        /** The source's commit time, epoch milliseconds. */
        public static final String TS_MS = "ts_ms";
    }

    /** The values of {@link #OP}. */
    public static final class Op {
        private Op() {
        }

        public static final String CREATE = "c";
        public static final String UPDATE = "u";
        public static final String DELETE = "d";
        /** A row read by a snapshot. */
        public static final String READ = "r";
        public static final String TRUNCATE = "t";
    }
}
