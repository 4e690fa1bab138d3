package io.bendcdc.history;

import io.bendcdc.contract.TableId;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Debezium's schema history topic (one partition) into a {@link SchemaTimeline}, through a
 * {@link TopicTail}: each read ends at the end offset seen when it starts, even while the engine
 * keeps appending. Not thread-safe.
 */
public final class SchemaHistoryReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaHistoryReader.class);

    private final Predicate<TableId> tables;
    private final TopicTail tail;
    private TimelineBuilder builder;
    private SchemaTimeline timeline;

    /** Reads every table's history from {@code topic} on {@code bootstrapServers}. */
    public SchemaHistoryReader(String bootstrapServers, String topic) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, id -> true,
                Duration.ofSeconds(60));
    }

    /**
     * @param consumerConfig Kafka consumer settings (bootstrap servers, security...); deserializers,
     *                       group and auto-commit are set here
     * @param tables         the tables to keep (a rename is kept when either name is)
     * @param timeout        how long one read may take before it fails
     */
    public SchemaHistoryReader(Map<String, Object> consumerConfig, String topic, Predicate<TableId> tables,
            Duration timeout) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.tail = new TopicTail(consumerConfig, topic, timeout);
        this.builder = new TimelineBuilder(tables);
    }

    /**
     * Reads the whole topic from its first record.
     *
     * @throws SchemaHistoryException when the topic is missing, a record cannot be read, or Kafka
     *                                does not deliver up to the end offset in time
     */
    public SchemaTimeline read() {
        builder = new TimelineBuilder(tables);
        tail.rewind();
        timeline = null;
        return refresh();
    }

    /**
     * Reads what was appended since the last read (the whole topic on the first call) and returns
     * the timeline of everything read. A read made after a data event was received holds every DDL
     * before that event: Debezium stores a DDL's record before it reads the binlog past it.
     *
     * @throws SchemaHistoryException as {@link #read()}
     */
    public SchemaTimeline refresh() {
        String topic = tail.topic();
        try {
            if (!tail.exists()) {
                throw new SchemaHistoryException("schema history topic '" + topic + "' does not exist; start the "
                        + "engine first, or check kafka.topic.prefix / the schema history topic name");
            }
            int read = tail.readNew(r -> {
                if (r.value() != null) {
                    add(r);
                }
            });
            if (timeline == null || read > 0) {
                timeline = builder.build();
                LOG.debug("Read {} schema history records from '{}'", read, topic);
            }
            return timeline;
        } catch (KafkaException e) {
            throw new SchemaHistoryException("cannot read schema history topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    /** The timeline of the last read; null before the first. */
    public SchemaTimeline timeline() {
        return timeline;
    }

    private void add(ConsumerRecord<String, String> r) {
        try {
            builder.add(HistoryEntry.parse(r.value()));
        } catch (SchemaHistoryException e) {
            throw new SchemaHistoryException("schema history topic '" + tail.topic() + "' offset " + r.offset() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        tail.close();
    }
}
