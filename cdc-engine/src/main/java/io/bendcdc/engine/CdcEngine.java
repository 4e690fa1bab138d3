package io.bendcdc.engine;

import io.bendcdc.config.OffsetStorage;

import java.io.Closeable;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.history.SchemaHistoryTopic;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;

/**
 * The source half of the pipeline: Debezium's embedded engine reading the binlog, each change
 * published to Kafka as the standard envelope. {@link #start()} returns once the engine runs;
 * {@link #completion()} ends when it stops, exceptionally if it failed; {@link #close()} stops it
 * gracefully (in-flight records flushed, offsets committed).
 */
public final class CdcEngine implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(CdcEngine.class);

    private final EngineSettings settings;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "cdc-engine"));
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;
    private KafkaChangePublisher publisher;
    private volatile SnapshotProgress snapshotProgress;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

    public CdcEngine(EngineSettings settings) {
        this.settings = settings;
    }

    public void start() {
        SourceCheck source = new SourceCheck(settings.source());
        source.verify();
        admin = Admin.create(adminConfig());
        SchemaHistoryTopic.ensure(admin, settings.kafka().schemaHistoryTopic(), settings.kafka().replicationFactor(),
                !offsetsExist());
        producer = new KafkaProducer<>(producerConfig());
        TopicCreator topics = new TopicCreator(admin, settings.kafka().partitions(), settings.kafka().replicationFactor(),
                settings.kafka().retentionMs());
        topics.ensure(settings.topics().signalTopic());
        snapshotProgress = new SnapshotProgress(source::estimateRows, 5_000);
        publisher = new KafkaChangePublisher(producer, topics, snapshotProgress,
                settings.topics().schemaChangeTopic());
        Properties props = DebeziumConnectorProperties.of(settings);
        FloatSnapshotReads.addTo(props, source.columns());
        engine = DebeziumEngine.create(ChangeEventFormat.of(io.debezium.embedded.Connect.class))
                .using(props)
                .notifying(publisher)
                .using((success, message, error) -> {
                    if (success) {
                        completion.complete(null);
                    } else {
                        completion.completeExceptionally(new EngineFailedException(message, error));
                    }
                })
                .build();
        runner.execute(engine);
        LOG.info("Engine started: {}", settings);
    }

    /** Completes when the engine has stopped; exceptionally with {@link EngineFailedException}. */
    public CompletableFuture<Void> completion() {
        return completion;
    }

    public long publishedRecords() {
        return publisher == null ? 0 : publisher.published();
    }

    /** Rows read by snapshots (initial and incremental) per "db.table" since start; for metrics. */
    public Map<String, Long> snapshotRowsByTable() {
        SnapshotProgress p = snapshotProgress;
        return p == null ? Map.of() : p.totalRowsByTable();
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
            runner.shutdown();
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Engine did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("engine did not close cleanly", e);
        } finally {
            if (publisher != null) {
                publisher.close();
            }
            if (producer != null) {
                producer.close();
            }
            if (admin != null) {
                admin.close();
            }
        }
        completion.complete(null);
        LOG.info("Engine stopped after publishing {} records", publishedRecords());
    }

    private boolean offsetsExist() {
        if (settings.offsets().storage() == OffsetStorage.FILE) {
            return Files.exists(settings.offsets().file());
        }
        try {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(settings.offsets().topic());
        } catch (Exception e) {
            throw new IllegalStateException("cannot list Kafka topics at " + settings.kafka().bootstrapServers() + ": "
                    + e.getMessage(), e);
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka().bootstrapServers());
        c.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.kafka().prefix() + "-engine-admin");
        c.putAll(settings.kafka().adminOverrides());
        return c;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka().bootstrapServers());
        c.put(ProducerConfig.CLIENT_ID_CONFIG, settings.kafka().prefix() + "-engine");
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        // Envelopes repeat their schema in every record: lz4 shrinks them several times over for
        // little CPU, which the broker and the network then do not spend.
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        c.putAll(settings.kafka().producerOverrides());
        return c;
    }
}
