package io.bendcdc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChangeTopicsTest {

    private final ChangeTopics topics = new ChangeTopics("cdc");

    @Test
    void namesEachTopicFromThePrefix() {
        assertThat(topics.changeTopic(new TableId("shop", "orders"))).isEqualTo("cdc.shop.orders");
        assertThat(topics.changeTopic(new TableId("shop", "my tåble-1"))).as("as Debezium names it")
                .isEqualTo("cdc.shop.my_t_ble-1");
        assertThat(topics.schemaChangeTopic()).isEqualTo("cdc");
        assertThat(topics.signalTopic()).isEqualTo("cdc.signals");
    }

    @Test
    void thePatternMatchesChangeTopicsOnly() {
        assertThat(topics.changeTopicPattern().matcher("cdc.shop.orders").matches()).isTrue();
        assertThat(topics.changeTopicPattern().matcher("cdc").matches()).isFalse();
        assertThat(topics.changeTopicPattern().matcher("cdc.signals").matches()).isFalse();
        assertThat(topics.changeTopicPattern().matcher("cdcx.shop.orders").matches()).isFalse();
        assertThat(topics.changeTopicPattern().matcher("other.shop.orders").matches()).isFalse();
        assertThat(new ChangeTopics("a.b").changeTopicPattern().matcher("a.b.shop.t").matches()).isTrue();
        assertThat(new ChangeTopics("a.b").changeTopicPattern().matcher("aXb.shop.t").matches()).isFalse();
    }

    @Test
    void aChangeTopicNamesItsTable() {
        assertThat(topics.tableOf("cdc.shop.orders")).contains(new TableId("shop", "orders"));
        assertThat(topics.tableOf(topics.changeTopic(new TableId("d", "t")))).contains(new TableId("d", "t"));
        assertThat(topics.tableOf("cdc")).isEmpty();
        assertThat(topics.tableOf("cdc.signals")).isEmpty();
        assertThat(topics.tableOf("other.shop.orders")).isEmpty();
        assertThat(topics.tableOf("cdc.a.b.c")).isEmpty();
        assertThat(topics.tableOf("cdc..t")).isEmpty();
    }

    @Test
    void anEmptyPrefixIsRefused() {
        assertThatThrownBy(() -> new ChangeTopics("")).isInstanceOf(IllegalArgumentException.class);
    }
}
