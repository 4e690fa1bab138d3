package io.bendcdc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class EnvelopeSerializerTest {

    private static final Schema KEY = SchemaBuilder.struct().name("cdc.shop.t.Key").field("id", Schema.INT32_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().name("cdc.shop.t.Value")
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("price", Decimal.builder(2).parameter("connect.decimal.precision", "12").optional().build())
            .field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("ts", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").version(1).optional().build())
            .field("f", Schema.OPTIONAL_FLOAT32_SCHEMA)
            .optional().build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("cdc.shop.t.Envelope").version(2)
            .field("before", ROW).field("after", ROW).field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();

    private static SourceRecord record(int id, String name) {
        Struct after = new Struct(ROW).put("id", id).put("name", name).put("price", new BigDecimal("12.50"))
                .put("blob", new byte[] {0, (byte) 255, 7}).put("ts", 1_700_000_000_123_456L).put("f", 1.5f);
        Struct value = new Struct(ENVELOPE).put("after", after).put("op", "c").put("ts_ms", 1L);
        return new SourceRecord(Map.of(), Map.of(), "cdc.shop.t", null, KEY, new Struct(KEY).put("id", id), ENVELOPE,
                value);
    }

    private static byte[] withJsonConverter(Schema schema, Object value, boolean isKey) {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of("schemas.enable", "true"), isKey);
        return c.fromConnectData("cdc.shop.t", schema, value);
    }

    @Test
    void keyAndValueAreByteForByteWhatJsonConverterWrites() {
        EnvelopeSerializer serializer = new EnvelopeSerializer();
        for (SourceRecord r : new SourceRecord[] {record(1, "émoji 😀 \"q\""), record(2, null), record(3, "")}) {
            ProducerRecord<byte[], byte[]> out = serializer.toProducerRecord(r);

            assertThat(new String(out.key(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(withJsonConverter(r.keySchema(), r.key(), true), StandardCharsets.UTF_8));
            assertThat(new String(out.value(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(withJsonConverter(r.valueSchema(), r.value(), false), StandardCharsets.UTF_8));
        }
    }

    @Test
    void tombstoneKeepsItsNullValue() {
        SourceRecord r = new SourceRecord(Map.of(), Map.of(), "cdc.shop.t", null, KEY, new Struct(KEY).put("id", 1),
                null, null);

        ProducerRecord<byte[], byte[]> out = new EnvelopeSerializer().toProducerRecord(r);

        assertThat(out.value()).isNull();
        assertThat(new String(out.key(), StandardCharsets.UTF_8))
                .isEqualTo(new String(withJsonConverter(KEY, r.key(), true), StandardCharsets.UTF_8));
    }
}
