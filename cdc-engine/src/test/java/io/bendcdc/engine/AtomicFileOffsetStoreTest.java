package io.bendcdc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileOffsetStoreTest {

    @TempDir
    Path dir;

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<ByteBuffer, ByteBuffer> offsets() {
        Map<ByteBuffer, ByteBuffer> m = new HashMap<>();
        m.put(bytes("[\"engine\",{\"server\":\"cdc\"}]"), bytes("{\"file\":\"mariadb-bin.000003\",\"pos\":4242}"));
        m.put(bytes("[\"engine\",{\"server\":\"other\"}]"), null);
        return m;
    }

    @Test
    void writtenOffsetsReadBackEqual() {
        Path file = dir.resolve("offsets.dat");
        AtomicFileOffsetStore.write(file, offsets());

        assertThat(AtomicFileOffsetStore.read(file)).isEqualTo(offsets());
        assertThat(dir.resolve("offsets.dat.tmp")).doesNotExist();
    }

    @Test
    void missingFileMeansNoOffsetsYet() {
        assertThat(AtomicFileOffsetStore.read(dir.resolve("absent.dat"))).isEmpty();
    }

    @Test
    void truncatedFileStopsTheStartInsteadOfReadingAsEmpty() throws IOException {
        Path file = dir.resolve("offsets.dat");
        AtomicFileOffsetStore.write(file, offsets());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 10));

        assertThatThrownBy(() -> AtomicFileOffsetStore.read(file)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("offsets.dat is corrupt").hasMessageContaining("checksum");
    }

    @Test
    void fileTruncatedToNothingStopsTheStart() throws IOException {
        Path file = dir.resolve("offsets.dat");
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> AtomicFileOffsetStore.read(file)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("header missing");
    }

    @Test
    void aRewriteReplacesTheWholeFile() {
        Path file = dir.resolve("offsets.dat");
        AtomicFileOffsetStore.write(file, offsets());
        Map<ByteBuffer, ByteBuffer> next = Map.of(bytes("k"), bytes("v2"));
        AtomicFileOffsetStore.write(file, next);

        assertThat(AtomicFileOffsetStore.read(file)).isEqualTo(next);
    }
}
