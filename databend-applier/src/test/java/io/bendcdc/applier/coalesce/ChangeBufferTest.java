package io.bendcdc.applier.coalesce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.bendcdc.applier.decode.ChangeEvent;
import io.bendcdc.applier.decode.ChangeEvent.Op;
import io.bendcdc.contract.TableId;

class ChangeBufferTest {

    private static final TableId ITEMS = new TableId("shop", "items");

    private final ChangeBuffer byId = new ChangeBuffer(List.of("id"));
    private long position = 1000;

    @Test
    void givenSeveralChangesOfOneKey_whenBuffered_thenTheLastRowImageWins() {
        byId.add(insert(row("id", 1, "name", "first")), null);
        byId.add(update(row("id", 1, "name", "first"), row("id", 1, "name", "second")), null);
        byId.add(update(row("id", 1, "name", "second"), row("id", 1, "name", "third")), null);

        assertThat(byId.upserts()).containsExactly(row("id", 1, "name", "third"));
        assertThat(byId.deletedKeys()).isEmpty();
        assertThat(byId.survivors()).hasSize(1);
    }

    @Test
    void givenAnInsertThenADelete_whenBuffered_thenOnlyTheDeleteRemains() {
        byId.add(insert(row("id", 1, "name", "a")), null);
        byId.add(delete(row("id", 1), row("id", 1, "name", "a")), null);

        assertThat(byId.upserts()).isEmpty();
        assertThat(byId.deletedKeys()).containsExactly(List.of(1));
    }

    @Test
    void givenADeleteThenAnInsert_whenBuffered_thenTheRowIsUpserted() {
        byId.add(delete(row("id", 1), row("id", 1, "name", "old")), null);
        byId.add(insert(row("id", 1, "name", "new")), null);

        assertThat(byId.upserts()).containsExactly(row("id", 1, "name", "new"));
        assertThat(byId.deletedKeys()).isEmpty();
    }

    @Test
    void givenBinaryKeys_whenBuffered_thenEqualBytesInDistinctArraysAreOneKey() {
        ChangeBuffer byHash = new ChangeBuffer(List.of("hash"));
        byHash.add(insert(row("hash", new byte[] {1, 2, 3}, "v", "a")), null);
        byHash.add(insert(row("hash", new byte[] {9}, "v", "b")), null);
        byHash.add(delete(row("hash", new byte[] {1, 2, 3}), row("hash", new byte[] {1, 2, 3}, "v", "a")), null);

        assertThat(byHash.survivors()).hasSize(2);
        assertThat(byHash.upserts()).extracting(r -> r.get("v")).containsExactly("b");
        assertThat(byHash.deletedKeys()).hasSize(1);
        assertThat((byte[]) byHash.deletedKeys().get(0).get(0)).containsExactly(1, 2, 3);
    }

    @Test
    void givenACompositeKey_whenBuffered_thenChangesCoalesceOnlyWhenEveryKeyColumnIsEqual() {
        ChangeBuffer byTenantAndId = new ChangeBuffer(List.of("tenant", "id"));
        byTenantAndId.add(insert(row("tenant", "acme", "id", 1, "v", "a1")), null);
        byTenantAndId.add(insert(row("tenant", "globex", "id", 1, "v", "g1")), null);
        byTenantAndId.add(insert(row("tenant", "acme", "id", 2, "v", "a2")), null);
        byTenantAndId.add(update(row("tenant", "acme", "id", 1, "v", "a1"), row("tenant", "acme", "id", 1, "v", "a1'")), null);
        // the before image lists the columns in table order, not key order
        byTenantAndId.add(delete(row("tenant", "acme", "id", 2), row("id", 2, "v", "a2", "tenant", "acme")), null);

        assertThat(byTenantAndId.upserts()).extracting(r -> r.get("v")).containsExactly("a1'", "g1");
        assertThat(byTenantAndId.deletedKeys()).containsExactly(List.of("acme", 2));
    }

    @Test
    void givenATableWithoutKeyColumns_whenBuffered_thenEveryChangeIsKept() {
        ChangeBuffer appendOnly = new ChangeBuffer(List.of());
        appendOnly.add(insert(row("sku", "x", "qty", 1)), null);
        appendOnly.add(insert(row("sku", "x", "qty", 1)), null);
        appendOnly.add(update(row("sku", "x", "qty", 1), row("sku", "x", "qty", 2)), null);

        assertThat(appendOnly.upserts()).containsExactly(
                row("sku", "x", "qty", 1), row("sku", "x", "qty", 1), row("sku", "x", "qty", 2));
        assertThat(appendOnly.events()).isEqualTo(3);
    }

    @Test
    void givenChangesThatCoalesce_whenCounted_thenEventsCountsEveryChangeReceived() {
        byId.add(insert(row("id", 1, "name", "a")), null);
        byId.add(update(row("id", 1, "name", "a"), row("id", 1, "name", "b")), null);
        byId.add(delete(row("id", 1), row("id", 1, "name", "b")), null);

        assertThat(byId.events()).isEqualTo(3);
        assertThat(byId.survivors()).hasSize(1);
    }

    @Test
    void givenAMixedStream_whenCoalesced_thenUpsertsAndDeletesAreDisjointInFirstSeenKeyOrder() {
        byId.add(insert(row("id", 1, "name", "a")), null);
        byId.add(insert(row("id", 2, "name", "b")), null);
        byId.add(delete(row("id", 1), row("id", 1, "name", "a")), null);
        byId.add(update(row("id", 2, "name", "b"), row("id", 2, "name", "b'")), null);
        byId.add(delete(row("id", 3), row("id", 3, "name", "c")), null);
        byId.add(insert(row("id", 3, "name", "c'")), null);
        byId.add(delete(row("id", 4), row("id", 4, "name", "d")), null);
        byId.add(insert(row("id", 5, "name", "e")), null);

        assertThat(byId.upserts()).containsExactly(
                row("id", 2, "name", "b'"), row("id", 3, "name", "c'"), row("id", 5, "name", "e"));
        assertThat(byId.deletedKeys()).containsExactly(List.of(1), List.of(4));
        assertThat(byId.byKey().keySet()).containsExactly(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5));
    }

    @Test
    void givenADeleteWithABeforeImage_whenItsKeyIsTaken_thenItComesFromTheBeforeImage() {
        // a table keyed by apply.key.columns: the topic has no key, the before image has the column
        ChangeBuffer byCode = new ChangeBuffer(List.of("code"));
        byCode.add(insert(row("code", "A", "qty", 1)), null);
        byCode.add(delete(Map.of(), row("code", "A", "qty", 1)), null);

        assertThat(byCode.upserts()).isEmpty();
        assertThat(byCode.deletedKeys()).containsExactly(List.of("A"));
    }

    @Test
    void givenADeleteWithoutABeforeImage_whenItsKeyIsTaken_thenItComesFromTheEventKey() {
        byId.add(insert(row("id", 7, "name", "x")), null);
        byId.add(delete(row("id", 7), null), null);

        assertThat(byId.upserts()).isEmpty();
        assertThat(byId.deletedKeys()).containsExactly(List.of(7));
    }

    @Test
    void givenANullInAConfiguredKeyColumn_whenBuffered_thenNullIsAKeyValueLikeAnyOther() {
        ChangeBuffer byCode = new ChangeBuffer(List.of("code"));
        byCode.add(insert(row("code", null, "qty", 1)), null);
        byCode.add(delete(Map.of(), row("code", null, "qty", 1)), null);

        assertThat(byCode.upserts()).isEmpty();
        assertThat(byCode.deletedKeys()).containsExactly(Arrays.asList((Object) null));
    }

    @Test
    void givenSeveralChangesOfOneKey_whenItsRecordIsAsked_thenItIsTheLastChangesRecord() {
        ConsumerRecord<ByteBuffer, ByteBuffer> first = record(10);
        ConsumerRecord<ByteBuffer, ByteBuffer> last = record(11);
        byId.add(insert(row("id", 1, "name", "a")), first);
        byId.add(update(row("id", 1, "name", "a"), row("id", 1, "name", "b")), last);

        assertThat(byId.record(List.of(1))).isSameAs(last);
    }

    @Test
    void givenABufferedBatch_whenCleared_thenItIsEmptyAndCountsFromZero() {
        byId.add(insert(row("id", 1, "name", "a")), null);
        byId.add(insert(row("id", 2, "name", "b")), null);

        byId.clear();

        assertThat(byId.isEmpty()).isTrue();
        assertThat(byId.events()).isZero();
        assertThat(byId.upserts()).isEmpty();
        assertThat(byId.deletedKeys()).isEmpty();
    }

    // helpers

    private ChangeEvent insert(Map<String, Object> after) {
        return event(Op.UPSERT, keyOf(after), after, null, 'c');
    }

    private ChangeEvent update(Map<String, Object> before, Map<String, Object> after) {
        return event(Op.UPSERT, keyOf(after), after, before, 'u');
    }

    private ChangeEvent delete(Map<String, Object> key, Map<String, Object> before) {
        return event(Op.DELETE, key, null, before, 'd');
    }

    private ChangeEvent event(Op op, Map<String, Object> key, Map<String, Object> after, Map<String, Object> before,
            char opCode) {
        position += 100;
        return new ChangeEvent(ITEMS, op, key, after, before, false, ChangeEvent.InTableSnapshot.NONE, "mysql-bin.000001", position, 0, null,
                1_700_000_000_000L, opCode);
    }

    /** The event key as the topic carries it: here the id column when the row has one. */
    private static Map<String, Object> keyOf(Map<String, Object> row) {
        return row.containsKey("id") ? row("id", row.get("id")) : Map.of();
    }

    /** A row image; values may be null (SQL NULL). */
    private static Map<String, Object> row(Object... nameThenValue) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            row.put((String) nameThenValue[i], nameThenValue[i + 1]);
        }
        return row;
    }

    private static ConsumerRecord<ByteBuffer, ByteBuffer> record(long offset) {
        return new ConsumerRecord<>("shop.items", 0, offset, null, ByteBuffer.wrap(new byte[] {1}));
    }
}
