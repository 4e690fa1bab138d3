package io.bendcdc.config;

import java.util.List;
import java.util.Locale;

/** Recognises pass-through keys whose values are secrets, so that they are masked in logs. */
final class SecretKeys {

    static final String MASK = "******";

    /** A key containing one of these (in any case) is secret. */
    static final List<String> SECRET_WORDS =
            List.of("password", "secret", "token", "credential", "sasl.jaas.config", "basic.auth.user.info");

    private SecretKeys() {
    }

    /**
     * True for names such as {@code database.password}, {@code ssl.key.password},
     * {@code sasl.jaas.config} and {@code ssl.keystore.key}. A name whose last part ends in
     * {@code key} counts; {@code key.converter} or {@code key.serializer} (class names) do not.
     */
    static boolean looksSecret(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        if (SECRET_WORDS.stream().anyMatch(name::contains)) {
            return true;
        }
        String lastPart = name.substring(name.lastIndexOf('.') + 1);
        return lastPart.endsWith("key");
    }
}
