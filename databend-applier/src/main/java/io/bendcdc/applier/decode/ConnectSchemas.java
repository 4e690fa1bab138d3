package io.bendcdc.applier.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
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
            case "int8", "int16", "int32" -> ConnectSchemas::integer;
            case "int64" -> ConnectSchemas::int64;
            // JsonConverter writes FLOAT32 and FLOAT64 as "float" and "double".
            case "float32", "float" -> p -> Float.parseFloat(number(p));
            case "float64", "double" -> p -> Double.parseDouble(number(p));
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
                return p -> new BigDecimal(new BigInteger(bytes(p)), scale);
            }
            case "io.debezium.data.VariableScaleDecimal":
                return ConnectSchemas::variableScaleDecimal;
            case "io.debezium.time.Date":
            case "org.apache.kafka.connect.data.Date":
                return p -> LocalDate.ofEpochDay(int64(p));
            case "io.debezium.time.Timestamp":
            case "org.apache.kafka.connect.data.Timestamp":
                return p -> EPOCH.plus(int64(p), ChronoUnit.MILLIS);
            case "io.debezium.time.MicroTimestamp":
                return p -> EPOCH.plus(int64(p), ChronoUnit.MICROS);
            case "io.debezium.time.NanoTimestamp":
                return p -> EPOCH.plusNanos(int64(p));
            case "io.debezium.time.ZonedTimestamp":
                return p -> ZonedTimestampText.parse(string(p));
            case "io.debezium.time.MicroTime":
                return p -> Duration.of(int64(p), ChronoUnit.MICROS);
            case "io.debezium.time.Time":
            case "org.apache.kafka.connect.data.Time":
                return p -> Duration.ofMillis(int64(p));
            case "io.debezium.time.NanoTime":
                return p -> Duration.ofNanos(int64(p));
            case "io.debezium.time.Year":
                return ConnectSchemas::integer;
            case "io.debezium.data.Json":
            case "io.debezium.data.Enum":
            case "io.debezium.data.EnumSet":
                return ConnectSchemas::string;
            case "io.debezium.data.Bits": {
                int length = Integer.parseInt(schema.path("parameters").path("length").asText("64"));
                return length == 1 ? p -> littleEndian(bytes(p)) != 0 : p -> littleEndian(bytes(p));
            }
            case "io.debezium.data.geometry.Geometry":
            case "io.debezium.data.geometry.Point":
            case "io.debezium.data.geometry.Geography":
                // The WKB carries the shape; the SRID (usually 0 in MySQL) is not kept.
                return ConnectSchemas::wkb;
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
        return p -> {
            expect(p, JsonToken.START_ARRAY, "an array");
            List<Object> list = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                list.add(t == JsonToken.VALUE_NULL ? null : items.decode(p));
            }
            return list;
        };
    }

    private static FieldDecoder map(JsonNode schema, String path) {
        FieldDecoder values = compile(schema.get("values"), path + "{}");
        return p -> {
            expect(p, JsonToken.START_OBJECT, "a map");
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                m.put(key, p.nextToken() == JsonToken.VALUE_NULL ? null : values.decode(p));
            }
            return m;
        };
    }

    /** Debezium's {@code {"scale": …, "value": <unscaled bytes>}}. */
    private static BigDecimal variableScaleDecimal(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "a variable-scale decimal");
        Integer scale = null;
        byte[] unscaled = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "scale" -> scale = integer(p);
                case "value" -> unscaled = bytes(p);
                default -> p.skipChildren();
            }
        }
        if (scale == null || unscaled == null) {
            throw new IllegalArgumentException("variable-scale decimal without scale or value");
        }
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    /** The {@code wkb} field of a Debezium geometry struct. */
    private static byte[] wkb(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "a geometry");
        byte[] wkb = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("wkb".equals(field)) {
                wkb = bytes(p);
            } else {
                p.skipChildren();
            }
        }
        if (wkb == null) {
            throw new IllegalArgumentException("geometry without wkb");
        }
        return wkb;
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

    private static Integer integer(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new IllegalArgumentException("not an int32: " + p.getText());
        }
        return p.getIntValue();
    }

    static long int64(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new IllegalArgumentException("not an int64: " + p.getText());
        }
        return p.getLongValue();
    }

    /** The number's decimal text as written, not a double: float32 must be rounded once, from the text. */
    private static String number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IllegalArgumentException("not a number: " + p.getText());
        }
        return p.getText();
    }

    private static Boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new IllegalArgumentException("not a boolean: " + p.getText());
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static String string(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not a string: " + p.getText());
        }
        return p.getText();
    }

    static byte[] bytes(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not base64 bytes: " + p.getText());
        }
        return Base64.getDecoder().decode(p.getText());
    }

    private static void expect(JsonParser p, JsonToken token, String what) throws IOException {
        if (p.currentToken() != token) {
            throw new IllegalArgumentException("not " + what + ": " + p.getText());
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
