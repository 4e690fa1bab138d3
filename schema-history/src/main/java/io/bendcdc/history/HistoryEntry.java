package io.bendcdc.history;

import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;
import io.bendcdc.contract.ColumnSchema;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One record of Debezium's schema history topic, as far as the timeline needs it.
 *
 * @param snapshotFlag  the position carries a snapshot marker ({@code "INITIAL"}, {@code true})
 * @param hasServerId   the position names the server that wrote the event; streamed records do,
 *                      snapshot records do not
 */
record HistoryEntry(BinlogPosition position, boolean snapshotFlag, boolean hasServerId, String databaseName,
        String ddl, List<TableChange> tableChanges) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One element of {@code tableChanges}.
     *
     * @param previousId the old name of a renamed table, else null
     * @param table      the whole table after the change; null for DROP
     */
    record TableChange(String type, TableId id, TableId previousId, TableSchema table) {
    }

    static HistoryEntry parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SchemaHistoryException("schema history record is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SchemaHistoryException("schema history record is not a JSON object: " + json);
        }
        JsonNode position = root.path("position");
        if (!position.isObject()) {
            throw new SchemaHistoryException("schema history record has no position: " + json);
        }
        List<TableChange> changes = new ArrayList<>();
        for (JsonNode change : root.path("tableChanges")) {
            changes.add(tableChange(change));
        }
        BinlogPosition at;
        try {
            at = BinlogPosition.fromHistory(position);
        } catch (IllegalArgumentException e) {
            throw new SchemaHistoryException("schema history record: " + e.getMessage(), e);
        }
        return new HistoryEntry(at,
                BinlogPosition.isSnapshotFlag(position.get("snapshot")), position.hasNonNull("server_id"),
                root.path("databaseName").asText(""), root.path("ddl").asText(""), changes);
    }

    private static TableChange tableChange(JsonNode change) {
        TableId id = TableId.parse(change.path("id").asText());
        JsonNode previous = change.get("previousId");
        TableId previousId = previous == null || previous.isNull() ? null : TableId.parse(previous.asText());
        JsonNode table = change.get("table");
        TableSchema schema = table == null || table.isNull() ? null : tableSchema(id, table);
        return new TableChange(change.path("type").asText(), id, previousId, schema);
    }

    private static TableSchema tableSchema(TableId id, JsonNode table) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (JsonNode c : table.path("columns")) {
            columns.add(column(c));
        }
        List<String> key = new ArrayList<>();
        for (JsonNode k : table.path("primaryKeyColumnNames")) {
            key.add(k.asText());
        }
        return new TableSchema(id, columns, key);
    }

    private static ColumnSchema column(JsonNode c) {
        List<String> enumValues = new ArrayList<>();
        for (JsonNode v : c.path("enumValues")) {
            enumValues.add(v.asText());
        }
        return new ColumnSchema(
                c.path("name").asText(),
                c.path("position").asInt(),
                c.path("typeName").asText(),
                text(c, "typeExpression"),
                c.path("jdbcType").asInt(),
                integer(c, "length"),
                integer(c, "scale"),
                c.path("optional").asBoolean(true),
                c.path("autoIncremented").asBoolean(false),
                c.path("hasDefaultValue").asBoolean(false),
                text(c, "defaultValueExpression"),
                text(c, "charsetName"),
                enumValues);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
