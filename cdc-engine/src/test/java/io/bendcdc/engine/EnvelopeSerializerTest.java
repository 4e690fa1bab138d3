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
        c.configure(EnvelopeSerializer.JSON_CONVERTER_CONFIG, isKey);
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
    void givenEveryKindOfValueDebeziumSends_whenSerialized_thenTheBytesAreWhatJsonConverterWrites() {
        Schema nested = SchemaBuilder.struct().name("io.debezium.data.geometry.Point")
                .field("wkb", Schema.BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA).optional().build();
        Schema row = SchemaBuilder.struct().name("cdc.shop.all.Value")
                .field("i8", Schema.INT8_SCHEMA).field("i16", Schema.INT16_SCHEMA).field("i32", Schema.INT32_SCHEMA)
                .field("i64", Schema.INT64_SCHEMA).field("f32", Schema.FLOAT32_SCHEMA).field("f64", Schema.FLOAT64_SCHEMA)
                .field("nan", Schema.FLOAT64_SCHEMA).field("inf", Schema.FLOAT32_SCHEMA)
                .field("bool", Schema.BOOLEAN_SCHEMA).field("text", Schema.STRING_SCHEMA)
                .field("bytes", Schema.BYTES_SCHEMA).field("buffer", Schema.OPTIONAL_BYTES_SCHEMA)
                .field("dec", Decimal.builder(30).optional().build())
                .field("unsigned", Decimal.builder(0).build())
                .field("withDefault", SchemaBuilder.string().optional().defaultValue("d").build())
                .field("nullNoDefault", Schema.OPTIONAL_INT64_SCHEMA)
                .field("zoned", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build())
                .field("point", nested)
                .field("set", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build())
                .build();
        Struct value = new Struct(row).put("i8", (byte) -128).put("i16", (short) 32767).put("i32", Integer.MIN_VALUE)
                .put("i64", Long.MAX_VALUE).put("f32", 1.1f).put("f64", 0.1).put("nan", Double.NaN)
                .put("inf", Float.NEGATIVE_INFINITY).put("bool", true).put("text", "tab\t \"q\" \\ \u0001 ü 😀 \u2028")
                .put("bytes", new byte[] {0, -1, 127}).put("buffer", java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .put("dec", new BigDecimal("-99999999999999999999999999999999999.999999999999999999999999999999"))
                .put("unsigned", new BigDecimal("18446744073709551615"))
                .put("zoned", "2024-05-06T07:08:09.123456Z")
                .put("point", new Struct(nested).put("wkb", new byte[] {1, 1, 0}))
                .put("set", java.util.Arrays.asList("a", null, ""));

        byte[] out = new EnvelopeSerializer().envelope(jsonConverter(false), "cdc.shop.all", row, value);

        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo(new String(withJsonConverter(row, value, false), StandardCharsets.UTF_8));
    }

    @Test
    void givenMapsAndConnectTimeTypes_whenSerialized_thenJsonConverterWritesThemAndTheBytesAreTheSame() {
        Schema row = SchemaBuilder.struct().name("cdc.shop.other.Value")
                .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
                .field("intKeys", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build())
                .field("date", org.apache.kafka.connect.data.Date.SCHEMA)
                .field("ts", org.apache.kafka.connect.data.Timestamp.SCHEMA)
                .build();
        Struct value = new Struct(row).put("map", Map.of("a", 1)).put("intKeys", Map.of(7, "x"))
                .put("date", new java.util.Date(86_400_000L)).put("ts", new java.util.Date(1_234L));

        byte[] out = new EnvelopeSerializer().envelope(jsonConverter(false), "cdc.shop.other", row, value);

        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo(new String(withJsonConverter(row, value, false), StandardCharsets.UTF_8));
    }

    private static JsonConverter jsonConverter(boolean isKey) {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of("schemas.enable", "false", "replace.null.with.default", "false"), isKey);
        return c;
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
