package dev.dsverify.raft.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import dev.dsverify.raft.core.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per recovery rule: only a proven torn tail is dropped; all other damage, and state files that
 * contradict each other, stop the server at start with the file, the offset and what was expected.
 */
class WalRecoveryRulesTest {

    private static final List<Entry> KEYS = new ArrayList<>();

    static {
        for (int i = 1; i <= 40; i++) {
            KEYS.add(Entry.of(1, "put 2:c1 " + i + " 2:k" + i + " 2:v" + i));
        }
    }

    /** Forty acknowledged writes, one synced Ready each, then a clean close. */
    private static void fortyWrites(Path dir) {
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.write(new HardState(1, "n1"), 1, KEYS.subList(0, 1));
            s.sync();
            for (int i = 2; i <= KEYS.size(); i++) {
                s.write(null, i, KEYS.subList(i - 1, i));
                s.sync();
            }
        }
    }

    private static void flip(Path file, int at, int mask) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[at] ^= (byte) mask;
        Files.write(file, b);
    }

    private static Recovered recover(Path dir) {
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            return s.recover();
        }
    }

    @Test
    void aFlippedBitInTheFirstLengthFieldIsRefusedNotBootedEmpty(@TempDir Path dir) throws IOException {
        fortyWrites(dir);
        Path wal = dir.resolve("wal");
        long size = Files.size(wal);
        flip(wal, 0, 0x80);
        assertThatThrownBy(() -> recover(dir)).isInstanceOf(CorruptWalException.class)
                .hasMessageStartingWith(wal + ": corrupt record at offset 0: length ")
                .hasMessageContaining("exceeds the " + (size - 8) + " bytes left");
        assertThat(Files.size(wal)).as("nothing truncated on disk").isEqualTo(size);
    }

    @Test
    void aLengthFieldMadeSmallerIsRefusedNamingTheValidRecordsThatFollow(@TempDir Path root) throws IOException {
        // Without the meta file's mark (a directory written before marks existed): the records that follow decide.
        Path dir = root.resolve("d");
        fortyWrites(dir);
        Files.writeString(dir.resolve("meta"), "format=1\nnode=n1\n");
        Files.delete(dir.resolve("mark"));
        Path wal = dir.resolve("wal");
        flip(wal, 3, 0x04); // the first record's length, low byte
        assertThatThrownBy(() -> recover(dir)).isInstanceOf(CorruptWalException.class)
                .hasMessageContaining("offset 0: checksum mismatch, 40 valid records follow from offset ");
    }

    @Test
    void aZeroedRegionInTheMiddleIsCorruption(@TempDir Path dir) throws IOException {
        fortyWrites(dir);
        Files.writeString(dir.resolve("meta"), "format=1\nnode=n1\n");
        Files.delete(dir.resolve("mark"));
        Path wal = dir.resolve("wal");
        byte[] b = Files.readAllBytes(wal);
        Arrays.fill(b, 200, 700, (byte) 0);
        Files.write(wal, b);
        assertThatThrownBy(() -> recover(dir)).isInstanceOf(CorruptWalException.class)
                .hasMessageContaining("valid records follow");
        assertThat(Files.readAllBytes(wal)).isEqualTo(b);
    }

    @Test
    void aDamagedLastRecordOfACleanlyClosedWalIsRefused(@TempDir Path dir) throws IOException {
        fortyWrites(dir);
        Path wal = dir.resolve("wal");
        long size = Files.size(wal);
        flip(wal, (int) size - 1, 0x01);
        assertThatThrownBy(() -> recover(dir)).isInstanceOf(CorruptWalException.class)
                .hasMessageContaining("checksum mismatch, inside the first " + size + " bytes, which the durable mark"
                        + " covers");
        assertThat(Files.size(wal)).isEqualTo(size);
    }

    @Test
    void aWalShorterThanTheDurableMarkIsRefused(@TempDir Path dir) throws IOException {
        fortyWrites(dir);
        Path wal = dir.resolve("wal");
        byte[] b = Files.readAllBytes(wal);
        Files.write(wal, Arrays.copyOf(b, 52));
        assertThatThrownBy(() -> recover(dir)).isInstanceOf(StorageException.class)
                .hasMessageContaining(wal + ": 52 bytes, but " + dir.resolve("mark") + " records its first "
                        + b.length + " bytes (the log up to entry 40, term 1) as durable");
    }

    /** A crash copy: forty synced writes, then one more written and not synced. Returns its offset. */
    private static long crashedWithUnsyncedTail(Path dir, Path copy, Entry last) {
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.write(new HardState(1, "n1"), 1, KEYS);
            s.sync();
        }
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            long before = size(dir.resolve("wal"));
            s.write(null, 41, List.of(last));
            FileStorageTest.copyDir(dir, copy);
            return before;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void afterACrashEverythingAfterTheMarkIsCutUnreadWhateverItHolds(@TempDir Path root) throws IOException {
        for (int flipAt : new int[] {-1, 2, 30}) {
            Path copy = root.resolve("crash" + flipAt);
            long at = crashedWithUnsyncedTail(root.resolve("d" + flipAt), copy,
                    Entry.of(1, "put 2:c1 41 3:k41 3:v41"));
            Path wal = copy.resolve("wal");
            if (flipAt >= 0) {
                flip(wal, (int) at + flipAt, 0x20); // damaged, or pages written back out of order: never acknowledged
            }
            Recovered r = recover(copy);
            assertThat(r.tornTail()).isTrue();
            assertThat(r.entries()).as("the unsynced entry 41 is gone, intact or not").isEqualTo(KEYS);
            assertThat(Files.size(wal)).isEqualTo(at);
        }
    }

    /** Without a mark file (a directory written before they existed) the meta file's mark rules, as before. */
    @Test
    void afterACrashAWholeButDamagedLastRecordIsRefused(@TempDir Path root) throws IOException {
        Path copy = root.resolve("crash");
        long at = crashedWithUnsyncedTail(root.resolve("d"), copy, Entry.of(1, "put 2:c1 41 3:k41 3:v41"));
        Files.delete(copy.resolve("mark"));
        Path wal = copy.resolve("wal");
        flip(wal, (int) at + 30, 0x20);
        assertThatThrownBy(() -> recover(copy)).isInstanceOf(CorruptWalException.class)
                .hasMessageContaining("offset " + at + ": checksum mismatch: not an interrupted append, the whole"
                        + " record");
    }

    @Test
    void afterACrashALengthFieldThatDisagreesWithItsRecordIsRefused(@TempDir Path root) throws IOException {
        Path copy = root.resolve("crash");
        long at = crashedWithUnsyncedTail(root.resolve("d"), copy, Entry.of(1, "put 2:c1 41 3:k41 3:v41"));
        Files.delete(copy.resolve("mark"));
        flip(copy.resolve("wal"), (int) at + 2, 0x01); // the length now runs past the end of the file
        assertThatThrownBy(() -> recover(copy)).isInstanceOf(CorruptWalException.class)
                .hasMessageContaining("offset " + at + ": length ").hasMessageContaining("its length field says");
    }

    @Test
    void afterACrashATornLastRecordIsDroppedAndTruncatedOnDisk(@TempDir Path root) throws IOException {
        Path copy = root.resolve("crash");
        long at = crashedWithUnsyncedTail(root.resolve("d"), copy, Entry.of(1, "put 2:c1 41 3:k41 3:v41"));
        Path wal = copy.resolve("wal");
        byte[] b = Files.readAllBytes(wal);
        Files.write(wal, Arrays.copyOf(b, (int) at + 20));
        Recovered r = recover(copy);
        assertThat(r.tornTail()).isTrue();
        assertThat(r.entries()).isEqualTo(KEYS);
        assertThat(Files.size(wal)).isEqualTo(at);
    }

    @Test
    void aTornCommandThatContainsTheBytesOfARecordIsStillATear(@TempDir Path root) throws IOException {
        // A client may write any value, including one that spells a valid WAL record.
        byte[] record = WalCodec.encode(null, 41, List.of(Entry.of(1, "put 2:c9 1 1:z 1:z")), 40);
        byte[] value = new byte[record.length + 16];
        System.arraycopy(record, 0, value, 8, record.length);
        Path copy = root.resolve("crash");
        long at = crashedWithUnsyncedTail(root.resolve("d"), copy, new Entry(1, value));
        Path wal = copy.resolve("wal");
        byte[] b = Files.readAllBytes(wal);
        Files.write(wal, Arrays.copyOf(b, b.length - 4)); // cut after the embedded record
        Recovered r = recover(copy);
        assertThat(r.tornTail()).isTrue();
        assertThat(r.entries()).isEqualTo(KEYS);
        assertThat(Files.size(wal)).isEqualTo(at);
    }

    @Test
    void afterACrashZeroFilledPagesAfterATornRecordAreATear(@TempDir Path root) throws IOException {
        Path copy = root.resolve("crash");
        // A record that crosses a page boundary: its second page never reached the disk.
        long at = crashedWithUnsyncedTail(root.resolve("d"), copy, Entry.of(1, "x".repeat(6000)));
        Path wal = copy.resolve("wal");
        byte[] b = Files.readAllBytes(wal);
        int page = (int) ((at / TornTail.PAGE + 1) * TornTail.PAGE);
        Arrays.fill(b, page, b.length, (byte) 0);
        Files.write(wal, b);
        Recovered r = recover(copy);
        assertThat(r.tornTail()).isTrue();
        assertThat(r.entries()).isEqualTo(KEYS);
    }

    @Test
    void aMissingWalBesideMetaIsRefused(@TempDir Path dir) throws IOException {
        fortyWrites(dir);
        Files.delete(dir.resolve("wal"));
        assertThatThrownBy(() -> FileStorage.open(dir, "n1")).isInstanceOf(StorageException.class)
                .hasMessageContaining(dir.resolve("wal") + ": missing, but " + dir.resolve("meta"));
        assertThat(dir.resolve("wal")).doesNotExist();
    }

    @Test
    void anEmptyWalBesideMetaIsRefused(@TempDir Path dir) throws IOException {
        fortyWrites(dir);
        Files.write(dir.resolve("wal"), new byte[0]);
        assertThatThrownBy(() -> recover(dir)).isInstanceOf(StorageException.class)
                .hasMessageContaining(dir.resolve("wal") + ": 0 bytes, but " + dir.resolve("mark"));
    }

    @Test
    void theMarkIsSetByTheFirstSyncSoAnEmptiedWalIsRefusedEvenAfterACrash(@TempDir Path root) throws IOException {
        Path dir = root.resolve("d");
        Path copy = root.resolve("crash");
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.write(new HardState(1, "n1"), 1, KEYS.subList(0, 1));
            s.sync();
            FileStorageTest.copyDir(dir, copy);
        }
        Files.write(copy.resolve("wal"), new byte[0]);
        assertThatThrownBy(() -> recover(copy)).isInstanceOf(StorageException.class)
                .hasMessageContaining("acknowledged data is missing");
    }

    @Test
    void aWalWithoutMetaIsRefused(@TempDir Path dir) throws IOException {
        fortyWrites(dir);
        Files.delete(dir.resolve("meta"));
        assertThatThrownBy(() -> FileStorage.open(dir, "n1")).isInstanceOf(StorageException.class)
                .hasMessageContaining(dir.resolve("meta") + ": missing, but " + dir.resolve("wal") + " holds state");
    }

    @Test
    void aMarkThatDisagreesWithTheWalIsRefused(@TempDir Path root) throws IOException {
        Path a = root.resolve("a");
        fortyWrites(a);
        Path b = root.resolve("b");
        try (FileStorage s = FileStorage.open(b, "n1")) {
            s.recover();
            s.write(new HardState(2, "n2"), 1, KEYS); // the same length, another history
            s.sync();
        }
        Files.copy(b.resolve("mark"), a.resolve("mark"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> recover(a)).isInstanceOf(StorageException.class)
                .hasMessageContaining(a.resolve("wal") + " and " + a.resolve("mark") + " disagree");
    }

    private static void compacted(Path dir) {
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.write(new HardState(1, "n1"), 1, KEYS.subList(0, 10));
            s.sync();
            s.saveSnapshot(new Snapshot(8, 1, new byte[] {1}), null, KEYS.subList(8, 10));
        }
    }

    @Test
    void aCompactedWalWithoutItsSnapshotIsRefused(@TempDir Path dir) throws IOException {
        compacted(dir);
        Files.delete(dir.resolve("snapshot"));
        assertThatThrownBy(() -> recover(dir)).isInstanceOf(StorageException.class)
                .hasMessageContaining(dir.resolve("wal") + ": a compacted log starting after entry 8, but "
                        + dir.resolve("snapshot") + " is missing");
    }

    @Test
    void aSnapshotOlderThanTheWalBaseIsRefusedNamingBothFiles(@TempDir Path root) throws IOException {
        Path old = root.resolve("old");
        try (FileStorage s = FileStorage.open(old, "n1")) {
            s.recover();
            s.write(new HardState(1, "n1"), 1, KEYS.subList(0, 10));
            s.sync();
            s.saveSnapshot(new Snapshot(4, 1, new byte[] {1}), null, KEYS.subList(4, 10));
        }
        Path dir = root.resolve("d");
        compacted(dir);
        Files.copy(old.resolve("snapshot"), dir.resolve("snapshot"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> recover(dir)).isInstanceOf(StorageException.class)
                .hasMessageContaining(dir.resolve("wal") + ": a compacted log starting after entry 8, but "
                        + dir.resolve("snapshot") + " only covers up to entry 4");
    }

    @Test
    void afterAFailedWriteNothingMoreIsWrittenOrMarked(@TempDir Path dir) throws IOException {
        FileStorage s = FileStorage.open(dir, "n1");
        s.recover();
        s.write(new HardState(1, "n1"), 1, KEYS.subList(0, 1));
        s.sync();
        s.close(); // the channel is gone: the next append fails like a failing disk
        String meta = Files.readString(dir.resolve("meta"));
        byte[] mark = Files.readAllBytes(dir.resolve("mark"));
        assertThatThrownBy(() -> s.write(null, 2, KEYS.subList(1, 2))).isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot append to " + dir.resolve("wal"));
        assertThatThrownBy(s::sync).isInstanceOf(StorageException.class)
                .hasMessageContaining("an earlier write failed").hasMessageContaining("refusing to write more");
        s.close();
        assertThat(dir.resolve("meta")).hasContent(meta.strip());
        assertThat(Files.readAllBytes(dir.resolve("mark"))).isEqualTo(mark);
    }

    private static DurableMark markFile(Path dir) throws IOException {
        try (MarkFile mf = MarkFile.open(dir.resolve("mark"))) {
            return mf.mark();
        }
    }

    @Test
    void theMarkFollowsSyncsCloseAndSnapshots(@TempDir Path dir) throws IOException {
        Path wal = dir.resolve("wal");
        Path meta = dir.resolve("meta");
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            assertThat(meta).hasContent("format=1\nnode=n1");
            s.write(new HardState(1, "n1"), 1, KEYS.subList(0, 1));
            s.sync();
            long firstMark = Files.size(wal);
            assertThat(markFile(dir)).isEqualTo(new DurableMark(firstMark, 1, 1));
            s.write(null, 2, KEYS.subList(1, 5));
            assertThat(markFile(dir)).as("written, not yet synced: not marked")
                    .isEqualTo(new DurableMark(firstMark, 1, 1));
            s.sync();
            // every fsync moves the mark before sync returns, so nothing acknowledged lies beyond it
            assertThat(markFile(dir)).isEqualTo(new DurableMark(Files.size(wal), 5, 1));
            assertThat(meta).as("the meta file's mark moves only on open, close and snapshots")
                    .hasContent("format=1\nnode=n1");
        }
        assertThat(meta).hasContent("format=1\nnode=n1\nwal-bytes=" + Files.size(wal) + "\nwal-last-index=5\nwal-term=1");
        assertThat(markFile(dir)).isEqualTo(new DurableMark(Files.size(wal), 5, 1));
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.saveSnapshot(new Snapshot(3, 1, new byte[] {9}), new HardState(2, null), KEYS.subList(3, 5));
            assertThat(meta).hasContent("format=1\nnode=n1\nwal-bytes=" + Files.size(wal)
                    + "\nwal-last-index=5\nwal-term=2");
            assertThat(markFile(dir)).isEqualTo(new DurableMark(Files.size(wal), 5, 2));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("meta", "wal", "snapshot", "mark");
        }
    }

    /** A write of the mark torn by a crash leaves the other slot: the mark of the fsync before, still intact. */
    @Test
    void aTornMarkWriteLeavesThePreviousMark(@TempDir Path dir) throws IOException {
        Path wal = dir.resolve("wal");
        long first;
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            s.write(new HardState(1, "n1"), 1, KEYS.subList(0, 1));
            s.sync();
            first = Files.size(wal);
            s.write(null, 2, KEYS.subList(1, 3));
            s.sync();
            assertThat(markFile(dir)).isEqualTo(new DurableMark(Files.size(wal), 3, 1));
            // tear the slot the last sync wrote: whichever slot holds the newer sequence number
            byte[] bytes = Files.readAllBytes(dir.resolve("mark"));
            long seqA = java.nio.ByteBuffer.wrap(bytes, 4, 8).getLong();
            long seqB = java.nio.ByteBuffer.wrap(bytes, MarkFile.STRIDE + 4, 8).getLong();
            int newest = seqA > seqB ? 0 : MarkFile.STRIDE;
            bytes[newest + 20] ^= 0x40;
            Files.write(dir.resolve("mark"), bytes);
            assertThat(markFile(dir)).isEqualTo(new DurableMark(first, 1, 1));
        }
        byte[] both = Files.readAllBytes(dir.resolve("mark"));
        both[3] ^= 1;
        both[MarkFile.STRIDE + 3] ^= 1;
        Files.write(dir.resolve("mark"), both);
        assertThatThrownBy(() -> FileStorage.open(dir, "n1")).isInstanceOf(StorageException.class)
                .hasMessageContaining(dir.resolve("mark") + ": ").hasMessageContaining("neither slot");
    }
}
