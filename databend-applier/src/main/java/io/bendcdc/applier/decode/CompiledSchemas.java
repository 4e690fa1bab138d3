package io.bendcdc.applier.decode;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bendcdc.contract.Envelope;

/**
 * The records of one side (keys, or values) framed as JsonConverter writes them with schemas,
 * {@code {"schema":{…},"payload":…}}: {@link #parse} finds a record's schema and payload by their
 * bytes, and {@link #compiled} keeps one compiled decoder per distinct schema, keyed by the
 * schema's bytes. The schemas matched last are compared with the record's bytes directly, so a
 * record of a known schema costs one vectorized comparison; only a schema seen for the first time
 * is searched for and hashed. Thread-safe.
 *
 * @param <T> what a schema compiles to
 */
final class CompiledSchemas<T> {

    /** Distinct schemas are few (one per table version); a runaway cache is simply dropped. */
    private static final int MAX_CACHED_SCHEMAS = 1024;

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final String what;
    private final Function<JsonNode, T> compiler;
    private final Map<SchemaBytes, T> cache = new ConcurrentHashMap<>();
    private final RecentSchemas recent = new RecentSchemas();

    /** @param what "key" or "value", for messages */
    CompiledSchemas(ObjectMapper mapper, String what, Function<JsonNode, T> compiler) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
        this.what = what;
        this.compiler = compiler;
    }

    int size() {
        return cache.size();
    }

    /** A record's bytes: {@code bytes[from, to)}. */
    record Range(byte[] bytes, int from, int to) {
        static Range of(ByteBuffer b) {
            if (!b.hasArray()) {
                byte[] copy = new byte[b.remaining()];
                b.duplicate().get(copy);
                return new Range(copy, 0, copy.length);
            }
            int from = b.arrayOffset() + b.position();
            return new Range(b.array(), from, from + b.remaining());
        }
    }

    /** The compiled schema of a record {@link #parse} split; compiled and cached on first sight. */
    @SuppressWarnings("unchecked")
    T compiled(byte[] record, Parsed p) {
        if (p.cached != null) {
            return (T) p.cached;
        }
        T compiled = cache.get(p.schema);
        if (compiled != null) {
            return compiled;
        }
        JsonNode schema;
        try {
            schema = mapper.readTree(record, p.schema.from, p.schema.to - p.schema.from);
        } catch (IOException e) {
            throw new EnvelopeDecodingException("unreadable schema: " + e.getMessage(), e);
        }
        compiled = compiler.apply(schema);
        if (cache.size() >= MAX_CACHED_SCHEMAS) {
            cache.clear();
        }
        SchemaBytes stored = p.schema.copy();
        cache.put(stored, compiled);
        recent.remember(stored, compiled);
        return compiled;
    }

    /**
     * Finds the schema's byte range without building it, and reads the payload as a tree.
     * JsonConverter writes {@code {"schema":{…},"payload":…}} compactly: then the split is found
     * by a byte search and a known schema is not even tokenized; anything else is parsed by
     * streaming.
     */
    Parsed parse(Range json) {
        Parsed fast = compactSplit(json);
        Parsed out = fast != null ? fast : streamingSplit(json);
        if (!out.payloadNull && out.schema == null) {
            throw new EnvelopeDecodingException(
                    what + " has no schema; the applier needs JsonConverter schemas.enable=true to decode logical types");
        }
        return out;
    }

    private static final byte[] SCHEMA_FIRST = "{\"schema\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_KEY = "},\"payload\":".getBytes(StandardCharsets.US_ASCII);
    /** Where the schema object starts in {@code {"schema":{…}}}. */
    private static final int SCHEMA_START = SCHEMA_FIRST.length - 1;

    /**
     * The few schemas matched last, most recent first. A record is compared with each directly at
     * the schema's place: a cached schema is a complete JSON object, so equal bytes followed by
     * {@code ,"payload":} are that schema. Records of one table come in runs, so the first
     * candidate nearly always matches. Copy on write: decoding threads only read.
     */
    private static final class RecentSchemas {
        private static final int SIZE = 8;

        private record Known(SchemaBytes schema, Object compiled) {
        }

        private volatile List<Known> recent = List.of();

        Parsed match(byte[] json, int from, int to) {
            int schemaStart = from + SCHEMA_START;
            for (Known candidate : recent) {
                SchemaBytes s = candidate.schema;
                int length = s.to - s.from;
                int split = schemaStart + length - 1;
                if (split + PAYLOAD_KEY.length < to
                        && Arrays.equals(json, split, split + PAYLOAD_KEY.length, PAYLOAD_KEY, 0, PAYLOAD_KEY.length)
                        && Arrays.equals(json, schemaStart, schemaStart + length, s.bytes, s.from, s.to)) {
                    Parsed hit = new Parsed();
                    hit.schema = s;
                    hit.cached = candidate.compiled;
                    return hit;
                }
            }
            return null;
        }

        /** {@code schema} must own its bytes (a cache key), not point into a record. */
        synchronized void remember(SchemaBytes schema, Object compiled) {
            List<Known> next = new ArrayList<>(SIZE);
            next.add(new Known(schema, compiled));
            for (Known k : recent) {
                if (next.size() < SIZE && !k.schema.equals(schema)) {
                    next.add(k);
                }
            }
            recent = List.copyOf(next);
        }
    }


    private Parsed compactSplit(Range record) {
        byte[] json = record.bytes;
        int start = record.from;
        int last = record.to - 1;
        if (record.to - start < SCHEMA_FIRST.length || json[last] != '}'
                || !Arrays.equals(json, start, start + SCHEMA_FIRST.length, SCHEMA_FIRST, 0, SCHEMA_FIRST.length)) {
            return null;
        }
        Parsed out = recent.match(json, start, record.to);
        if (out == null) {
            int split = indexOf(json, PAYLOAD_KEY, start + SCHEMA_FIRST.length, record.to);
            if (split < 0) {
                return null;
            }
            out = new Parsed();
            out.schema = new SchemaBytes(json, start + SCHEMA_START, split + 1);
            // The first "},"payload": can only end the schema or lie inside it (inside a string the
            // quotes would be escaped). A range ending inside is no complete object: it equals no
            // cached schema, and the check below sends it to the streaming parser.
            out.cached = cache.get(out.schema);
            if (out.cached != null) {
                recent.remember(out.schema.copy(), out.cached);
            } else if (!isOneObject(json, out.schema.from, out.schema.to)) {
                return null;
            }
        }
        // The payload runs to the closing brace. It is not tokenized here: if it is no single value
        // (more fields follow), decoding it fails, and such an envelope is not JsonConverter's.
        out.payloadFrom = start + SCHEMA_START + out.schema.to - out.schema.from - 1 + PAYLOAD_KEY.length;
        out.payloadTo = last;
        out.payloadNull = last - out.payloadFrom == NULL.length
                && Arrays.equals(json, out.payloadFrom, last, NULL, 0, NULL.length);
        return out;
    }

    private boolean isOneObject(byte[] json, int from, int to) {
        try (JsonParser p = factory.createParser(json, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from, int to) {
        outer:
        for (int i = from, end = to - needle.length; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Parsed streamingSplit(Range record) {
        Parsed out = new Parsed();
        out.payloadNull = true; // until a payload is found
        byte[] json = record.bytes;
        // The parser counts byte offsets from the start of its input.
        int base = record.from;
        try (JsonParser p = factory.createParser(json, record.from, record.to - record.from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EnvelopeDecodingException(what + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (Envelope.SCHEMA.equals(field) && t == JsonToken.START_OBJECT) {
                    int from = base + (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    out.schema = new SchemaBytes(json, from, base + (int) p.currentTokenLocation().getByteOffset() + 1);
                } else if (Envelope.PAYLOAD.equals(field)) {
                    out.payloadFrom = base + (int) p.currentTokenLocation().getByteOffset();
                    out.payloadNull = t == JsonToken.VALUE_NULL;
                    p.skipChildren();
                    out.payloadTo = base + (int) p.currentLocation().getByteOffset();
                } else if (Envelope.BEFORE.equals(field) || Envelope.AFTER.equals(field) || Envelope.OP.equals(field)) {
                    throw new EnvelopeDecodingException(
                            what + " is a bare envelope without schema; the applier needs JsonConverter schemas.enable=true");
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new EnvelopeDecodingException(what + " is not valid JSON: " + e.getMessage(), e);
        }
        return out;
    }

    static final class Parsed {
        SchemaBytes schema;
        /** The payload's byte range in the record; an absent payload counts as null. */
        int payloadFrom;
        int payloadTo;
        boolean payloadNull;
        /** The compiled schema when the cache already had it: the bytes are compared only once. */
        Object cached;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A schema's raw bytes as a cache key: equal bytes, equal schema. */
    private static final class SchemaBytes {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        SchemaBytes(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            this.hash = hash(bytes, from, to);
        }

        /** Eight bytes a step: schemas are kilobytes and hashed for every record. */
        private static int hash(byte[] b, int from, int to) {
            long h = to - from;
            int i = from;
            for (; i + 8 <= to; i += 8) {
                h = h * 0x9E3779B97F4A7C15L + (long) LONGS.get(b, i);
            }
            for (; i < to; i++) {
                h = h * 31 + b[i];
            }
            return (int) (h ^ (h >>> 32));
        }

        SchemaBytes copy() {
            return new SchemaBytes(Arrays.copyOfRange(bytes, from, to), 0, to - from);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SchemaBytes s && hash == s.hash
                    && Arrays.equals(bytes, from, to, s.bytes, s.from, s.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

}
