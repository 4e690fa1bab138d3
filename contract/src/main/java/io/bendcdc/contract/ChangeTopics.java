package io.bendcdc.contract;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kafka topics of one source, all named from its topic prefix ({@code kafka.topic.prefix},
 * Debezium's {@code topic.prefix}):
 * <ul>
 * <li>{@code <prefix>.<db>.<table>}: a table's change events, keyed by its primary key;</li>
 * <li>{@code <prefix>}: the schema change events (one per DDL, with its binlog position);</li>
 * <li>{@code <prefix>.signals}: signals to the engine (an incremental snapshot of chosen tables).</li>
 * </ul>
 *
 * <p><b>Publish order</b>, which the applier relies on to apply a {@code DROP TABLE}: the engine
 * publishes a DDL to the schema change topic only once Kafka acknowledged every change before it.
 * So a DDL at some position that can be read from the schema change topic proves that every change
 * before that position can be read from its table's topic.
 */
public record ChangeTopics(String prefix) {

    public ChangeTopics {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("the topic prefix is empty");
        }
    }

    /**
     * The topic of a table's change events. Debezium replaces each character a topic name cannot
     * hold (anything but ASCII letters, digits, '.', '_' and '-') by '_', so two tables may share a
     * topic name: {@link #tableOf} cannot tell which table a topic is for, only what it is named.
     */
    public String changeTopic(TableId table) {
        return sanitized(prefix + "." + table.database() + "." + table.table());
    }

    private static String sanitized(String topic) {
        StringBuilder s = new StringBuilder(topic.length());
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
            s.append(valid ? c : '_');
        }
        return s.toString();
    }

    /** The topic of the schema change events (see the publish order above). */
    public String schemaChangeTopic() {
        return prefix;
    }

    /** The engine's signal topic. */
    public String signalTopic() {
        return prefix + ".signals";
    }

    /** Matches every change topic and none of the other topics of this prefix. */
    public Pattern changeTopicPattern() {
        return Pattern.compile(Pattern.quote(prefix) + "\\.[^.]+\\.[^.]+");
    }

    /** The table a change topic is named after; empty for a topic that is not one of this prefix's change topics. */
    public Optional<TableId> tableOf(String topic) {
        String head = prefix + ".";
        if (!topic.startsWith(head)) {
            return Optional.empty();
        }
        int dot = topic.indexOf('.', head.length());
        if (dot < 0 || topic.indexOf('.', dot + 1) >= 0 || dot == head.length() || dot == topic.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new TableId(topic.substring(head.length(), dot), topic.substring(dot + 1)));
    }
}
