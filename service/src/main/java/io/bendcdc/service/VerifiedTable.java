package io.bendcdc.service;

import java.util.List;
import java.util.stream.Collectors;

import io.bendcdc.applier.databend.Identifiers;
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

    String targetName() {
        return Identifiers.quote(target.database()) + "." + Identifiers.quote(target.table());
    }

    String sourceColumns() {
        return columns.stream().map(c -> mysqlQuote(c.name())).collect(Collectors.joining(", "));
    }

    String targetColumns() {
        return columns.stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
    }

    String sourceKeyColumns() {
        return keys.stream().map(i -> mysqlQuote(columns.get(i).name())).collect(Collectors.joining(", "));
    }

    String targetKeyColumns() {
        return keys.stream().map(i -> Identifiers.quote(columns.get(i).name())).collect(Collectors.joining(", "));
    }

    static String mysqlQuote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
