package io.bendcdc.engine;

import java.util.List;
import java.util.Map;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;

/**
 * What Debezium captures and how: the replica's server id, the databases and tables included or
 * excluded, the snapshot mode, heartbeats, the signal table, the size of its batches and queue,
 * and Debezium options passed through.
 */
public record CaptureSettings(long serverId, List<String> databasesInclude, List<String> databasesExclude,
        List<String> tablesInclude, List<String> tablesExclude, String snapshotMode, long heartbeatIntervalMs,
        String signalTable, int maxBatchSize, int maxQueueSize, Map<String, String> debeziumOverrides) {

    public CaptureSettings {
        databasesInclude = List.copyOf(databasesInclude);
        databasesExclude = List.copyOf(databasesExclude);
        tablesInclude = List.copyOf(tablesInclude);
        tablesExclude = List.copyOf(tablesExclude);
        debeziumOverrides = Map.copyOf(debeziumOverrides);
    }

    public static CaptureSettings from(CdcConfig c) {
        return new CaptureSettings(c.get(CdcOptions.SOURCE_SERVER_ID), c.get(CdcOptions.SOURCE_DATABASES_INCLUDE),
                c.get(CdcOptions.SOURCE_DATABASES_EXCLUDE), c.get(CdcOptions.SOURCE_TABLES_INCLUDE),
                c.get(CdcOptions.SOURCE_TABLES_EXCLUDE), c.get(CdcOptions.SOURCE_SNAPSHOT_MODE).debeziumName(),
                c.get(CdcOptions.SOURCE_HEARTBEAT_INTERVAL_MS), c.get(CdcOptions.SOURCE_SIGNAL_TABLE),
                c.get(CdcOptions.ENGINE_MAX_BATCH_SIZE), c.get(CdcOptions.ENGINE_MAX_QUEUE_SIZE),
                c.passthrough(CdcOptions.DEBEZIUM_PREFIX));
    }
}
