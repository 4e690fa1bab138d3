package io.bendcdc.engine;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

/**
 * Turns a Debezium {@link SourceRecord} into the Kafka record Kafka Connect would have written:
 * key and value as JSON with schema (the standard envelope), headers with Connect's default
 * header converter. A tombstone keeps its null value.
 */
final class EnvelopeSerializer {

    private final JsonConverter keyConverter = new JsonConverter();
    private final JsonConverter valueConverter = new JsonConverter();
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();

    EnvelopeSerializer() {
        Map<String, String> json = Map.of("schemas.enable", "true", "converter.type", "key");
        keyConverter.configure(json, true);
        valueConverter.configure(Map.of("schemas.enable", "true", "converter.type", "value"), false);
        headerConverter.configure(Map.of("converter.type", "header"));
    }

    ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord record) {
        String topic = record.topic();
        byte[] key = keyConverter.fromConnectData(topic, record.keySchema(), record.key());
        byte[] value = record.value() == null ? null
                : valueConverter.fromConnectData(topic, record.valueSchema(), record.value());
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h.key(), headerConverter.fromConnectHeader(topic, h.key(), h.schema(), h.value()));
        }
        return new ProducerRecord<>(topic, null, record.timestamp(), key, value, headers);
    }
}
