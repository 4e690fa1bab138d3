package io.bendcdc.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * Source offsets in a local file, for single-machine use.
 *
 * <p>Kafka's {@code FileOffsetBackingStore} rewrites its file in place and reads a truncated file
 * as "no offsets", which after a kill -9 makes the engine re-snapshot without a word. This store
 * writes a new file beside the old one, fsyncs it and renames it over the old one, so a reader
 * sees either the old or the new offsets; a file that fails its checksum stops the start.
 */
public class AtomicFileOffsetStore extends MemoryOffsetBackingStore {

    public static final String FILE_CONFIG = "offset.storage.file.filename";
    static final String HEADER = "# bendcdc source offsets v1";

    private Path file;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Object name = config.originals().get(FILE_CONFIG);
        if (name == null || name.toString().isBlank()) {
            throw new ConnectException("file offset storage needs " + FILE_CONFIG);
        }
        file = Path.of(name.toString());
    }

    @Override
    public synchronized void start() {
        super.start();
        data = read(file);
    }

    @Override
    protected void save() {
        write(file, data);
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), true);
        Set<Map<String, Object>> partitions = new HashSet<>();
        for (ByteBuffer key : data.keySet()) {
            Object decoded = converter.toConnectData("", toArray(key)).value();
            if (decoded instanceof List<?> parts && parts.size() == 2 && connectorName.equals(parts.get(0))
                    && parts.get(1) instanceof Map<?, ?> partition) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) partition;
                partitions.add(typed);
            }
        }
        return partitions;
    }

    static Map<ByteBuffer, ByteBuffer> read(Path file) {
        if (!Files.exists(file)) {
            return new HashMap<>();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConnectException("cannot read offsets file " + file, e);
        }
        if (lines.size() < 2 || !HEADER.equals(lines.get(0)) || !lines.get(1).startsWith("crc32=")) {
            throw corrupt(file, "header missing");
        }
        List<String> entries = lines.subList(2, lines.size());
        String expected = lines.get(1).substring("crc32=".length());
        if (!expected.equals(checksum(entries))) {
            throw corrupt(file, "checksum mismatch");
        }
        Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (String entry : entries) {
            int tab = entry.indexOf('\t');
            if (tab < 0) {
                throw corrupt(file, "malformed entry");
            }
            String value = entry.substring(tab + 1);
            offsets.put(ByteBuffer.wrap(base64.decode(entry.substring(0, tab))),
                    value.equals("-") ? null : ByteBuffer.wrap(base64.decode(value)));
        }
        return offsets;
    }

    static void write(Path file, Map<ByteBuffer, ByteBuffer> offsets) {
        Base64.Encoder base64 = Base64.getEncoder();
        List<String> entries = new ArrayList<>();
        offsets.forEach((k, v) -> entries.add(base64.encodeToString(toArray(k)) + "\t"
                + (v == null ? "-" : base64.encodeToString(toArray(v)))));
        StringBuilder text = new StringBuilder(HEADER).append('\n')
                .append("crc32=").append(checksum(entries)).append('\n');
        entries.forEach(e -> text.append(e).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // The rename itself is durable only once the directory entry is on disk.
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        } catch (IOException e) {
            throw new ConnectException("cannot write offsets file " + file, e);
        }
    }

    private static ConnectException corrupt(Path file, String why) {
        return new ConnectException("offsets file " + file + " is corrupt (" + why + "). Refusing to start: "
                + "without offsets the engine would take a new snapshot. Restore the file, or delete it "
                + "to start over with a snapshot.");
    }

    private static String checksum(List<String> entries) {
        CRC32 crc = new CRC32();
        entries.forEach(e -> crc.update((e + "\n").getBytes(StandardCharsets.US_ASCII)));
        return Long.toHexString(crc.getValue());
    }

    private static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }
}
