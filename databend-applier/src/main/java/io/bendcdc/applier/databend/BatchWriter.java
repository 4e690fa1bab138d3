package io.bendcdc.applier.databend;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes coalesced changes of one table: its deletes, its upserts (a staged REPLACE; a DELETE of
 * their keys and a staged INSERT where Databend cannot REPLACE on the key, see
 * {@link DatabendDialect#upsertsByDeleteAndInsert}; an INSERT for an append-only table) and the
 * partition's new state, in one transaction, retried as a whole on a transient failure. After coalescing, the keys deleted and the keys upserted are
 * disjoint, so the order of the two statements does not matter.
 */
public final class BatchWriter {

    private final DatabendSession session;
    private final StateTable state;
    private final StagedUpsert upsert = new StagedUpsert();

    BatchWriter(DatabendSession session, StateTable state) {
        this.session = session;
        this.state = state;
    }

    /** Deletes, upserts and the new state (unless null), in one transaction. */
    public void write(TargetTable target, List<Map<String, Object>> upserts, List<List<Object>> deletedKeys,
            AppliedState next) throws SQLException {
        List<Object[]> rows = new ArrayList<>(upserts.size());
        for (Map<String, Object> image : upserts) {
            rows.add(target.row(image));
        }
        boolean deleteAndInsert = !target.appendOnly() && DatabendDialect.upsertsByDeleteAndInsert(target.keyTypes());
        List<List<Object>> keys = deletedKeys;
        if (deleteAndInsert && !upserts.isEmpty()) {
            keys = new ArrayList<>(deletedKeys);
            for (Map<String, Object> image : upserts) {
                List<Object> key = new ArrayList<>(target.keyColumns().size());
                for (String k : target.keyColumns()) {
                    key.add(image.get(k));
                }
                keys.add(key);
            }
        }
        String delete = keys.isEmpty() ? null
                : DatabendDialect.deleteByKeys(target.id(), target.keyColumns(), target.keyTypes(), keys);
        session.inTransaction("write a batch to " + target.id(), c -> {
            if (delete != null) {
                DatabendSession.execute(c, delete);
            }
            if (!rows.isEmpty()) {
                if (target.appendOnly()) {
                    DatabendSession.execute(c, DatabendDialect.insertValues(target.id(), target.columns(),
                            target.types(), rows));
                } else if (deleteAndInsert) {
                    upsert.insert(c, target.id(), target.columns(), target.keyColumns(), target.types(), rows);
                } else {
                    upsert.upsert(c, target.id(), target.columns(), target.keyColumns(), target.types(), rows);
                }
            }
            if (next != null) {
                DatabendSession.execute(c, state.upsert(next));
            }
        });
    }

    /** Records a partition's state alone (a batch of tombstones or skipped events). */
    public void writeState(AppliedState next) throws SQLException {
        session.execute("record applied state", state.upsert(next));
    }

    /** Truncates, then records the state: a crash between the two replays the truncate, harmlessly. */
    public void truncate(TargetTable target, AppliedState next) throws SQLException {
        session.run("truncate " + target.id(), c -> {
            DatabendSession.execute(c, DatabendDialect.truncateTable(target.id()));
            DatabendSession.execute(c, state.upsert(next));
        });
    }
}
