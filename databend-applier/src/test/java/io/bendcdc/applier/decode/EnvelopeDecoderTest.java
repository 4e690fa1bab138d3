package io.bendcdc.applier.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bendcdc.contract.TableId;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EnvelopeDecoderTest {

    private final EnvelopeDecoder decoder = new EnvelopeDecoder();

    // --- the captured MariaDB samples -------------------------------------------------------------

    @Test
    void givenTheSnapshotReadSample_whenDecoded_thenEveryColumnIsItsJavaValue() {
        ChangeEvent e = decodeSample("01-snapshot-read-op-r.json");

        assertThat(e.table()).isEqualTo(new TableId("shop", "items"));
        assertThat(e.op()).isEqualTo(ChangeEvent.Op.UPSERT);
        assertThat(e.opCode()).isEqualTo('r');
        assertThat(e.snapshot()).isTrue();
        assertThat(e.key()).containsExactly(entry("id", 1L));
        assertThat(e.before()).isNull();
        assertThat(e.after()).containsExactly(
                entry("id", 1L),
                entry("big", 9007199254740993L),
                entry("price", new BigDecimal("1234.56")),
                entry("name", "widget"),
                entry("descr", "long text é ü 漢字"),
                entry("created", LocalDateTime.parse("2024-01-02T03:04:05.123456")),
                entry("updated", Instant.parse("2026-11-24T11:30:07Z")),
                entry("day", LocalDate.parse("2024-01-02")),
                entry("attrs", "{\"color\":\"red\",\"n\":[1,2]}"),
                entry("status", "new"),
                entry("data", HexFormat.of().parseHex("deadbeef")),
                entry("active", 1));
        assertThat(e.binlogFile()).isEqualTo("mariadb-bin.000002");
        assertThat(e.binlogPos()).isEqualTo(8229);
        assertThat(e.row()).isZero();
        assertThat(e.gtid()).isNull();
        assertThat(e.sourceTsMs()).isEqualTo(1795519810000L);
    }

    @Test
    void givenTheInsertSample_whenDecoded_thenItIsAStreamedUpsertWithItsPosition() {
        ChangeEvent e = decodeSample("02-insert-op-c.json");

        assertThat(e.op()).isEqualTo(ChangeEvent.Op.UPSERT);
        assertThat(e.opCode()).isEqualTo('c');
        assertThat(e.snapshot()).isFalse();
        assertThat(e.gtid()).isEqualTo("0-1-32");
        assertThat(e.binlogPos()).isEqualTo(8549);
        assertThat(e.after()).containsEntry("price", new BigDecimal("99.99"))
                .containsEntry("created", LocalDateTime.parse("2026-11-24T11:30:22.716242"))
                .containsEntry("day", LocalDate.parse("2026-11-24"))
                .containsEntry("data", new byte[] {1, 2});
    }

    @Test
    void givenTheUpdateSample_whenDecoded_thenBeforeAndAfterAreBothDecoded() {
        ChangeEvent e = decodeSample("03-update-op-u.json");

        assertThat(e.opCode()).isEqualTo('u');
        assertThat(e.before()).containsEntry("price", new BigDecimal("1234.56")).containsEntry("name", "widget");
        assertThat(e.after()).containsEntry("price", new BigDecimal("10.50")).containsEntry("name", "widget-upd")
                .containsEntry("status", "shipped");
    }

    @Test
    void givenTheDeleteSample_whenDecoded_thenItDeletesTheKeyAndKeepsTheBeforeImage() {
        ChangeEvent e = decodeSample("04-delete-op-d.json");

        assertThat(e.op()).isEqualTo(ChangeEvent.Op.DELETE);
        assertThat(e.key()).containsExactly(entry("id", 2L));
        assertThat(e.after()).isNull();
        assertThat(e.before()).containsEntry("big", -5L)
                .containsEntry("price", new BigDecimal("0.01"))
                .containsEntry("descr", null)
                .containsEntry("created", LocalDateTime.parse("1999-12-31T23:59:59.999999"))
                .containsEntry("day", LocalDate.parse("1970-01-01"))
                .containsEntry("attrs", "[]")
                .containsEntry("data", null)
                .containsEntry("active", 0);
    }

    @Test
    void givenTheTombstoneSample_whenDecoded_thenThereIsNoEvent() {
        byte[][] record = Envelopes.sample("05-tombstone.json");

        assertThat(decoder.decode(record[0], record[1])).isEmpty();
    }

    @Test
    void givenSchemaChangeSamples_whenDecodedAsChanges_thenTheyAreRefusedAsNotChangeEnvelopes() {
        for (String file : List.of("06-schema-change-alter-table.json", "07-schema-change-create-table-snapshot.json")) {
            byte[][] record = Envelopes.sample(file);
            assertThatThrownBy(() -> decoder.decode(record[0], record[1]))
                    .as(file).isInstanceOf(EnvelopeDecodingException.class).hasMessageContaining("not a Debezium change envelope");
        }
    }

    @Test
    void givenTheInsertAfterAlterSample_whenDecoded_thenTheNewColumnIsThereAndNullsAreNull() {
        ChangeEvent e = decodeSample("08-insert-after-alter-op-c.json");

        assertThat(e.after()).containsEntry("note", "has note").containsEntry("created", null).containsEntry("day", null)
                .containsEntry("price", new BigDecimal("1.00")).hasSize(13);
    }

    @Test
    void givenTheStringDecimalAndBooleanConverterSample_whenDecoded_thenDecimalIsTextAndTinyIntIsBoolean() {
        ChangeEvent e = decodeSample("09-snapshot-read-decimal-string-tinyint-boolean.json");

        assertThat(e.after()).containsEntry("price", "10.50").containsEntry("active", true)
                .containsEntry("note", "changed-while-down");
    }

    @Test
    void givenTheDdlSpikeDataTopics_whenDecodedWithTheirSchemas_thenOpsKeysAndValuesFollowTheSourceHistory() {
        List<ChangeEvent> events = new ArrayList<>();
        List<String> lines = new ArrayList<>(Envelopes.resource("/samples/ddl/data.jsonl").lines().toList());
        lines.addAll(Envelopes.resource("/samples/ddl/incremental-snapshot.jsonl").lines().toList());
        for (String line : lines) {
            JsonNode record = read(line);
            decodeCompacted(record).ifPresent(events::add);
        }

        assertThat(events).hasSize(lines.size() - 1);  // one tombstone
        assertThat(events).extracting(ChangeEvent::opCode).containsExactly(
                'r', 'r', 'r', 'c', 'c', 'u', 'c', 'u', 'd', 'c', 'c', 'c', 't', 'c', 'r', 'r', 'r', 'r', 'r', 'r', 'c', 'u');
        assertThat(events.get(2).after()).containsEntry("c", new BigDecimal("300"));
        assertThat(events.get(5).after()).containsEntry("b2", 9_000_000_000L).containsEntry("d", "x");
        assertThat(events.get(7).after()).containsEntry("c", new BigDecimal("1234.56"));
        // Primary-key change: delete of the old key, (tombstone), create of the new key.
        assertThat(events.get(8).op()).isEqualTo(ChangeEvent.Op.DELETE);
        assertThat(events.get(8).key()).containsExactly(entry("id", 1));
        assertThat(events.get(9).key()).containsExactly(entry("id", 101));
        assertThat(events.get(9).after()).containsEntry("c", new BigDecimal("100.00"));
        ChangeEvent truncate = events.get(12);
        assertThat(truncate.op()).isEqualTo(ChangeEvent.Op.TRUNCATE);
        assertThat(truncate.table()).isEqualTo(new TableId("shop", "t3"));
        assertThat(truncate.key()).isEmpty();
        assertThat(truncate.after()).isNull();
        assertThat(truncate.gtid()).isEqualTo("0-1-20");
        ChangeEvent incremental = events.get(14);
        assertThat(incremental.snapshot()).isTrue();
        assertThat(incremental.after()).containsEntry("c", new BigDecimal("200.00"));
        assertThat(events.get(13).snapshot()).isFalse();
    }

    @Test
    void givenABareEnvelopeWithoutSchema_whenDecoded_thenItIsRefusedNamingTheConverterSetting() {
        JsonNode record = read(Envelopes.resource("/samples/ddl/data.jsonl").lines().findFirst().orElseThrow());

        assertThatThrownBy(() -> decoder.decode(null, Envelopes.bytes(record.get("value"))))
                .isInstanceOf(EnvelopeDecodingException.class).hasMessageContaining("schemas.enable=true");
    }

    // --- edge values, hand-built --------------------------------------------------------------------

    @Test
    void givenBigintUnsignedMaxInPreciseMode_whenDecoded_thenItIsTheExactBigDecimal() {
        BigInteger max = new BigInteger("18446744073709551615");
        Map<String, Object> after = decodeOne(new Envelopes().field("v", "bytes", "org.apache.kafka.connect.data.Decimal",
                Map.of("scale", "0"), base64(max.toByteArray())));

        assertThat(after.get("v")).isEqualTo(new BigDecimal(max));
    }

    @Test
    void givenDecimal65_30AtItsLimits_whenDecoded_thenNoDigitIsLost() {
        BigDecimal max = new BigDecimal("99999999999999999999999999999999999.999999999999999999999999999999");
        Map<String, String> p = Map.of("scale", "30", "connect.decimal.precision", "65");
        Map<String, Object> after = decodeOne(new Envelopes()
                .field("max", "bytes", "org.apache.kafka.connect.data.Decimal", p, base64(max.unscaledValue().toByteArray()))
                .field("min", "bytes", "org.apache.kafka.connect.data.Decimal", p, base64(max.negate().unscaledValue().toByteArray()))
                .field("tiny", "bytes", "org.apache.kafka.connect.data.Decimal", p, base64(new byte[] {1})));

        assertThat(after).containsEntry("max", max).containsEntry("min", max.negate())
                .containsEntry("tiny", new BigDecimal("0.000000000000000000000000000001"));
    }

    @Test
    void givenTimeValuesBeyondADayAndNegative_whenDecoded_thenTheyAreExactDurations() {
        Map<String, Object> after = decodeOne(new Envelopes()
                .field("neg", "int64", "io.debezium.time.MicroTime", null, -3_020_399_000_000L)
                .field("pos", "int64", "io.debezium.time.MicroTime", null, 3_020_399_000_000L)
                .field("tiny", "int64", "io.debezium.time.MicroTime", null, -1L)
                .field("ms", "int32", "io.debezium.time.Time", null, 45_296_789)
                .field("ns", "int64", "io.debezium.time.NanoTime", null, 1_000_000_001L));

        assertThat(after).containsEntry("neg", Duration.parse("-PT838H59M59S"))
                .containsEntry("pos", Duration.parse("PT838H59M59S"))
                .containsEntry("tiny", Duration.ofNanos(-1000))
                .containsEntry("ms", Duration.parse("PT12H34M56.789S"))
                .containsEntry("ns", Duration.ofNanos(1_000_000_001L));
    }

    @Test
    void givenDatetimesAtTheirLimits_whenDecoded_thenTheWallClockDigitsAreKept() {
        Map<String, Object> after = decodeOne(new Envelopes()
                .field("max", "int64", "io.debezium.time.MicroTimestamp", null, 253_402_300_799_999_999L)
                .field("min", "int64", "io.debezium.time.MicroTimestamp", null, -30_610_224_000_000_000L)
                .field("before1970", "int64", "io.debezium.time.MicroTimestamp", null, -1L)
                .field("millis", "int64", "io.debezium.time.Timestamp", null, 1_704_164_645_123L)
                .field("nanos", "int64", "io.debezium.time.NanoTimestamp", null, 1_704_164_645_123_456_789L)
                .field("zoned", "string", "io.debezium.time.ZonedTimestamp", null, "2038-01-19T03:14:07.999999Z")
                .field("zonedOffset", "string", "io.debezium.time.ZonedTimestamp", null, "2024-01-02T05:04:05+02:00")
                .field("date", "int32", "io.debezium.time.Date", null, -354_285)
                .field("dateMax", "int32", "io.debezium.time.Date", null, 2_932_896)
                .field("zeroDateNotNull", "int32", "io.debezium.time.Date", null, 0));

        assertThat(after).containsEntry("max", LocalDateTime.parse("9999-12-31T23:59:59.999999"))
                .containsEntry("min", LocalDateTime.parse("1000-01-01T00:00:00"))
                .containsEntry("before1970", LocalDateTime.parse("1969-12-31T23:59:59.999999"))
                .containsEntry("millis", LocalDateTime.parse("2024-01-02T03:04:05.123"))
                .containsEntry("nanos", LocalDateTime.parse("2024-01-02T03:04:05.123456789"))
                .containsEntry("zoned", Instant.parse("2038-01-19T03:14:07.999999Z"))
                .containsEntry("zonedOffset", Instant.parse("2024-01-02T03:04:05Z"))
                .containsEntry("date", LocalDate.parse("1000-01-01"))
                .containsEntry("dateMax", LocalDate.parse("9999-12-31"))
                // A NOT NULL zero date arrives from Debezium as epoch 0; a nullable one as null.
                .containsEntry("zeroDateNotNull", LocalDate.EPOCH);
    }

    @Test
    void givenTextEdgeCases_whenDecoded_thenEmptyStringNullAndFourByteUtf8StayDistinctAndExact() {
        Map<String, Object> after = decodeOne(new Envelopes()
                .field("empty", "string", null, null, "")
                .field("nul", "string", null, null, null)
                .field("emoji", "string", null, null, "😀𝄞 \"q\" \\ \n\t,")
                .field("json", "string", "io.debezium.data.Json", null, "{\"a\":[1,2]}")
                .field("enum", "string", "io.debezium.data.Enum", Map.of("allowed", "a,b"), "b")
                .field("set", "string", "io.debezium.data.EnumSet", Map.of("allowed", "a,b"), "a,b")
                .field("uuid", "string", "io.debezium.data.Uuid", null, "0d1e…"));

        assertThat(after).containsEntry("empty", "").containsEntry("nul", null)
                .containsEntry("emoji", "😀𝄞 \"q\" \\ \n\t,")
                .containsEntry("json", "{\"a\":[1,2]}").containsEntry("enum", "b").containsEntry("set", "a,b")
                .containsEntry("uuid", "0d1e…");
        assertThat(((String) after.get("emoji")).getBytes(StandardCharsets.UTF_8)).startsWith(0xF0 - 256, 0x9F - 256, 0x98 - 256, 0x80 - 256);
    }

    @Test
    void givenNumbersOfEveryConnectType_whenDecoded_thenTheirJavaTypesAreExact() {
        Map<String, Object> after = decodeOne(new Envelopes()
                .field("i8", "int8", null, null, -128)
                .field("i16", "int16", null, null, 32767)
                .field("i32", "int32", null, null, Integer.MIN_VALUE)
                .field("i64", "int64", null, null, Long.MAX_VALUE)
                .field("f32", "float32", null, null, 1.1f)
                .field("f32min", "float32", null, null, Float.MIN_VALUE)
                .field("f64", "float64", null, null, 0.1)
                .field("bool", "boolean", null, null, true)
                .field("year", "int32", "io.debezium.time.Year", null, 2155)
                .field("blob", "bytes", null, null, base64(new byte[] {0, -1, 127})));

        assertThat(after).containsEntry("i8", -128).containsEntry("i16", 32767).containsEntry("i32", Integer.MIN_VALUE)
                .containsEntry("i64", Long.MAX_VALUE).containsEntry("f32", 1.1f).containsEntry("f32min", Float.MIN_VALUE)
                .containsEntry("f64", 0.1).containsEntry("bool", true).containsEntry("year", 2155)
                .containsEntry("blob", new byte[] {0, -1, 127});
    }

    @Test
    void givenBitValues_whenDecoded_thenLittleEndianBytesBecomeTheirNumberAndBit1ABoolean() {
        Map<String, Object> after = decodeOne(new Envelopes()
                .field("bit10", "bytes", "io.debezium.data.Bits", Map.of("length", "10"), base64(new byte[] {0x02, 0x03}))
                .field("bit64", "bytes", "io.debezium.data.Bits", Map.of("length", "64"), base64(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}))
                .field("bit1", "bytes", "io.debezium.data.Bits", Map.of("length", "1"), base64(new byte[] {1}))
                .field("bitAsBoolean", "boolean", null, null, false));

        assertThat(after).containsEntry("bit10", 0x0302L).containsEntry("bit64", -1L)
                .containsEntry("bit1", true).containsEntry("bitAsBoolean", false);
    }

    @Test
    void givenGeometryAndVariableScaleDecimalStructs_whenDecoded_thenTheyBecomeWkbBytesAndBigDecimal() {
        byte[] wkb = HexFormat.of().parseHex("0101000000000000000000F03F0000000000000040");
        ArrayNode geoFields = Envelopes.MAPPER.createArrayNode();
        geoFields.addObject().put("type", "bytes").put("optional", false).put("field", "wkb");
        geoFields.addObject().put("type", "int32").put("optional", true).put("field", "srid");
        ObjectNode geo = Envelopes.MAPPER.createObjectNode().put("wkb", base64(wkb)).put("srid", 4326);
        ArrayNode vsdFields = Envelopes.MAPPER.createArrayNode();
        vsdFields.addObject().put("type", "int32").put("optional", false).put("field", "scale");
        vsdFields.addObject().put("type", "bytes").put("optional", false).put("field", "value");
        ObjectNode vsd = Envelopes.MAPPER.createObjectNode().put("scale", 3).put("value", base64(BigInteger.valueOf(-12345).toByteArray()));

        Map<String, Object> after = decodeOne(new Envelopes()
                .struct("g", "io.debezium.data.geometry.Geometry", geoFields, geo)
                .struct("p", "io.debezium.data.geometry.Point", geoFields, geo)
                .struct("n", "io.debezium.data.VariableScaleDecimal", vsdFields, vsd));

        assertThat(after).containsEntry("g", wkb).containsEntry("p", wkb).containsEntry("n", new BigDecimal("-12.345"));
    }

    @Test
    void givenAnUnknownNumericLogicalType_whenDecoded_thenItFailsInsteadOfPassingTheRawNumber() {
        byte[] value = new Envelopes().field("v", "int64", "io.example.FancyTime", null, 5L).value("c");

        assertThatThrownBy(() -> decoder.decode(null, value))
                .isInstanceOf(EnvelopeDecodingException.class).hasMessageContaining("io.example.FancyTime").hasMessageContaining(".v:");
    }

    @Test
    void givenAValueThatDoesNotMatchItsSchema_whenDecoded_thenTheErrorNamesTheField() {
        byte[] value = new Envelopes().field("v", "int32", null, null, "not a number").value("c");

        assertThatThrownBy(() -> decoder.decode(null, value))
                .isInstanceOf(EnvelopeDecodingException.class).hasMessageContaining("after.v").hasMessageContaining("not an int32");
    }

    @Test
    void givenManyRecordsOfOneSchema_whenDecoded_thenTheSchemaIsCompiledOnceAndReused() {
        Envelopes table = new Envelopes().field("v", "string", null, null, "x");
        for (int i = 0; i < 100; i++) {
            decoder.decode(Envelopes.intKey("id", i), table.value("c"));
        }

        assertThat(decoder.cachedSchemas()).isEqualTo(2);  // the value schema and the key schema
        assertThat(decoder.decode(Envelopes.intKey("id", 7), table.value("c")).orElseThrow().key()).containsExactly(entry("id", 7L));
    }

    @Test
    void givenInterleavedSchemasOfEqualLength_whenDecoded_thenEachRecordIsDecodedWithItsOwnSchema() {
        // Type names of five letters: schemas of equal length that a match on position alone would mix up.
        Envelopes int32 = new Envelopes().field("v", "int32", null, null, 7);
        Envelopes int64 = new Envelopes().field("v", "int64", null, null, 7L);
        Envelopes float32 = new Envelopes().field("v", "float", null, null, 7.0f);
        for (int i = 0; i < 20; i++) {
            assertThat(decoder.decode(null, int32.value("c")).orElseThrow().after()).containsEntry("v", 7);
            assertThat(decoder.decode(null, int64.value("c")).orElseThrow().after()).containsEntry("v", 7L);
            assertThat(decoder.decode(null, float32.value("c")).orElseThrow().after()).containsEntry("v", 7.0f);
        }

        assertThat(decoder.cachedSchemas()).isEqualTo(3);
    }

    @Test
    void givenRecordsInsideLargerBuffers_whenDecodedWhereTheyLie_thenTheyEqualTheirCopies() throws Exception {
        byte[][] sample = Envelopes.sample("03-update-op-u.json");
        // JsonConverter's order, and the payload first (read by streaming), each amid other bytes.
        ObjectNode tree = (ObjectNode) Envelopes.MAPPER.readTree(sample[1]);
        ObjectNode payloadFirst = Envelopes.MAPPER.createObjectNode();
        payloadFirst.set("payload", tree.get("payload"));
        payloadFirst.set("schema", tree.get("schema"));
        for (byte[] value : List.of(sample[1], Envelopes.bytes(payloadFirst))) {
            ChangeEvent expected = decoder.decode(sample[0], value).orElseThrow();

            ChangeEvent fromSlice = new EnvelopeDecoder().decode(amid(sample[0]).slice(), amid(value).slice()).orElseThrow();
            ChangeEvent fromPosition = new EnvelopeDecoder().decode(amid(sample[0]), amid(value)).orElseThrow();

            assertThat(fromSlice).usingRecursiveComparison().isEqualTo(expected);
            assertThat(fromPosition).usingRecursiveComparison().isEqualTo(expected);
        }
    }

    /** The bytes between others, as a buffer positioned on them. */
    private static java.nio.ByteBuffer amid(byte[] bytes) {
        byte[] larger = new byte[bytes.length + 40];
        Arrays.fill(larger, (byte) '}');
        System.arraycopy(bytes, 0, larger, 17, bytes.length);
        return java.nio.ByteBuffer.wrap(larger, 17, bytes.length);
    }

    @Test
    void givenADeleteWithKey_whenDecoded_thenKeyAndBeforeAreSetAndAfterIsNull() {
        byte[] value = new Envelopes().field("id", "int64", null, null, 5L).value("d");

        ChangeEvent e = decoder.decode(Envelopes.intKey("id", 5), value).orElseThrow();

        assertThat(e.op()).isEqualTo(ChangeEvent.Op.DELETE);
        assertThat(e.key()).containsExactly(entry("id", 5L));
        assertThat(e.before()).containsExactly(entry("id", 5L));
        assertThat(e.after()).isNull();
        assertThat(e.gtid()).isEqualTo("0-1-9");
        assertThat(e.row()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------

    private ChangeEvent decodeSample(String file) {
        byte[][] record = Envelopes.sample(file);
        return decoder.decode(record[0], record[1]).orElseThrow();
    }

    private Map<String, Object> decodeOne(Envelopes envelope) {
        return decoder.decode(null, envelope.value("c")).orElseThrow().after();
    }

    /**
     * The ddl samples are stored compacted, without the JsonConverter schema; put back the schema
     * the table had at that point (from the sample's own history: c is DECIMAL(10,0) until
     * "MODIFY c DECIMAL(20,2)", b becomes b2 BIGINT).
     */
    private Optional<ChangeEvent> decodeCompacted(JsonNode record) {
        JsonNode value = record.get("value");
        JsonNode key = record.get("key");
        byte[] keyBytes = key == null || key.isNull() ? null : withSchema(key, Map.of("id", "int32"), 0);
        if (value == null || value.isNull()) {
            return decoder.decode(keyBytes, null);
        }
        JsonNode image = value.get("after").isNull() ? value.get("before") : value.get("after");
        Map<String, String> types = new LinkedHashMap<>();
        image = image == null || image.isNull() ? Envelopes.MAPPER.createObjectNode().put("id", 0) : image;
        image.fieldNames().forEachRemaining(f -> types.put(f, switch (f) {
            case "id", "b" -> "int32";
            case "b2" -> "int64";
            case "c" -> "decimal";
            default -> "string";
        }));
        boolean modified = record.get("topic").asText().equals("ddlspike.shop.t") && (record.get("offset").asInt() >= 7);
        ObjectNode rowSchema = structSchema(types, modified ? 2 : 0);
        ObjectNode schema = Envelopes.MAPPER.createObjectNode().put("type", "struct").put("name", "ddlspike.shop.t.Envelope");
        ArrayNode fields = schema.putArray("fields");
        fields.add(rowSchema.deepCopy().put("field", "before").put("optional", true));
        fields.add(rowSchema.deepCopy().put("field", "after").put("optional", true));
        fields.addObject().put("type", "string").put("field", "op");
        ObjectNode envelope = Envelopes.MAPPER.createObjectNode();
        envelope.set("schema", schema);
        envelope.set("payload", value);
        return decoder.decode(keyBytes, Envelopes.bytes(envelope));
    }

    private static byte[] withSchema(JsonNode payload, Map<String, String> types, int scale) {
        ObjectNode envelope = Envelopes.MAPPER.createObjectNode();
        envelope.set("schema", structSchema(types, scale));
        envelope.set("payload", payload);
        return Envelopes.bytes(envelope);
    }

    private static ObjectNode structSchema(Map<String, String> types, int decimalScale) {
        ObjectNode s = Envelopes.MAPPER.createObjectNode().put("type", "struct").put("name", "ddlspike.shop.t.Value");
        ArrayNode fields = s.putArray("fields");
        types.forEach((name, type) -> {
            ObjectNode f = fields.addObject().put("optional", !name.equals("id")).put("field", name);
            if (type.equals("decimal")) {
                f.put("type", "bytes").put("name", "org.apache.kafka.connect.data.Decimal")
                        .putObject("parameters").put("scale", Integer.toString(decimalScale));
            } else {
                f.put("type", type);
            }
        });
        return s;
    }

    private static JsonNode read(String json) {
        try {
            return Envelopes.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
