package io.bendcdc.applier.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bendcdc.contract.Envelope;
import io.bendcdc.contract.TableId;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes Kafka records holding standard Debezium change envelopes, as JsonConverter writes them
 * with {@code schemas.enable=true} ({@code {"schema": …, "payload": …}}), into {@link ChangeEvent}s.
 *
 * <p>The schema part of a record is not parsed again for every record: {@link CompiledSchemas}
 * finds it by its bytes and keeps one compiled decoder per distinct schema, so a record of a known
 * schema costs one comparison of the schema bytes and one parse of the payload. Thread-safe.
 */
public final class EnvelopeDecoder {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final JsonFactory factory = mapper.getFactory();
    private final CompiledSchemas<EnvelopeSchema> envelopes = new CompiledSchemas<>(mapper, "value",
            EnvelopeSchema::compile);
    private final CompiledSchemas<StructDecoder> keys = new CompiledSchemas<>(mapper, "key",
            schema -> ConnectSchemas.struct(schema, "key"));

    /**
     * @param key   the record key (JSON with schema); null for a truncate or a table without key
     * @param value the record value; null for a tombstone
     * @return the change, or empty for a tombstone
     * @throws EnvelopeDecodingException when the record is not a decodable change envelope
     */
    public Optional<ChangeEvent> decode(byte[] key, byte[] value) {
        return decode(key == null ? null : ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value));
    }

    /**
     * As {@link #decode(byte[], byte[])}, reading each buffer's remaining bytes where they are:
     * a consumer's record values need not be copied.
     */
    public Optional<ChangeEvent> decode(ByteBuffer key, ByteBuffer value) {
        if (value == null) {
            return Optional.empty();
        }
        CompiledSchemas.Range v = CompiledSchemas.Range.of(value);
        CompiledSchemas.Parsed parsed = envelopes.parse(v);
        if (parsed.payloadNull) {
            return Optional.empty();
        }
        EnvelopeSchema envelope = envelopes.compiled(v.bytes(), parsed);
        Map<String, Object> keyValues = decodeKey(key);
        return Optional.of(payload(v.bytes(), parsed, "value", p -> envelope.decode(p, keyValues)));
    }

    /** How many compiled schemas (value and key) are cached; for tests. */
    int cachedSchemas() {
        return envelopes.size() + keys.size();
    }

    private Map<String, Object> decodeKey(ByteBuffer key) {
        if (key == null) {
            return Map.of();
        }
        CompiledSchemas.Range range = CompiledSchemas.Range.of(key);
        CompiledSchemas.Parsed k = keys.parse(range);
        if (k.payloadNull) {
            return Map.of();
        }
        StructDecoder decoder = keys.compiled(range.bytes(), k);
        return payload(range.bytes(), k, "key", decoder::decode);
    }

    /** A payload reader: the parser is at the payload's first token. */
    private interface PayloadReader<T> {
        T read(JsonParser p) throws IOException;
    }

    private <T> T payload(byte[] json, CompiledSchemas.Parsed parsed, String what, PayloadReader<T> reader) {
        try (JsonParser p = factory.createParser(json, parsed.payloadFrom, parsed.payloadTo - parsed.payloadFrom)) {
            p.nextToken();
            T out = reader.read(p);
            if (p.nextToken() != null) {
                throw new EnvelopeDecodingException(what + " has more than one value in its payload");
            }
            return out;
        } catch (IOException e) {
            throw new EnvelopeDecodingException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A compiled envelope schema: the row-image decoder shared by {@code before} and {@code after}. */
    private record EnvelopeSchema(StructDecoder before, StructDecoder after) {

        static EnvelopeSchema compile(JsonNode schema) {
            StructDecoder before = null;
            StructDecoder after = null;
            for (JsonNode f : schema.path("fields")) {
                String name = f.path("field").asText();
                if (Envelope.BEFORE.equals(name)) {
                    before = ConnectSchemas.struct(f, "before");
                } else if (Envelope.AFTER.equals(name)) {
                    after = ConnectSchemas.struct(f, "after");
                }
            }
            if (after == null || before == null) {
                throw new EnvelopeDecodingException("schema " + schema.path("name").asText("?")
                        + " is not a Debezium change envelope (no before/after)");
            }
            return new EnvelopeSchema(before, after);
        }

        ChangeEvent decode(JsonParser p, Map<String, Object> key) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new EnvelopeDecodingException("payload is not an object but " + p.currentToken());
            }
            String op = "";
            Source source = null;
            Map<String, Object> afterRow = null;
            Map<String, Object> beforeRow = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case Envelope.OP -> op = t == JsonToken.VALUE_STRING ? p.getText() : "";
                    case Envelope.SOURCE -> source = t == JsonToken.START_OBJECT ? Source.read(p) : null;
                    case Envelope.AFTER -> afterRow = t == JsonToken.VALUE_NULL ? null : after.decode(p);
                    case Envelope.BEFORE -> beforeRow = t == JsonToken.VALUE_NULL ? null : before.decode(p);
                    default -> p.skipChildren();
                }
            }
            if (op.length() != 1 || source == null) {
                throw new EnvelopeDecodingException("envelope without op/source: op='" + op + "'");
            }
            char code = op.charAt(0);
            ChangeEvent.Op kind = switch (code) {
                case 'c', 'u', 'r' -> ChangeEvent.Op.UPSERT;
                case 'd' -> ChangeEvent.Op.DELETE;
                case 't' -> ChangeEvent.Op.TRUNCATE;
                default -> throw new EnvelopeDecodingException("unsupported op '" + op + "'");
            };
            if (source.db == null || source.table == null) {
                throw new EnvelopeDecodingException("source without db/table: " + source);
            }
            if (kind != ChangeEvent.Op.UPSERT) {
                afterRow = null;
            } else if (afterRow == null) {
                throw new EnvelopeDecodingException("op '" + op + "' without an after image");
            }
            if (kind == ChangeEvent.Op.DELETE && beforeRow == null && key.isEmpty()) {
                throw new EnvelopeDecodingException("delete with neither key nor before image");
            }
            return new ChangeEvent(
                    new TableId(source.db, source.table),
                    kind,
                    key,
                    afterRow,
                    beforeRow,
                    source.snapshot != null && !"false".equals(source.snapshot),
                    ChangeEvent.InTableSnapshot.of(source.snapshot),
                    source.file,
                    source.pos,
                    source.row,
                    source.gtid,
                    source.tsMs,
                    code);
        }
    }

    /** The fields of Debezium's {@code source} block that place a change. */
    private static final class Source {
        String db;
        String table;
        String snapshot;
        String file;
        long pos = -1;
        int row;
        String gtid;
        long tsMs;

        static Source read(JsonParser p) throws IOException {
            Source s = new Source();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case Envelope.Source.DB -> s.db = text(p, t);
                    case Envelope.Source.TABLE -> s.table = text(p, t);
                    case Envelope.Source.SNAPSHOT -> s.snapshot = text(p, t);
                    case Envelope.Source.FILE -> s.file = text(p, t);
                    case Envelope.Source.POS -> s.pos = t.isNumeric() ? p.getLongValue() : -1;
                    case Envelope.Source.ROW -> s.row = t.isNumeric() ? p.getIntValue() : 0;
                    case Envelope.Source.GTID -> s.gtid = text(p, t);
                    case Envelope.Source.TS_MS -> s.tsMs = t.isNumeric() ? p.getLongValue() : 0;
                    default -> p.skipChildren();
                }
            }
            return s;
        }

        private static String text(JsonParser p, JsonToken t) throws IOException {
            return t == JsonToken.VALUE_NULL ? null : t.isScalarValue() ? p.getText() : null;
        }

        @Override
        public String toString() {
            return "{db=" + db + ", table=" + table + ", file=" + file + ", pos=" + pos + "}";
        }
    }
}
