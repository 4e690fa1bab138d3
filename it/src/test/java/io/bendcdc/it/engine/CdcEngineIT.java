package io.bendcdc.it.engine;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.bendcdc.engine.CdcEngine;
import io.bendcdc.config.SourceConnector;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.TopicReader;
import io.bendcdc.it.support.TopicReader.Envelope;

/** Binlog to Kafka through the embedded engine, against the local MariaDB and Kafka. */
class CdcEngineIT {

    @ParameterizedTest
    @EnumSource(SourceConnector.class)
    void snapshotThenEveryKindOfChangeArrivesInBinlogOrder(SourceConnector connector) throws Exception {
        // given a table with rows
        String db = EngineFixture.unique("orders_" + connector.name().toLowerCase());
        String prefix = EngineFixture.unique("it" + connector.name().toLowerCase());
        mariadb("CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + db + ".t VALUES (1,'one'),(2,'two')");

        try (CdcEngine engine = new CdcEngine(EngineFixture.settings(connector, prefix, db));
                TopicReader topic = new TopicReader(prefix + "." + db + ".t")) {
            // when the engine snapshots and then streams changes
            engine.start();
            assertThat(topic.readCount(2, Duration.ofSeconds(60), engine.completion())).extracting(Envelope::op).containsExactly("r", "r");
            mariadb("INSERT INTO " + db + ".t VALUES (3,'three')",
                    "UPDATE " + db + ".t SET v='uno' WHERE id=1",
                    "UPDATE " + db + ".t SET id=10 WHERE id=2",
                    "DELETE FROM " + db + ".t WHERE id=3",
                    "TRUNCATE TABLE " + db + ".t",
                    "ALTER TABLE " + db + ".t ADD COLUMN w INT",
                    "INSERT INTO " + db + ".t VALUES (4,'four',44)",
                    "ALTER TABLE " + db + ".t RENAME COLUMN w TO w2",
                    "INSERT INTO " + db + ".t VALUES (5,'five',55)",
                    "ALTER TABLE " + db + ".t DROP COLUMN w2",
                    "INSERT INTO " + db + ".t VALUES (6,'six')");

            // then they arrive in binlog order: c, u, pk change (d, tombstone, c), d, tombstone, t, c, c, c
            List<Envelope> all = topic.readCount(13, Duration.ofSeconds(60), engine.completion());
            assertThat(all).extracting(Envelope::op)
                    .containsExactly("r", "r", "c", "u", "d", null, "c", "d", null, "t", "c", "c", "c");
            assertThat(all.get(3).after().path("v").asText()).isEqualTo("uno");
            assertThat(all.get(4).keyPayload().path("id").asInt()).isEqualTo(2);
            assertThat(all.get(6).keyPayload().path("id").asInt()).isEqualTo(10);
            assertThat(all.get(10).after().path("w").asInt()).isEqualTo(44);
            assertThat(all.get(11).after().path("w2").asInt()).isEqualTo(55);
            assertThat(all.get(12).after().has("w2")).isFalse();
            assertThat(all.get(9).headers()).isNotEmpty();
        }
    }
}
