package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bendcdc.contract.TableId;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void givenNamesThatNeedQuoting_whenQuoted_thenDoubleQuotesAreUsedAndDoubledInside() {
        assertThat(Identifiers.quote("a b")).isEqualTo("\"a b\"");
        assertThat(Identifiers.quote("back`tick")).isEqualTo("\"back`tick\"");
        assertThat(Identifiers.quote("dq\"uote")).isEqualTo("\"dq\"\"uote\"");
        assertThat(Identifiers.quote("UPPER")).isEqualTo("\"UPPER\"");
        assertThat(Identifiers.quote("select")).isEqualTo("\"select\"");
    }

    @Test
    void givenATableAndAColumnList_whenQuoted_thenEachPartIsQuoted() {
        assertThat(Identifiers.quote(new TableId("my db", "T"))).isEqualTo("\"my db\".\"T\"");
        assertThat(Identifiers.quoteAll(List.of("a", "b\"c"))).isEqualTo("\"a\", \"b\"\"c\"");
    }

    @Test
    void givenAnEmptyName_whenQuoted_thenItIsRefused() {
        assertThatThrownBy(() -> Identifiers.quote("")).isInstanceOf(IllegalArgumentException.class);
    }
}
