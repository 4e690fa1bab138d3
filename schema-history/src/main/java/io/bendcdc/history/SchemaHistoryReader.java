package io.bendcdc.history;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Debezium's schema history topic (one partition) into a {@link SchemaTimeline}. No consumer
 * group: it is assigned partition 0 and reads up to the end offset seen when a read starts, so a
 * read ends even while the engine keeps appending. Not thread-safe; one per applier thread.
 */
public final class SchemaHistoryReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaHistoryReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final TopicPartition partition;
    private final Predicate<TableId> tables;
    private final Duration timeout;
    private final KafkaConsumer<String, String> consumer;
    private TimelineBuilder builder;
    private long nextOffset = -1; // -1: not assigned yet, the first refresh reads from the start
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
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = new TopicPartition(topic, 0);
        this.tables = Objects.requireNonNull(tables, "tables");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        this.consumer = new KafkaConsumer<>(config);
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
        nextOffset = -1;
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
        try {
            long end = endOffset();
            if (nextOffset < 0) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                nextOffset = consumer.position(partition, timeout);
            }
            int read = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (nextOffset < end) {
                if (System.nanoTime() > deadline) {
                    throw new SchemaHistoryException("schema history topic '" + topic + "': read up to offset "
                            + nextOffset + " of " + end + " in " + timeout.toSeconds() + "s; Kafka is too slow "
                            + "or the records were deleted");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    if (r.value() != null) {
                        add(r);
                        read++;
                    }
                }
                nextOffset = consumer.position(partition, timeout);
            }
            if (timeline == null || read > 0) {
                timeline = builder.build();
                LOG.debug("Read {} schema history records from '{}' up to offset {}", read, topic, end);
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
            throw new SchemaHistoryException("schema history topic '" + topic + "' offset " + r.offset() + ": "
                    + e.getMessage(), e);
        }
    }

    private long endOffset() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            throw new SchemaHistoryException("schema history topic '" + topic + "' does not exist; start the "
                    + "engine first, or check kafka.topic.prefix / the schema history topic name");
        }
        return consumer.endOffsets(List.of(partition), timeout).get(partition);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
