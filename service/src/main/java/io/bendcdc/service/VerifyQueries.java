package io.bendcdc.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.bendcdc.applier.databend.TableReads;
import io.bendcdc.contract.TableId;

/**
 * The SQL verify runs, on the source (MySQL/MariaDB, with {@code ?} parameters bound to key values
 * as canonical text) and on Databend (key values written as literals, by the Databend layer's
 * {@link TableReads}). Pure functions, so the statements are tested as text.
 */
final class VerifyQueries {

    private VerifyQueries() {
    }

    /**
     * A source column as verify reads it, in exact form: FLOAT widened to a double (the text
     * protocol prints a FLOAT with six digits), DATE/DATETIME/TIMESTAMP formatted by the server with
     * all six fractional digits (the session is in UTC, so TIMESTAMP is the UTC instant), TIME as
     * its own text, BIT and YEAR as unsigned numbers, geometry as WKB; other kinds as they are.
     */
    static String sourceSelect(ValueCanon.Kind kind, String quotedColumn) {
        String c = quotedColumn;
        return switch (kind) {
            case FLOAT -> c + " + 0e0";
            case DATE -> "DATE_FORMAT(" + c + ", '%Y-%m-%d')";
            case DATETIME -> "DATE_FORMAT(" + c + ", '%Y-%m-%d %H:%i:%s.%f')";
            case TIME -> "CAST(" + c + " AS CHAR)";
            case BIT, BIT_BOOLEAN, YEAR -> "CAST(" + c + " AS UNSIGNED)";
            case GEOMETRY -> "ST_AsWKB(" + c + ")";
            default -> c;
        };
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
        return t.targetReads().rowsByKeys(keys);
    }

    /** Databend keys in key order, the first chunk ({@code last} null) or the one after {@code last}. */
    static String targetKeyChunk(VerifiedTable t, List<String> last, int limit) {
        return t.targetReads().keyChunk(last, limit);
    }

    static String targetColumnTypes(TableId table) {
        return TableReads.columnTypes(table);
    }

    static String targetCount(VerifiedTable t) {
        return TableReads.count(t.target());
    }

    static String sourceCount(VerifiedTable t) {
        return "SELECT COUNT(*) FROM " + t.sourceName();
    }

    /** The databases of the source (parameterless). */
    static String sourceDatabases() {
        return "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME";
    }

    /** Databend's tables of one database. */
    static String targetTables(String database) {
        return TableReads.tableNames(database);
    }

    static String sourceColumnTypes() {
        return "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    }

    static String sourcePrimaryKey() {
        return "SELECT COLUMN_NAME FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX";
    }

    /** A canonical value as a Databend literal: numbers bare, binary from hex, the rest quoted. */
    static String targetLiteral(ValueCanon.Kind kind, String canonical) {
        return TableReads.literal(literalKind(kind), canonical);
    }

    static TableReads.LiteralKind literalKind(ValueCanon.Kind kind) {
        if (ValueCanon.numeric(kind) || kind == ValueCanon.Kind.BOOLEAN || kind == ValueCanon.Kind.BIT_BOOLEAN) {
            return TableReads.LiteralKind.BARE;
        }
        return kind == ValueCanon.Kind.BINARY || kind == ValueCanon.Kind.GEOMETRY ? TableReads.LiteralKind.BINARY
                : TableReads.LiteralKind.TEXT;
    }

    /** The source's parameter for a key value: canonical text, hex for binary, 1/0 for booleans. */
    static String sourceParameter(ValueCanon.Kind kind, String canonical) {
        if ((kind == ValueCanon.Kind.BOOLEAN || kind == ValueCanon.Kind.BIT_BOOLEAN) && canonical != null) {
            return canonical.equals("true") ? "1" : "0";
        }
        return canonical;
    }

    private static String sourcePlaceholders(VerifiedTable t) {
        List<String> p = new ArrayList<>();
        for (int k = 0; k < t.keys().size(); k++) {
            p.add(switch (t.key(k).kind()) {
                case BINARY -> "UNHEX(?)";
                // compared as numbers: a bare string against a BIT column compares bytes, and the
                // string '0' against a YEAR column is the year 2000
                case BIT, BIT_BOOLEAN, YEAR -> "CAST(? AS UNSIGNED)";
                default -> "?";
            });
        }
        return String.join(", ", p);
    }
}
