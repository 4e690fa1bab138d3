package io.bendcdc.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a topic from its beginning, decoding keys and values as JSON. */
public final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record as read: key and value JSON (value null for a tombstone), headers as text. */
    public record Envelope(long offset, JsonNode key, JsonNode value, Map<String, String> headers) {
        public String op() {
            return value == null ? null : value.path("payload").path("op").asText(null);
        }

        public JsonNode after() {
            return value.path("payload").path("after");
        }

        public JsonNode before() {
            return value.path("payload").path("before");
        }

        public JsonNode keyPayload() {
            return key == null ? null : key.path("payload");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Envelope> read = new ArrayList<>();

    public TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
        TopicPartition p = new TopicPartition(topic, 0);
        consumer.assign(List.of(p));
        consumer.seekToBeginning(List.of(p));
    }

    /** Reads until {@code done} holds for all records read so far, or the time is up. */
    public List<Envelope> readUntil(Predicate<List<Envelope>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(read) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                r.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null : new String(h.value())));
                read.add(new Envelope(r.offset(), parse(r.key()), parse(r.value()), headers));
            }
        }
        return List.copyOf(read);
    }

    public List<Envelope> readCount(int count, Duration timeout) {
        return readUntil(rs -> rs.size() >= count, timeout);
    }

    /** Like {@link #readCount} but gives up at once, with its error, if {@code running} ended. */
    public List<Envelope> readCount(int count, Duration timeout, java.util.concurrent.CompletableFuture<?> running) {
        List<Envelope> got = readUntil(rs -> rs.size() >= count || running.isDone(), timeout);
        if (running.isCompletedExceptionally()) {
            running.join();
        }
        return got;
    }

    private static JsonNode parse(String s) {
        try {
            return s == null ? null : JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + s, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
