package io.bendcdc.applier.poll;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;

/**
 * A worker's consumer of the change topics. Offsets are not committed automatically: a partition
 * starts where the Databend state table says (the worker seeks there on assignment), and Kafka is
 * told only what Databend has committed, for lag monitoring.
 */
public final class ChangeConsumer implements AutoCloseable {

    /** Raw envelopes are kilobytes each, nearly all schema: a poll's worth is kept small, as it is garbage once decoded. */
    private static final int MAX_POLL_RECORDS = 10_000;

    private final KafkaSettings kafka;
    private final KafkaConsumer<ByteBuffer, ByteBuffer> consumer;

    public ChangeConsumer(KafkaSettings kafka, int batchMaxRows, String clientSuffix) {
        this.kafka = kafka;
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.consumerGroup());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.consumerGroup() + "-" + clientSuffix);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(batchMaxRows, MAX_POLL_RECORDS));
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000); // new tables' topics are found quickly
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class);
        c.putAll(kafka.consumerOverrides());
        this.consumer = new KafkaConsumer<>(c);
    }

    /** Subscribes to every change topic of the prefix, present and future. */
    public void subscribe(ConsumerRebalanceListener rebalance) {
        consumer.subscribe(kafka.topics().changeTopicPattern(), rebalance);
    }

    public ConsumerRecords<ByteBuffer, ByteBuffer> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** Where a newly assigned partition resumes. */
    public void seek(TopicPartition tp, long offset) {
        consumer.seek(tp, offset);
    }

    /** Tells Kafka where each partition would resume: what Databend has committed, plus one. */
    public void commit(Map<TopicPartition, Long> resumeOffsets) {
        if (resumeOffsets.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        resumeOffsets.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        consumer.commitAsync(offsets, null);
    }

    /** Stops fetching {@code tp} until {@link #resume}; where it stands is kept. */
    public void pause(TopicPartition tp) {
        consumer.pause(List.of(tp));
    }

    public void resume(TopicPartition tp) {
        consumer.resume(List.of(tp));
    }

    /** How many partitions {@code topic} has; 0 when it does not exist. */
    public int partitionCount(String topic) {
        List<?> partitions = consumer.partitionsFor(topic);
        return partitions == null ? 0 : partitions.size();
    }

    /** Whether the topic of {@code tp} has that one partition only. */
    public boolean onlyPartitionOfItsTopic(TopicPartition tp) {
        return consumer.partitionsFor(tp.topic()).size() == 1;
    }

    /** Whether this consumer has read {@code tp} to its current end. */
    public boolean readToEnd(TopicPartition tp) {
        Long end = consumer.endOffsets(List.of(tp)).get(tp);
        return end != null && consumer.position(tp) >= end;
    }

    /** Makes a blocked {@link #poll} return, from another thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
