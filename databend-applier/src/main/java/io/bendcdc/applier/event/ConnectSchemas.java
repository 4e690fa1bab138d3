package io.bendcdc.applier.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a Kafka Connect JSON schema (as JsonConverter writes it with {@code schemas.enable=true})
 * into a {@link FieldDecoder}, resolving Debezium's logical types from the schema {@code name} and
 * {@code parameters} once, so that decoding a record only walks its payload.
 *
 * <p>Zero dates: for a nullable DATE/DATETIME/TIMESTAMP column Debezium sends null for
 * {@code 0000-00-00}; for a NOT NULL column it sends epoch 0 (1970-01-01 / 1970-01-01T00:00Z),
 * which is decoded as such (Debezium's choice; the original zero value is not recoverable).
 */
final class ConnectSchemas {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private ConnectSchemas() {
    }

    static FieldDecoder compile(JsonNode schema, String path) {
        String type = text(schema, "type");
        String name = text(schema, "name");
        if (name != null) {
            FieldDecoder logical = logical(name, type, schema, path);
            if (logical != null) {
                return logical;
            }
        }
        return switch (type == null ? "" : type) {
            case "int8", "int16", "int32" -> v -> integer(v);
            case "int64" -> ConnectSchemas::int64;
            // JsonConverter writes FLOAT32 and FLOAT64 as "float" and "double".
            case "float32", "float" -> v -> Float.parseFloat(number(v));
            case "float64", "double" -> v -> Double.parseDouble(number(v));
            case "boolean" -> ConnectSchemas::bool;
            case "string" -> ConnectSchemas::string;
            case "bytes" -> ConnectSchemas::bytes;
            case "struct" -> struct(schema, path);
            case "array" -> array(schema, path);
            case "map" -> map(schema, path);
            default -> throw new EnvelopeDecodingException(path + ": unknown Connect type '" + type + "'");
        };
    }

    static StructDecoder struct(JsonNode schema, String path) {
        JsonNode fields = schema.get("fields");
        if (fields == null || !fields.isArray()) {
            throw new EnvelopeDecodingException(path + ": struct schema without fields");
        }
        List<String> names = new ArrayList<>();
        List<FieldDecoder> decoders = new ArrayList<>();
        List<Boolean> optional = new ArrayList<>();
        for (JsonNode f : fields) {
            String field = text(f, "field");
            names.add(field);
            decoders.add(compile(f, path + "." + field));
            optional.add(f.path("optional").asBoolean(false));
        }
        return new StructDecoder(path, names, decoders, optional);
    }

    /** The decoder of a known logical type; null when the name is only a struct's name. */
    private static FieldDecoder logical(String name, String type, JsonNode schema, String path) {
        switch (name) {
            case "org.apache.kafka.connect.data.Decimal": {
                int scale = Integer.parseInt(schema.path("parameters").path("scale").asText("0"));
                return v -> new BigDecimal(new BigInteger(bytes(v)), scale);
            }
            case "io.debezium.data.VariableScaleDecimal":
                return v -> new BigDecimal(new BigInteger(bytes(v.get("value"))), v.get("scale").intValue());
            case "io.debezium.time.Date":
            case "org.apache.kafka.connect.data.Date":
                return v -> LocalDate.ofEpochDay(v.longValue());
            case "io.debezium.time.Timestamp":
            case "org.apache.kafka.connect.data.Timestamp":
                return v -> EPOCH.plus(int64(v), ChronoUnit.MILLIS);
            case "io.debezium.time.MicroTimestamp":
                return v -> EPOCH.plus(int64(v), ChronoUnit.MICROS);
            case "io.debezium.time.NanoTimestamp":
                return v -> EPOCH.plusNanos(int64(v));
            case "io.debezium.time.ZonedTimestamp":
                return v -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(v.textValue(), Instant::from);
            case "io.debezium.time.MicroTime":
                return v -> Duration.of(int64(v), ChronoUnit.MICROS);
            case "io.debezium.time.Time":
            case "org.apache.kafka.connect.data.Time":
                return v -> Duration.ofMillis(int64(v));
            case "io.debezium.time.NanoTime":
                return v -> Duration.ofNanos(int64(v));
            case "io.debezium.time.Year":
                return v -> integer(v);
            case "io.debezium.data.Json":
            case "io.debezium.data.Enum":
            case "io.debezium.data.EnumSet":
                return ConnectSchemas::string;
            case "io.debezium.data.Bits": {
                int length = Integer.parseInt(schema.path("parameters").path("length").asText("64"));
                return length == 1 ? v -> littleEndian(bytes(v)) != 0 : v -> littleEndian(bytes(v));
            }
            case "io.debezium.data.geometry.Geometry":
            case "io.debezium.data.geometry.Point":
            case "io.debezium.data.geometry.Geography":
                // The WKB carries the shape; the SRID (usually 0 in MySQL) is not kept.
                return v -> bytes(v.get("wkb"));
            default:
                break;
        }
        if ("struct".equals(type) || "string".equals(type) || "array".equals(type) || "map".equals(type)) {
            // Struct names (row images, Source, ...) carry no decoding; an unknown string logical
            // type is still its text.
            return null;
        }
        throw new EnvelopeDecodingException(path + ": unsupported logical type " + name + " (" + type + ")");
    }

    private static FieldDecoder array(JsonNode schema, String path) {
        FieldDecoder items = compile(schema.get("items"), path + "[]");
        return v -> {
            List<Object> list = new ArrayList<>(v.size());
            for (JsonNode item : v) {
                list.add(item.isNull() ? null : items.decode(item));
            }
            return list;
        };
    }

    private static FieldDecoder map(JsonNode schema, String path) {
        FieldDecoder values = compile(schema.get("values"), path + "{}");
        return v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNull() ? null : values.decode(e.getValue())));
            return m;
        };
    }

    /** Debezium packs BIT(n) little-endian: byte 0 holds bits 0..7. */
    static long littleEndian(byte[] b) {
        if (b.length > 8) {
            throw new IllegalArgumentException("BIT value of " + b.length + " bytes does not fit 64 bits");
        }
        long v = 0;
        for (int i = 0; i < b.length; i++) {
            v |= (b[i] & 0xFFL) << (8 * i);
        }
        return v;
    }

    private static Integer integer(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("not an int32: " + v);
        }
        return v.intValue();
    }

    static long int64(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("not an int64: " + v);
        }
        return v.longValue();
    }

    private static String number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("not a number: " + v);
        }
        // The decimal text, not a double: float32 must be rounded once, from the text.
        return v.isBigDecimal() ? v.decimalValue().toString() : v.asText();
    }

    private static Boolean bool(JsonNode v) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("not a boolean: " + v);
        }
        return v.booleanValue();
    }

    private static String string(JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("not a string: " + v);
        }
        return v.textValue();
    }

    static byte[] bytes(JsonNode v) {
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("not base64 bytes: " + v);
        }
        return Base64.getDecoder().decode(v.textValue());
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
