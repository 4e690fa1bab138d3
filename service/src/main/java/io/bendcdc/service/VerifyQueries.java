package io.bendcdc.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import io.bendcdc.applier.databend.Identifiers;
import io.bendcdc.contract.TableId;

/**
 * The SQL verify runs, on the source (MySQL/MariaDB, with {@code ?} parameters bound to key values
 * as canonical text) and on Databend (key values written as literals). Pure functions, so the
 * statements are tested as text.
 */
final class VerifyQueries {

    private VerifyQueries() {
    }

    /** Source rows in key order, the first chunk or the one after the key bound to the parameters. */
    static String sourceChunk(VerifiedTable t, boolean afterKey, int limit) {
        return "SELECT " + t.sourceColumns() + " FROM " + t.sourceName()
                + (afterKey ? " WHERE (" + t.sourceKeyColumns() + ") > (" + sourcePlaceholders(t) + ")" : "")
                + " ORDER BY " + t.sourceKeyColumns() + " LIMIT " + limit;
    }

    /** Source rows of {@code count} keys, bound to the parameters key after key. */
    static String sourceByKeys(VerifiedTable t, int count) {
        String one = "(" + sourcePlaceholders(t) + ")";
        return "SELECT " + t.sourceColumns() + " FROM " + t.sourceName() + " WHERE (" + t.sourceKeyColumns()
                + ") IN (" + String.join(", ", Collections.nCopies(count, one)) + ")";
    }

    /** Databend rows of the given keys (canonical values, key column order). */
    static String targetByKeys(VerifiedTable t, List<List<String>> keys) {
        String where;
        if (t.keys().size() == 1) {
            where = Identifiers.quote(t.key(0).name()) + " IN (" + keys.stream()
                    .map(k -> targetLiteral(t.key(0).kind(), k.get(0))).collect(Collectors.joining(", ")) + ")";
        } else {
            // Row-value IN is not something to rely on in Databend: written out as ORs of ANDs.
            where = keys.stream().map(k -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < k.size(); i++) {
                    parts.add(Identifiers.quote(t.key(i).name()) + " = " + targetLiteral(t.key(i).kind(), k.get(i)));
                }
                return "(" + String.join(" AND ", parts) + ")";
            }).collect(Collectors.joining(" OR "));
        }
        return "SELECT " + t.targetColumns() + " FROM " + t.targetName() + " WHERE " + where;
    }

    /** Databend keys in key order, the first chunk ({@code last} null) or the one after {@code last}. */
    static String targetKeyChunk(VerifiedTable t, List<String> last, int limit) {
        return "SELECT " + t.targetKeyColumns() + " FROM " + t.targetName()
                + (last == null ? "" : " WHERE " + targetAfter(t, last))
                + " ORDER BY " + t.targetKeyColumns() + " LIMIT " + limit;
    }

    static String targetColumnTypes(TableId table) {
        return "SELECT \"name\", \"type\" FROM system.columns WHERE \"database\" = "
                + targetLiteral(ValueCanon.Kind.TEXT, table.database()) + " AND \"table\" = "
                + targetLiteral(ValueCanon.Kind.TEXT, table.table());
    }

    static String sourceColumnTypes() {
        return "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    }

    static String sourcePrimaryKey() {
        return "SELECT COLUMN_NAME FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX";
    }

    /** "Key after {@code last}" in key order: (a > x) OR (a = x AND b > y) ... */
    static String targetAfter(VerifiedTable t, List<String> last) {
        List<String> ors = new ArrayList<>();
        for (int i = 0; i < last.size(); i++) {
            List<String> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                ands.add(Identifiers.quote(t.key(j).name()) + " = " + targetLiteral(t.key(j).kind(), last.get(j)));
            }
            ands.add(Identifiers.quote(t.key(i).name()) + " > " + targetLiteral(t.key(i).kind(), last.get(i)));
            ors.add("(" + String.join(" AND ", ands) + ")");
        }
        return String.join(" OR ", ors);
    }

    /** A canonical value as a Databend literal: numbers bare, binary from hex, the rest quoted. */
    static String targetLiteral(ValueCanon.Kind kind, String canonical) {
        if (canonical == null) {
            return "NULL";
        }
        if (ValueCanon.numeric(kind) || kind == ValueCanon.Kind.BOOLEAN) {
            return canonical;
        }
        String quoted = "'" + canonical.replace("\\", "\\\\").replace("'", "\\'") + "'";
        return kind == ValueCanon.Kind.BINARY ? "FROM_HEX(" + quoted + ")" : quoted;
    }

    /** The source's parameter for a key value: canonical text, hex for binary, 1/0 for booleans. */
    static String sourceParameter(ValueCanon.Kind kind, String canonical) {
        if (kind == ValueCanon.Kind.BOOLEAN && canonical != null) {
            return canonical.equals("true") ? "1" : "0";
        }
        return canonical;
    }

    private static String sourcePlaceholders(VerifiedTable t) {
        List<String> p = new ArrayList<>();
        for (int k = 0; k < t.keys().size(); k++) {
            p.add(t.key(k).kind() == ValueCanon.Kind.BINARY ? "UNHEX(?)" : "?");
        }
        return String.join(", ", p);
    }
}
