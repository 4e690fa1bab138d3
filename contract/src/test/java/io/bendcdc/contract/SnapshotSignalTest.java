package io.bendcdc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SnapshotSignalTest {

    @Test
    void givenTables_whenSignalled_thenPlainNamesArePatternsMatchingOnlyThemselvesAndOthersAreQuotedNames() throws Exception {
        String value = SnapshotSignal.incremental(List.of(new TableId("shop", "items"), new TableId("a.b", "c+d (x)")));

        JsonNode json = new ObjectMapper().readTree(value);
        assertThat(json.path("type").asText()).isEqualTo("execute-snapshot");
        assertThat(json.path("data").path("type").asText()).isEqualTo("incremental");
        JsonNode collections = json.path("data").path("data-collections");
        assertThat(collections).hasSize(2);
        assertThat(Pattern.compile(collections.get(0).asText()).matcher("shop.items").matches()).isTrue();
        assertThat(Pattern.compile(collections.get(0).asText()).matcher("shopXitems").matches()).isFalse();
        assertThat(collections.get(1).asText()).isEqualTo("\"a.b\".\"c+d (x)\"");
    }
}
