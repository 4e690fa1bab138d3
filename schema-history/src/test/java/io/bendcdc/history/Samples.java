package io.bendcdc.history;

import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.TableId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The recorded Debezium output in src/test/resources/samples/ddl (see /work/shared/samples/ddl/README.md). */
final class Samples {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A data topic record: its topic, source table, position and row image field names. */
    record DataEvent(String topic, long offset, String op, TableId table, BinlogPosition position, JsonNode row) {
        List<String> fieldNames() {
            List<String> names = new ArrayList<>();
            row.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    private Samples() {
    }

    static List<String> history() {
        return lines("samples/ddl/history.jsonl");
    }

    /** Data events with a row image (after, or before for a delete); tombstones and truncates left out. */
    static List<DataEvent> dataEvents() {
        List<DataEvent> out = new ArrayList<>();
        for (String line : lines("samples/ddl/data.jsonl")) {
            JsonNode r = read(line);
            JsonNode value = r.path("value");
            JsonNode row = value.path("after").isObject() ? value.path("after") : value.path("before");
            if (!row.isObject()) {
                continue;
            }
            JsonNode source = value.path("source");
            out.add(new DataEvent(r.path("topic").asText(), r.path("offset").asLong(), value.path("op").asText(),
                    new TableId(source.path("db").asText(), source.path("table").asText()),
                    BinlogPosition.fromSource(source), row));
        }
        return out;
    }

    static DataEvent dataEvent(String topic, long offset) {
        return dataEvents().stream().filter(e -> e.topic().equals(topic) && e.offset() == offset).findFirst()
                .orElseThrow();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
