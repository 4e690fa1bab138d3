package io.bendcdc.applier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where poison events go when {@code apply.errors.tolerance=dead_letter}: the original record,
 * unchanged, with where it came from and why it was rejected in headers. Sent synchronously, so an
 * event is counted as handled only once the dead-letter topic has it.
 */
public final class DeadLetters implements AutoCloseable {

    static final String HEADER_ERROR = "bendcdc.error";
    static final String HEADER_TOPIC = "bendcdc.source.topic";
    static final String HEADER_PARTITION = "bendcdc.source.partition";
    static final String HEADER_OFFSET = "bendcdc.source.offset";

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    DeadLetters(String bootstrapServers, String topic) {
        this.topic = topic;
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(c);
    }

    public void send(ConsumerRecord<ByteBuffer, ByteBuffer> record, Throwable error) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(HEADER_ERROR, String.valueOf(error.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(topic, null, Utils.toNullableArray(record.key()),
                    Utils.toNullableArray(record.value()), headers)).get();
        } catch (ExecutionException e) {
            throw new ApplyException("cannot send a rejected event to dead-letter topic '" + topic + "': "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApplyException("interrupted while sending to dead-letter topic '" + topic + "'", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
