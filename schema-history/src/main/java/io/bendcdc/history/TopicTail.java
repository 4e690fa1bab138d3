package io.bendcdc.history;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads partition 0 of a topic from its first record on, each {@link #readNew} picking up what was
 * appended since the last, up to the end offset seen when the call starts, so that a call ends
 * even while a writer keeps appending. No consumer group, and a missing topic is never created.
 * Not thread-safe.
 */
public final class TopicTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaConsumer<String, String> consumer;
    private long nextOffset = -1; // -1: not assigned yet, the next read starts from the beginning

    /**
     * @param consumerConfig Kafka consumer settings (bootstrap servers, security...); deserializers,
     *                       group, auto-commit and topic creation are set here
     * @param timeout        how long one read may take before it fails
     */
    public TopicTail(Map<String, Object> consumerConfig, String topic, Duration timeout) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = new TopicPartition(topic, 0);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        this.consumer = new KafkaConsumer<>(config);
    }

    public String topic() {
        return topic;
    }

    /** Whether the topic exists. */
    public boolean exists() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        return partitions != null && !partitions.isEmpty();
    }

    /** The next read starts again from the first record. */
    public void rewind() {
        nextOffset = -1;
    }

    /**
     * Hands each record appended since the last read to {@code onRecord}, in offset order.
     *
     * @return how many records were handed over
     * @throws SchemaHistoryException when Kafka does not deliver up to the end offset in time
     * @throws org.apache.kafka.common.KafkaException when Kafka cannot be read
     */
    public int readNew(Consumer<ConsumerRecord<String, String>> onRecord) {
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        if (nextOffset < 0) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            nextOffset = consumer.position(partition, timeout);
        }
        int read = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (nextOffset < end) {
            if (System.nanoTime() > deadline) {
                throw new SchemaHistoryException("topic '" + topic + "': read up to offset " + nextOffset + " of "
                        + end + " in " + timeout.toSeconds() + "s; Kafka is too slow or the records were deleted");
            }
            for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                onRecord.accept(r);
                read++;
            }
            nextOffset = consumer.position(partition, timeout);
        }
        return read;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
