package io.bendcdc.applier.order;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.applier.databend.AppliedState;
import io.bendcdc.applier.databend.DatabendTarget;
import io.bendcdc.applier.databend.StateTable.DdlStep;
import io.bendcdc.applier.databend.TableMapping;
import io.bendcdc.config.SchemaEvolution;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.ChangeTopics;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;

/**
 * Applies the statements that move data between table names ({@link CrossTableDdl}) as steps of
 * their own, once each, wherever the partitions of their tables are consumed.
 *
 * <p>Every partition of every name a statement touches writes everything before it, records that
 * position as applied ({@link SchemaStep#reach}) and waits. The partition first in (topic,
 * partition) order among them applies the statement once all of them have recorded it, and
 * records it in Databend's {@code applied_ddl}; then every one of them goes on. So the state
 * table alone tells, across workers and restarts, who may write what: nothing of a table after
 * the statement is written before it, and nothing before it after.
 */
public final class CrossTableSteps {

    private static final Logger LOG = LoggerFactory.getLogger(CrossTableSteps.class);
    private static final long BEHIND_LOG_INTERVAL_MS = 30_000;

    private final DatabendTarget databend;
    private final ChangeTopics topics;
    private final ToIntFunction<String> partitionsOf;
    private final TableMapping tables;
    private final SchemaEvolution policy;
    private final String source;
    /** Positions known to be applied: a statement once applied stays applied. */
    private final Set<BinlogPosition> applied = new HashSet<>();
    private long behindLoggedAtMs;

    /**
     * @param partitionsOf how many partitions a topic has; 0 when it does not exist
     * @param source       names the binlog the positions are of: the schema change topic
     */
    public CrossTableSteps(DatabendTarget databend, ChangeTopics topics, ToIntFunction<String> partitionsOf,
            TableMapping tables, SchemaEvolution policy, String source) {
        this.databend = databend;
        this.topics = topics;
        this.partitionsOf = partitionsOf;
        this.tables = tables;
        this.policy = policy;
        this.source = source;
    }

    /** Whether the statement at {@code position} is applied in Databend. */
    public boolean applied(BinlogPosition position) {
        if (applied.contains(position)) {
            return true;
        }
        try {
            if (databend.readDdlStep(source, position) == DdlStep.APPLIED) {
                applied.add(position);
                return true;
            }
            return false;
        } catch (SQLException e) {
            throw new ApplyException("cannot read from Databend whether the DDL at " + position + " is applied: "
                    + e.getMessage(), e);
        }
    }

    /**
     * For {@code waiting}, a partition that reached {@code ddl}: applies the statement when this
     * partition is the one to and every partition it touches has reached it. The caller has no
     * batch in flight.
     *
     * @return whether the statement is applied, so that the partition may go on
     */
    public boolean tryApply(TopicPartition waiting, CrossTableDdl ddl) throws SQLException {
        if (applied(ddl.position())) {
            return true;
        }
        List<TopicPartition> touched = partitionsTouched(ddl);
        if (touched.isEmpty() || !touched.get(0).equals(waiting)) {
            return false; // another partition applies it
        }
        List<TopicPartition> behind = new ArrayList<>();
        for (TopicPartition tp : touched) {
            AppliedState state = databend.readState(tp.topic(), tp.partition());
            if (state.lastStreamed() == null || state.lastStreamed().compareTo(ddl.position()) < 0) {
                behind.add(tp); // still writing what comes before the statement
            }
        }
        if (!behind.isEmpty()) {
            long now = System.currentTimeMillis();
            if (now - behindLoggedAtMs >= BEHIND_LOG_INTERVAL_MS) {
                behindLoggedAtMs = now;
                LOG.info("{} waits for {} to be written up to {} before it is applied", ddl.ddl(), behind,
                        ddl.position());
            }
            return false;
        }
        apply(ddl);
        return true;
    }

    /** Every partition of the topics of the names the statement touches, in (topic, partition) order. */
    private List<TopicPartition> partitionsTouched(CrossTableDdl ddl) {
        List<TopicPartition> out = new ArrayList<>();
        for (TableId table : ddl.tables()) {
            String topic = topics.changeTopic(table);
            int n = partitionsOf.applyAsInt(topic);
            for (int p = 0; p < n; p++) {
                out.add(new TopicPartition(topic, p));
            }
        }
        out.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return out;
    }

    private void apply(CrossTableDdl ddl) throws SQLException {
        for (SchemaChange.RenameTable rename : ddl.renames()) {
            SchemaStep.allowedByPolicy(policy, rename, tables);
        }
        DdlStep step = databend.readDdlStep(source, ddl.position());
        if (step == DdlStep.STARTED && ddl.reusesNames()) {
            // Applied again, a swap or chain would undo the part that ran: stop rather than guess.
            throw new ApplyException("the applier stopped while applying " + ddl.ddl() + " (binlog " + ddl.position()
                    + ") to Databend, and some of its renames may have run: check the tables " + targets(ddl)
                    + " in Databend; when they are as the statement leaves them, record it as applied with UPDATE "
                    + "applied_ddl SET step = 'APPLIED' WHERE binlog_file = '" + ddl.position().file()
                    + "' AND binlog_pos = " + ddl.position().pos() + " (in the state database), else put them so"
                    + " first; then start the applier again");
        }
        databend.writeDdlStep(source, ddl.position(), DdlStep.STARTED, ddl.ddl());
        for (SchemaChange.RenameTable rename : ddl.renames()) {
            databend.schemas().apply(rename);
            LOG.info("Renamed {} to {} at {}: {}", tables.target(rename.from()), tables.target(rename.to()),
                    ddl.position(), SchemaStep.oneLine(ddl.ddl()));
        }
        databend.writeDdlStep(source, ddl.position(), DdlStep.APPLIED, ddl.ddl());
        applied.add(ddl.position());
    }

    private List<TableId> targets(CrossTableDdl ddl) {
        return ddl.tables().stream().map(tables::target).toList();
    }
}
