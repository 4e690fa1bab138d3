package io.bendcdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"database.password", "ssl.key.password", "sasl.jaas.config", "ssl.keystore.key",
        "aws.secret.access.key", "http.auth.token", "schema.registry.basic.auth.user.info", "ApiKey"})
    void givenSecretLookingKey_whenChecked_thenSecret(String key) {
        assertThat(SecretKeys.looksSecret(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"key.converter", "key.serializer", "snapshot.locking.mode", "acks", "database.user"})
    void givenOrdinaryKey_whenChecked_thenNotSecret(String key) {
        assertThat(SecretKeys.looksSecret(key)).isFalse();
    }
}
