package io.bendcdc.engine;

import java.io.ByteArrayOutputStream;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a Debezium {@link SourceRecord} into the Kafka record Kafka Connect would have written:
 * key and value as JSON with schema (the standard envelope, byte for byte what
 * {@code JsonConverter} with {@code schemas.enable=true} writes), headers with Connect's default
 * header converter. A tombstone keeps its null value.
 *
 * <p>{@code JsonConverter} serializes the whole schema again for every record, and an envelope's
 * schema is most of its bytes; here each schema is serialized once (Debezium reuses one schema
 * object per table version) and only the payload is converted per record.
 */
final class EnvelopeSerializer {

    private static final byte[] OPEN = "{\"schema\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = ",\"payload\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_CACHED_SCHEMAS = 10_000;

    private final JsonConverter schemaWriter = new JsonConverter();
    private final JsonConverter keyPayload = new JsonConverter();
    private final JsonConverter valuePayload = new JsonConverter();
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();
    private final ObjectMapper mapper = new ObjectMapper();
    // Identity, not equals: ConnectSchema.hashCode walks the whole schema.
    private final Map<Schema, byte[]> schemaJson = new IdentityHashMap<>();

    EnvelopeSerializer() {
        schemaWriter.configure(Map.of("schemas.enable", "true", "converter.type", "value"), false);
        keyPayload.configure(Map.of("schemas.enable", "false", "converter.type", "key"), true);
        valuePayload.configure(Map.of("schemas.enable", "false", "converter.type", "value"), false);
        headerConverter.configure(Map.of("converter.type", "header"));
    }

    ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord record) {
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
        byte[] payload = payloadConverter.fromConnectData(topic, schema, value);
        byte[] schemaBytes = schema == null ? "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : schemaJson(schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(OPEN.length + schemaBytes.length + MIDDLE.length
                + (payload == null ? 4 : payload.length) + 1);
        out.writeBytes(OPEN);
        out.writeBytes(schemaBytes);
        out.writeBytes(MIDDLE);
        out.writeBytes(payload == null ? "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : payload);
        out.write('}');
        return out.toByteArray();
    }

    private byte[] schemaJson(Schema schema) {
        byte[] cached = schemaJson.get(schema);
        if (cached == null) {
            if (schemaJson.size() >= MAX_CACHED_SCHEMAS) {
                schemaJson.clear();
            }
            try {
                cached = mapper.writeValueAsBytes(schemaWriter.asJsonSchema(schema));
            } catch (JsonProcessingException e) {
                throw new DataException("cannot serialize the schema of " + schema.name(), e);
            }
            schemaJson.put(schema, cached);
        }
        return cached;
    }
}
