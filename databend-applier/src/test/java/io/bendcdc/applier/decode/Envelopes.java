package io.bendcdc.applier.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds JsonConverter-shaped envelopes (schema + payload) for tests, and reads the sample files. */
final class Envelopes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final ArrayNode fields = MAPPER.createArrayNode();
    private final ObjectNode row = MAPPER.createObjectNode();

    /** A field of the row schema; {@code logical} and {@code params} may be null. */
    Envelopes field(String name, String type, String logical, Map<String, String> params, Object value) {
        ObjectNode f = fields.addObject();
        f.put("type", type);
        f.put("optional", true);
        if (logical != null) {
            f.put("name", logical);
            f.put("version", 1);
        }
        if (params != null) {
            ObjectNode p = f.putObject("parameters");
            params.forEach(p::put);
        }
        f.put("field", name);
        row.set(name, MAPPER.valueToTree(value));
        return this;
    }

    /** A struct field (Geometry, VariableScaleDecimal) with its own sub-fields and value. */
    Envelopes struct(String name, String logical, ArrayNode subFields, JsonNode value) {
        ObjectNode f = fields.addObject();
        f.put("type", "struct");
        f.set("fields", subFields);
        f.put("optional", true);
        f.put("name", logical);
        f.put("field", name);
        row.set(name, value);
        return this;
    }

    byte[] value(String op) {
        ObjectNode schema = MAPPER.createObjectNode();
        schema.put("type", "struct");
        ArrayNode top = schema.putArray("fields");
        for (String image : new String[] {"before", "after"}) {
            ObjectNode f = top.addObject();
            f.put("type", "struct");
            f.set("fields", fields);
            f.put("optional", true);
            f.put("name", "t.db.tbl.Value");
            f.put("field", image);
        }
        top.addObject().put("type", "struct").put("field", "source").put("optional", false);
        top.addObject().put("type", "string").put("field", "op").put("optional", false);
        schema.put("optional", false);
        schema.put("name", "t.db.tbl.Envelope");

        ObjectNode payload = MAPPER.createObjectNode();
        payload.putNull("before");
        payload.set("after", "d".equals(op) ? null : row);
        if ("d".equals(op)) {
            payload.set("before", row);
            payload.putNull("after");
        }
        ObjectNode source = payload.putObject("source");
        source.put("db", "db").put("table", "tbl").put("snapshot", "false").put("file", "mariadb-bin.000003")
                .put("pos", 77L).put("row", 1).put("gtid", "0-1-9").put("ts_ms", 1700000000000L);
        payload.put("op", op);
        return bytes(MAPPER.createObjectNode().<ObjectNode>set("schema", schema).set("payload", payload));
    }

    static byte[] intKey(String name, long id) {
        ObjectNode schema = MAPPER.createObjectNode().put("type", "struct").put("optional", false).put("name", "t.db.tbl.Key");
        schema.putArray("fields").addObject().put("type", "int64").put("optional", false).put("field", name);
        ObjectNode payload = MAPPER.createObjectNode().put(name, id);
        return bytes(MAPPER.createObjectNode().<ObjectNode>set("schema", schema).set("payload", payload));
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample file {"destination", "key", "value"}: its key and value as the Kafka record bytes. */
    static byte[][] sample(String file) {
        try (InputStream in = Envelopes.class.getResourceAsStream("/samples/debezium-3.4-mariadb/" + file)) {
            JsonNode record = MAPPER.readTree(in);
            return new byte[][] {kafkaBytes(record.get("key")), kafkaBytes(record.get("value"))};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = Envelopes.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] kafkaBytes(JsonNode n) {
        return n == null || n.isNull() ? null : bytes(n);
    }
}
