package dev.dsverify.raft.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {

    private static Entry e(long term, String v) {
        return Entry.of(term, v);
    }

    /** Writes three synced changes and returns the WAL length before the last one. */
    private static long writeHistory(Path dir) {
        return writeHistory(dir, null);
    }

    /**
     * Writes three changes and returns the WAL length before the last one; with {@code crashCopy}, the directory
     * is also copied there after the last write and before its fsync, as a crash (power loss) would leave it.
     */
    private static long writeHistory(Path dir, Path crashCopy) {
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.write(new HardState(1, "n1"), 1, List.of(e(1, "a"), e(1, "b")));
            s.sync();
            s.write(new HardState(2, null), 2, List.of(e(2, "c")));
            s.sync();
            long before = size(dir.resolve("wal"));
            s.write(null, 3, List.of(e(2, "d")));
            if (crashCopy != null) {
                copyDir(dir, crashCopy);
            }
            s.sync();
            return before;
        }
    }

    static void copyDir(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (Exception ex) {
            throw new RuntimeException(ex);
        }
    }

    @Test
    void recoversHardStateAndLogIncludingTruncation(@TempDir Path dir) {
        writeHistory(dir);
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            Recovered r = s.recover();
            assertThat(r.hardState()).isEqualTo(new HardState(2, null));
            assertThat(r.entries()).containsExactly(e(1, "a"), e(2, "c"), e(2, "d"));
            assertThat(r.tornTail()).isFalse();
        }
    }

    @Test
    void afterACrashTruncatingTheLastRecordAtEveryByteKeepsEverySyncedRecordBeforeIt(@TempDir Path root)
            throws Exception {
        Path orig = root.resolve("orig");
        long before = writeHistory(root.resolve("closed"), orig);
        byte[] full = Files.readAllBytes(orig.resolve("wal"));
        for (long cut = before; cut < full.length; cut++) {
            Path d = root.resolve("cut" + cut);
            Files.createDirectories(d);
            Files.copy(orig.resolve("meta"), d.resolve("meta"));
            Files.write(d.resolve("wal"), java.util.Arrays.copyOf(full, (int) cut));
            try (FileStorage s = FileStorage.open(d, "n1")) {
                Recovered r = s.recover();
                assertThat(r.entries()).as("cut at %d", cut).containsExactly(e(1, "a"), e(2, "c"));
                assertThat(r.hardState()).isEqualTo(new HardState(2, null));
                assertThat(r.tornTail()).isEqualTo(cut > before);
                assertThat(size(d.resolve("wal"))).isEqualTo(before);
                // The storage is usable again after dropping the torn record.
                s.write(null, 3, List.of(e(3, "z")));
                s.sync();
            }
            try (FileStorage s = FileStorage.open(d, "n1")) {
                assertThat(s.recover().entries()).containsExactly(e(1, "a"), e(2, "c"), e(3, "z"));
            }
        }
    }

    @Test
    void aCorruptedMiddleRecordIsRefusedNamingFileAndOffset(@TempDir Path dir) throws Exception {
        writeHistory(dir);
        Path wal = dir.resolve("wal");
        try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
            f.seek(20); // inside the body of the first record
            int b = f.read();
            f.seek(20);
            f.write(b ^ 0xFF);
        }
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            assertThatThrownBy(s::recover).isInstanceOf(CorruptWalException.class)
                    .hasMessageContaining(wal.toString()).hasMessageContaining("offset 0");
        }
    }

    @Test
    void metadataOfAnotherNodeIsRefused(@TempDir Path dir) {
        FileStorage.open(dir, "n1").close();
        assertThat(dir.resolve("meta")).hasContent("format=1\nnode=n1");
        assertThatThrownBy(() -> FileStorage.open(dir, "n2")).isInstanceOf(StorageException.class)
                .hasMessageContaining("meta").hasMessageContaining("node=n2");
    }

    @Test
    void aSnapshotReplacesThePrefixAndSurvivesACrashBetweenItsTwoRenames(@TempDir Path root) throws Exception {
        Path dir = root.resolve("a");
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.write(new HardState(2, "n1"), 1, List.of(e(1, "a"), e(1, "b"), e(2, "c"), e(2, "d")));
            s.sync();
        }
        // Keep the old WAL, meta and mark aside: they stand for a crash after the snapshot's rename, before the WAL's.
        byte[] oldWal = Files.readAllBytes(dir.resolve("wal"));
        byte[] oldMeta = Files.readAllBytes(dir.resolve("meta"));
        byte[] oldMark = Files.readAllBytes(dir.resolve("mark"));
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.saveSnapshot(new dev.dsverify.raft.core.Snapshot(2, 1, new byte[] {7, 7}), null, List.of(e(2, "c"), e(2, "d")));
            s.write(null, 5, List.of(e(2, "e")));
            s.sync();
        }
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            Recovered r = s.recover();
            assertThat(r.snapshot().index()).isEqualTo(2);
            assertThat(r.snapshot().data()).containsExactly(7, 7);
            assertThat(r.hardState()).isEqualTo(new HardState(2, "n1"));
            assertThat(r.entries()).containsExactly(e(2, "c"), e(2, "d"), e(2, "e"));
        }
        Files.write(dir.resolve("wal"), oldWal);
        Files.write(dir.resolve("meta"), oldMeta);
        Files.write(dir.resolve("mark"), oldMark);
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            Recovered r = s.recover();
            assertThat(r.snapshot().index()).isEqualTo(2);
            assertThat(r.entries()).containsExactly(e(2, "c"), e(2, "d"));
            // Recovery finished the compaction: the log goes on from the snapshot.
            s.write(null, 5, List.of(e(3, "f")));
            s.sync();
        }
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            assertThat(s.recover().entries()).containsExactly(e(2, "c"), e(2, "d"), e(3, "f"));
        }
    }

    @Test
    void aDamagedSnapshotIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.write(new HardState(1, null), 1, List.of(e(1, "a")));
            s.saveSnapshot(new dev.dsverify.raft.core.Snapshot(1, 1, new byte[] {1, 2, 3}), null, List.of());
        }
        byte[] snap = Files.readAllBytes(dir.resolve("snapshot"));
        snap[21] ^= 0x40;
        Files.write(dir.resolve("snapshot"), snap);
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            assertThatThrownBy(s::recover).isInstanceOf(StorageException.class)
                    .hasMessageContaining(dir.resolve("snapshot").toString()).hasMessageContaining("checksum");
        }
    }
}
