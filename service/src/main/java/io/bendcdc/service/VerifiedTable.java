package io.bendcdc.service;

import java.util.List;
import java.util.stream.Collectors;

import io.bendcdc.applier.databend.TableReads;
import io.bendcdc.contract.TableId;

/**
 * A table as verify compares it: the source table, the Databend table the applier writes, the
 * compared columns in source order, and which of them form the key.
 */
record VerifiedTable(TableId source, TableId target, List<Column> columns, List<Integer> keys) {

    /** A compared column; {@code kind} decides how its values are compared. */
    record Column(String name, ValueCanon.Kind kind) {
    }

    VerifiedTable {
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
    }

    Column key(int k) {
        return columns.get(keys.get(k));
    }

    String sourceName() {
        return mysqlQuote(source.database()) + "." + mysqlQuote(source.table());
    }

    /** The compared columns as the source is read: each in its exact form (VerifyQueries.sourceSelect). */
    String sourceColumns() {
        return columns.stream().map(c -> VerifyQueries.sourceSelect(c.kind(), mysqlQuote(c.name())))
                .collect(Collectors.joining(", "));
    }

    /** The Databend reads of this table's rows by key. */
    TableReads targetReads() {
        return new TableReads(target, columns.stream().map(Column::name).toList(),
                columns.stream().map(c -> ValueCanon.targetRead(c.kind())).toList(),
                keys.stream().map(i -> columns.get(i).name()).toList(),
                keys.stream().map(i -> VerifyQueries.literalKind(columns.get(i).kind())).toList());
    }

    String sourceKeyColumns() {
        return keys.stream().map(i -> mysqlQuote(columns.get(i).name())).collect(Collectors.joining(", "));
    }

    static String mysqlQuote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
