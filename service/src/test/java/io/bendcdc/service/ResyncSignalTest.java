package io.bendcdc.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResyncSignalTest {

    @Test
    void signalIsDebeziumsIncrementalExecuteSnapshot() {
        assertThat(ResyncSignal.value(List.of("shop.orders", "shop.customers"))).isEqualTo(
                "{\"type\":\"execute-snapshot\",\"data\":{\"data-collections\":[\"shop.orders\",\"shop.customers\"],"
                        + "\"type\":\"incremental\"}}");
    }
}
