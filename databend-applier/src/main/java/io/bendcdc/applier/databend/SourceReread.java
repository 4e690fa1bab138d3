package io.bendcdc.applier.databend;

import io.bendcdc.contract.TableId;

/**
 * Asks the source for every row of a table again, for values Databend cannot derive: the rows
 * already there when a column was added whose value only the source knows. The rows come back as
 * snapshot events on the table's topic, after everything already there, and are upserted whole.
 */
@FunctionalInterface
public interface SourceReread {

    /** Never asks: the rows keep NULL in such columns. */
    SourceReread NONE = (table, why) -> {
    };

    /**
     * Asks for source table {@code table} to be read again; returns once the request is durable.
     *
     * @param why what Databend could not derive, for the log
     */
    void request(TableId table, String why);
}
