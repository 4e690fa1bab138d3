package io.bendcdc.service;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.applier.databend.AppliedState;
import io.bendcdc.applier.databend.DatabendConnections;
import io.bendcdc.applier.databend.StateTable;
import io.bendcdc.contract.BinlogPosition;

/**
 * Where the applier is, per change topic partition: the Kafka offset and binlog position the state
 * table records as applied, the topic's end offset, and the lag between them.
 */
final class StatusReport {

    /** One partition's line. {@code appliedOffset} is -1 when nothing was applied. */
    record Row(String topic, int partition, long appliedOffset, String binlog, String appliedAt, long endOffset) {
        long lag() {
            return Math.max(0, endOffset - (appliedOffset + 1));
        }
    }

    private final ApplierSettings settings;
    private final Map<String, String> adminOverrides;

    StatusReport(ApplierSettings settings, Map<String, String> adminOverrides) {
        this.settings = settings;
        this.adminOverrides = adminOverrides;
    }

    Map<TopicPartition, Row> read() throws Exception {
        Map<TopicPartition, Row> rows = new TreeMap<>(
                (a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                        : a.topic().compareTo(b.topic()));
        Map<TopicPartition, Long> ends = endOffsets();
        Map<TopicPartition, Row> applied = appliedState();
        for (var e : ends.entrySet()) {
            Row a = applied.get(e.getKey());
            rows.put(e.getKey(), new Row(e.getKey().topic(), e.getKey().partition(), a == null ? -1 : a.appliedOffset(),
                    a == null ? "" : a.binlog(), a == null ? "" : a.appliedAt(), e.getValue()));
        }
        // State rows of topics gone from Kafka are shown too: they explain a target that stopped moving.
        applied.forEach((tp, a) -> rows.putIfAbsent(tp, new Row(a.topic(), a.partition(), a.appliedOffset(), a.binlog(),
                a.appliedAt(), -1)));
        return rows;
    }

    static void print(Map<TopicPartition, Row> rows, PrintStream out) {
        if (rows.isEmpty()) {
            out.println("no change topics and nothing applied yet");
            return;
        }
        out.printf("%-48s %9s %14s %14s %10s  %-28s %s%n", "topic", "partition", "applied offset", "end offset", "lag",
                "binlog position", "applied at");
        long total = 0;
        for (Row r : rows.values()) {
            String end = r.endOffset() < 0 ? "(no topic)" : Long.toString(r.endOffset());
            long lag = r.endOffset() < 0 ? 0 : r.lag();
            total += lag;
            out.printf("%-48s %9d %14s %14s %10d  %-28s %s%n", r.topic(), r.partition(),
                    r.appliedOffset() < 0 ? "-" : Long.toString(r.appliedOffset()), end, lag,
                    r.binlog().isEmpty() ? "-" : r.binlog(), r.appliedAt().isEmpty() ? "-" : r.appliedAt());
        }
        out.println("total lag: " + total + " events");
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka().bootstrapServers());
        c.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.topics().prefix() + "-status");
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        c.putAll(adminOverrides);
        try (Admin admin = Admin.create(c)) {
            Pattern changes = settings.topics().changeTopicPattern();
            var names = admin.listTopics().names().get(20, TimeUnit.SECONDS).stream()
                    .filter(t -> changes.matcher(t).matches()).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get(20, TimeUnit.SECONDS).values().forEach(d ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        }
    }

    private Map<TopicPartition, Row> appliedState() throws SQLException {
        Map<TopicPartition, Row> rows = new HashMap<>();
        Pattern changes = settings.topics().changeTopicPattern();
        try (Connection c = DatabendConnections.open(settings.target())) {
            for (StateTable.Row row : new StateTable(settings.target().stateDatabase()).readAll(c)) {
                AppliedState s = row.state();
                if (!changes.matcher(s.topic()).matches()) {
                    continue; // another pipeline sharing the state database
                }
                BinlogPosition p = s.lastStreamed();
                String binlog = p == null ? "" : p.file() + ":" + p.pos() + " row " + p.row();
                rows.put(new TopicPartition(s.topic(), s.partition()),
                        new Row(s.topic(), s.partition(), s.kafkaOffset(), binlog, row.appliedAt(), -1));
            }
        }
        return rows;
    }
}
