package io.bendcdc.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bendcdc.contract.Envelope;

/**
 * Turns a Debezium {@link SourceRecord} into the Kafka record Kafka Connect would have written:
 * key and value as JSON with schema (the standard envelope, byte for byte what
 * {@code JsonConverter} writes with {@link #JSON_CONVERTER_CONFIG}: {@code schemas.enable=true},
 * {@code replace.null.with.default=false}), headers with Connect's default header converter. A
 * tombstone keeps its null value. A record without a key (a table without a primary key, a
 * truncate) gets the key {@code {"schema":null,"payload":null}} where JsonConverter writes none:
 * a constant key keeps all of such a table's records in one partition, in order.
 *
 * <p>{@code JsonConverter} serializes the whole schema again for every record, and an envelope's
 * schema is most of its bytes; here each schema is serialized once (Debezium reuses one schema
 * object per table version), and the payload is streamed by {@link ConnectPayloadWriter} where it
 * can be, else converted by JsonConverter.
 */
public final class EnvelopeSerializer {

    private static final byte[] OPEN = ("{\"" + Envelope.SCHEMA + "\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = (",\"" + Envelope.PAYLOAD + "\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_CACHED_SCHEMAS = 10_000;
    /**
     * Debezium puts a column's DEFAULT into its field's schema; JsonConverter's default
     * ({@code replace.null.with.default=true}) would then write the default for an explicit NULL.
     */
    public static final Map<String, String> JSON_CONVERTER_CONFIG = Map.of("schemas.enable", "true",
            "replace.null.with.default", "false");
    private static final Map<String, String> PAYLOAD_ONLY = Map.of("schemas.enable", "false",
            "replace.null.with.default", "false");

    private final JsonConverter schemaWriter = new JsonConverter();
    private final JsonConverter keyPayload = new JsonConverter();
    private final JsonConverter valuePayload = new JsonConverter();
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();
    private final ObjectMapper mapper = new ObjectMapper();
    private final ConnectPayloadWriter payloadWriter = new ConnectPayloadWriter();
    private final PayloadBuffer payloadBuffer = new PayloadBuffer();
    // Identity, not equals: ConnectSchema.hashCode walks the whole schema.
    private final Map<Schema, KnownSchema> schemas = new IdentityHashMap<>();

    /** A schema's JSON, and whether its payloads can be streamed by {@link ConnectPayloadWriter}. */
    private record KnownSchema(byte[] json, boolean streamable) {
    }

    public EnvelopeSerializer() {
        schemaWriter.configure(Map.of("schemas.enable", "true", "converter.type", "value"), false);
        keyPayload.configure(PAYLOAD_ONLY, true);
        valuePayload.configure(PAYLOAD_ONLY, false);
        headerConverter.configure(Map.of("converter.type", "header"));
    }

    public ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord record) {
        String topic = record.topic();
        byte[] key = envelope(keyPayload, topic, record.keySchema(), record.key());
        byte[] value = record.value() == null ? null : envelope(valuePayload, topic, record.valueSchema(), record.value());
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h.key(), headerConverter.fromConnectHeader(topic, h.key(), h.schema(), h.value()));
        }
        return new ProducerRecord<>(topic, null, record.timestamp(), key, value, headers);
    }

    byte[] envelope(JsonConverter payloadConverter, String topic, Schema schema, Object value) {
        KnownSchema known = schema == null ? null : known(schema);
        byte[] schemaBytes = known == null ? NULL : known.json;
        byte[] payload;
        int payloadLength;
        if (known != null && known.streamable) {
            payloadBuffer.reset();
            try (JsonGenerator g = mapper.getFactory().createGenerator(payloadBuffer)) {
                payloadWriter.write(g, schema, value);
            } catch (IOException e) {
                throw new DataException("cannot serialize a record of " + topic + ": " + e.getMessage(), e);
            }
            payload = payloadBuffer.bytes();
            payloadLength = payloadBuffer.size();
        } else {
            payload = payloadConverter.fromConnectData(topic, schema, value);
            payload = payload == null ? NULL : payload;
            payloadLength = payload.length;
        }
        // One exact array, one copy of the schema: the schema is kilobytes, the payload much less.
        byte[] out = new byte[OPEN.length + schemaBytes.length + MIDDLE.length + payloadLength + 1];
        int at = put(out, 0, OPEN, OPEN.length);
        at = put(out, at, schemaBytes, schemaBytes.length);
        at = put(out, at, MIDDLE, MIDDLE.length);
        at = put(out, at, payload, payloadLength);
        out[at] = '}';
        return out;
    }

    private static int put(byte[] out, int at, byte[] bytes, int length) {
        System.arraycopy(bytes, 0, out, at, length);
        return at + length;
    }

    /** A reusable buffer whose bytes are read in place. */
    private static final class PayloadBuffer extends ByteArrayOutputStream {
        PayloadBuffer() {
            super(4096);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private KnownSchema known(Schema schema) {
        KnownSchema cached = schemas.get(schema);
        if (cached == null) {
            if (schemas.size() >= MAX_CACHED_SCHEMAS) {
                schemas.clear();
            }
            try {
                cached = new KnownSchema(mapper.writeValueAsBytes(schemaWriter.asJsonSchema(schema)),
                        ConnectPayloadWriter.canWrite(schema));
            } catch (JsonProcessingException e) {
                throw new DataException("cannot serialize the schema of " + schema.name(), e);
            }
            schemas.put(schema, cached);
        }
        return cached;
    }
}
