package io.bendcdc.it.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.bendcdc.contract.TableId;

/**
 * A source table as its CREATE TABLE declares it; Debezium's own DDL parser reads that statement.
 *
 * @param primaryKey column names in key order; empty for a table without primary key
 */
record SourceTable(String database, String name, List<Column> columns, List<String> primaryKey) {

    /** @param defaultSql the DEFAULT clause's expression, or null for none */
    record Column(String name, ColumnType type, boolean nullable, String defaultSql) {
    }

    SourceTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** A table whose first column is the primary key and the others are nullable without default. */
    static SourceTable keyedByFirst(String database, String name, List<String> names, List<ColumnType> types) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new Column(names.get(i), types.get(i), i > 0, null));
        }
        return new SourceTable(database, name, columns, List.of(names.get(0)));
    }

    TableId id() {
        return new TableId(database, name);
    }

    int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + name);
    }

    String ddl() {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(database)).append('.').append(quote(name))
                .append(" (");
        for (Column c : columns) {
            sql.append(quote(c.name())).append(' ').append(c.type().ddl()).append(c.nullable() ? " NULL" : " NOT NULL");
            if (c.defaultSql() != null) {
                sql.append(" DEFAULT ").append(c.defaultSql());
            }
            sql.append(", ");
        }
        if (primaryKey.isEmpty()) {
            sql.setLength(sql.length() - 2);
        } else {
            sql.append("PRIMARY KEY (").append(primaryKey.stream().map(SourceTable::quote).collect(Collectors.joining(", ")))
                    .append(')');
        }
        return sql.append(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4").toString();
    }

    private static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String toString() {
        return ddl();
    }
}
