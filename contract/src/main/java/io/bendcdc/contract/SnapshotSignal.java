package io.bendcdc.contract;

import java.util.Collection;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debezium's {@code execute-snapshot} signal of type {@code incremental}, as sent on the engine's
 * signal topic ({@link ChangeTopics#signalTopic()}) with the topic prefix as its key (Debezium
 * acts only on signals so keyed). The engine then reads the tables again in key-ordered chunks
 * while streaming goes on, and publishes the rows as snapshot events (op=r).
 */
public final class SnapshotSignal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotSignal() {
    }

    /**
     * The signal's value for {@code tables}. Debezium matches each entry as a regular expression
     * against "db.table", so every name is quoted: a dot, a bracket or a plus in a name is itself.
     */
    public static String incremental(Collection<TableId> tables) {
        ObjectNode root = JSON.createObjectNode().put("type", "execute-snapshot");
        ObjectNode data = root.putObject("data");
        ArrayNode collections = data.putArray("data-collections");
        tables.forEach(t -> collections.add(Pattern.quote(t.database() + "." + t.table())));
        data.put("type", "incremental");
        return root.toString();
    }
}
