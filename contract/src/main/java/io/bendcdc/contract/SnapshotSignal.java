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

    /** The signal's value for {@code tables}. */
    public static String incremental(Collection<TableId> tables) {
        ObjectNode root = JSON.createObjectNode().put("type", "execute-snapshot");
        ObjectNode data = root.putObject("data");
        ArrayNode collections = data.putArray("data-collections");
        tables.forEach(t -> collections.add(collection(t)));
        data.put("type", "incremental");
        return root.toString();
    }

    /**
     * How Debezium is to find the table. It matches each entry as a regular expression against
     * "db.table" and then parses the name it matched, which fails on a space or other punctuation
     * ("Unable to parse table identifier"); an entry matching no table is parsed as it is. So a
     * plain name is sent as a quoted pattern (its dot is a dot), any other as a name in double
     * quotes, which matches no table as a pattern and parses to the table.
     */
    static String collection(TableId t) {
        if (PLAIN.matcher(t.database()).matches() && PLAIN.matcher(t.table()).matches()) {
            return Pattern.quote(t.database() + "." + t.table());
        }
        return quoted(t.database()) + "." + quoted(t.table());
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_]+");

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
