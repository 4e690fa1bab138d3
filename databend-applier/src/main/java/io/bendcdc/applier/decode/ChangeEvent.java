package io.bendcdc.applier.decode;

import io.bendcdc.contract.TableId;

import java.util.Map;
import java.util.Objects;

/**
 * One decoded row change of a source table.
 *
 * <p>Values are decoded Java objects, never raw envelope numbers or base64:
 * {@code Boolean}, {@code Integer} (int8/int16/int32, YEAR), {@code Long} (int64, BIT(n) as its
 * 64 bits, unsigned when the column is), {@code Float}, {@code Double}, {@code BigDecimal}
 * (DECIMAL, BIGINT UNSIGNED in precise mode), {@code String} (text, ENUM, SET, JSON text),
 * {@code byte[]} (binary, BLOB, geometry WKB), {@code LocalDate} (DATE), {@code LocalDateTime}
 * (DATETIME: the source's wall-clock digits), {@code Instant} (TIMESTAMP) and {@code Duration}
 * (TIME, may be negative or above 24 hours). A SQL NULL is a null map value.
 *
 * @param key        primary-key column to value, in key order; empty when the topic has no key
 *                   (a table without a primary key, or a truncate)
 * @param after      every column of the row after the change; null for DELETE and TRUNCATE
 * @param before     the row before the change when the source sent it (update, delete); else null
 * @param snapshot   true for snapshot reads, including incremental snapshots
 * @param inTableSnapshot where the row lies in a snapshot that reads whole tables (not an
 *                   incremental one), as Debezium marks it
 * @param gtid       the transaction's GTID; null in snapshots and without GTIDs
 * @param opCode     Debezium's op letter: {@code c u r d t}
 */
public record ChangeEvent(
        TableId table,
        Op op,
        Map<String, Object> key,
        Map<String, Object> after,
        Map<String, Object> before,
        boolean snapshot,
        InTableSnapshot inTableSnapshot,
        String binlogFile,
        long binlogPos,
        int row,
        String gtid,
        long sourceTsMs,
        char opCode) {

    /** What the change does to the target: write the row image, delete the key, empty the table. */
    public enum Op {
        UPSERT, DELETE, TRUNCATE
    }

    /**
     * Where a row lies in a snapshot that reads whole tables: Debezium marks a table's first row
     * ({@code first}, {@code first_in_data_collection}) and its last ({@code last},
     * {@code last_in_data_collection}; a table of one row has only this mark).
     */
    public enum InTableSnapshot {
        NONE, FIRST, MIDDLE, LAST;

        public static InTableSnapshot of(String mark) {
            if (mark == null) {
                return NONE;
            }
            return switch (mark) {
                case "first", "first_in_data_collection" -> FIRST;
                case "last", "last_in_data_collection" -> LAST;
                case "true" -> MIDDLE;
                default -> NONE; // false, incremental
            };
        }
    }

    public ChangeEvent {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(key, "key");
        if (op == Op.UPSERT && after == null) {
            throw new IllegalArgumentException("an upsert needs a row image: " + table);
        }
    }
}
