package dev.dsverify.raft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.storage.FileStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose WAL is damaged does not start: one line on standard error naming the damage, exit code 1. */
class DamagedStorageStartTest {

    @Test
    void aCorruptWalStopsTheNodeWithOneLineAndExitCodeOne(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data-n1");
        try (FileStorage s = FileStorage.open(data, "n1")) {
            s.recover();
            s.write(new HardState(1, "n1"), 1, List.of(Entry.of(1, ""), Entry.of(1, "put 2:c1 1 1:k 1:v")));
            s.sync();
        }
        Path wal = data.resolve("wal");
        byte[] b = Files.readAllBytes(wal);
        b[0] ^= 0x40;
        Files.write(wal, b);
        NodeSpec spec = NodeSpec.of("n1", new InetSocketAddress("127.0.0.1", 0),
                Map.of("n2", new InetSocketAddress("127.0.0.1", 9), "n3", new InetSocketAddress("127.0.0.1", 9)),
                data, null);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = NodeProcess.run(spec);
        } finally {
            System.setErr(saved);
        }
        String out = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(out.lines()).containsExactly("node n1: " + wal + ": corrupt record at offset 0: length "
                + Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(b).getInt()) + " exceeds the " + (b.length - 8)
                + " bytes left, inside the first " + b.length + " bytes, which the durable mark covers");
        assertThat(Files.readAllBytes(wal)).isEqualTo(b);
    }
}
