package dev.dsverify.raft.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Damages a real WAL in every way a single bad byte or a lost tail can, and checks the storage's promise for
 * each damaged copy: recovery either returns every acknowledged (synced) record and the same hard state, or
 * refuses to start naming the file and the offset. It never serves an empty or shorter state without a word.
 *
 * <p>Two copies of the same history are attacked: one closed cleanly and one taken while the storage was still
 * open, as a crash would leave it. In both the mark file records every synced byte of the WAL as durable (it
 * follows every fsync), so no cut of the WAL may pass for an interrupted append. The WAL, the meta file and the
 * mark file are each damaged in turn. The quick tier flips every byte with three masks; -Pslow with all 255.
 */
class WalDamageSweepTest {

    private static final boolean SLOW = "slow".equals(System.getProperty("dsverify.tier", "quick"));

    /** What the storage acknowledged: the state after the last sync. */
    private record History(byte[] wal, byte[] meta, byte[] mark, HardState hardState, List<Entry> entries,
            long durableMark, List<State> boundaries) {}

    /** The state replay reaches at one record boundary of the WAL. */
    private record State(HardState hardState, List<Entry> entries) {}

    /** Counts of the outcomes; {@code silent} lists the damaged copies that recovered to a wrong state. */
    private static final class Tally {
        int refused;
        int intact;
        int tornBeyondMark;
        final List<String> silent = new ArrayList<>();

        @Override
        public String toString() {
            return refused + " refused, " + intact + " recovered intact, " + tornBeyondMark
                    + " read as a torn tail beyond the durable mark, " + silent.size() + " silent loss";
        }
    }

    private static final class Model {
        HardState hs = HardState.INITIAL;
        final List<Entry> log = new ArrayList<>();
        final List<State> boundaries = new ArrayList<>();

        /**
         * Writes and syncs one change, noting the state at each record boundary it adds (hard state, truncation,
         * then one entry per record: the order {@link WalCodec#encode} writes them in).
         */
        void write(FileStorage s, HardState h, long from, List<Entry> es) {
            s.write(h, from, es);
            s.sync();
            if (h != null) {
                hs = h;
                boundaries.add(new State(hs, List.copyOf(log)));
            }
            if (from > 0) {
                if (from <= log.size()) {
                    log.subList((int) from - 1, log.size()).clear();
                    boundaries.add(new State(hs, List.copyOf(log)));
                }
                for (Entry en : es) {
                    log.add(en);
                    boundaries.add(new State(hs, List.copyOf(log)));
                }
            }
        }
    }

    private static Entry e(long term, String v) {
        return Entry.of(term, v);
    }

    /** A few dozen synced records over two runs of the storage: votes, term changes, no-ops and truncations. */
    private static History build(Path dir, boolean crash) throws IOException {
        Model m = new Model();
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            s.recover();
            m.write(s, new HardState(1, "n1"), 1, List.of(e(1, ""), e(1, "put 2:c1 1 1:a 2:v1")));
            for (int i = 3; i <= 10; i++) {
                m.write(s, null, i, List.of(e(1, "put 2:c1 " + i + " 1:k 3:v" + i)));
            }
            m.write(s, new HardState(2, null), 0, List.of());
            m.write(s, new HardState(2, "n2"), 0, List.of());
            m.write(s, null, 7, List.of(e(2, ""), e(2, "put 2:c2 1 1:x 2:x1")));
            for (int i = 9; i <= 14; i++) {
                m.write(s, null, i, List.of(e(2, "cas 2:c2 " + i + " 1:x 2:x" + (i - 1) + " 2:x" + i)));
            }
            m.write(s, new HardState(3, "n1"), 15, List.of(e(3, "")));
        }
        FileStorage s = FileStorage.open(dir, "n1");
        try {
            s.recover();
            m.write(s, null, 16, List.of(e(3, "put 2:c3 1 1:y 2:y1"), e(3, "delete 2:c3 2 1:x")));
            m.write(s, new HardState(4, null), 0, List.of());
            m.write(s, new HardState(4, "n3"), 0, List.of());
            m.write(s, null, 17, List.of(e(4, "")));
            for (int i = 18; i <= 24; i++) {
                m.write(s, null, i, List.of(e(4, "put 2:c4 " + i + " 1:z 3:z" + i)));
            }
            if (!crash) {
                s.close();
            }
            byte[] wal = Files.readAllBytes(dir.resolve("wal"));
            byte[] meta = Files.readAllBytes(dir.resolve("meta"));
            byte[] mark = Files.readAllBytes(dir.resolve("mark"));
            long durable;
            try (MarkFile mf = MarkFile.open(dir.resolve("mark"))) {
                durable = mf.mark().walBytes();
            }
            return new History(wal, meta, mark, m.hs, List.copyOf(m.log), durable, List.copyOf(m.boundaries));
        } finally {
            s.close();
        }
    }

    /** Recovers {@code wal} (with the history's meta file) in {@code dir} and files the outcome. */
    private static void attack(Path dir, History h, byte[] wal, String what, boolean cutBeyondMark, Tally t)
            throws IOException {
        attack(dir, h, wal, h.meta(), h.mark(), what, cutBeyondMark, t);
    }

    private static void attack(Path dir, History h, byte[] wal, byte[] meta, byte[] mark, String what,
            boolean cutBeyondMark, Tally t) throws IOException {
        Files.write(dir.resolve("wal"), wal);
        Files.write(dir.resolve("meta"), meta);
        Files.write(dir.resolve("mark"), mark);
        Recovered r;
        try (FileStorage s = FileStorage.open(dir, "n1")) {
            r = s.recover();
        } catch (StorageException ex) {
            assertThat(ex.getMessage()).as(what).contains(dir.toString());
            if (ex instanceof CorruptWalException c) {
                assertThat(ex.getMessage()).as(what).contains("offset " + c.offset());
            }
            t.refused++;
            return;
        }
        if (r.hardState().equals(h.hardState()) && r.entries().equals(h.entries())) {
            t.intact++;
        } else if (cutBeyondMark && h.boundaries().contains(new State(r.hardState(), r.entries()))) {
            // After a crash, a file cut beyond the mark is exactly what an interrupted append leaves: the
            // state at an earlier record boundary.
            t.tornBeyondMark++;
        } else if (t.silent.size() < 10) {
            t.silent.add(what + ": recovered " + r.hardState() + " and " + r.entries().size() + " entries");
        } else {
            t.silent.add(what);
        }
    }

    private static int[] masks() {
        if (SLOW) {
            int[] all = new int[255];
            for (int i = 0; i < 255; i++) {
                all[i] = i + 1;
            }
            return all;
        }
        return new int[] {0x01, 0x80, 0xFF};
    }

    private static void sweep(Path root, boolean crash) throws IOException {
        History h = build(root.resolve("orig"), crash);
        Path dir = Files.createDirectories(root.resolve("victim"));
        long t0 = System.nanoTime();
        Tally flips = new Tally();
        for (int at = 0; at < h.wal().length; at++) {
            for (int mask : masks()) {
                byte[] w = h.wal().clone();
                w[at] ^= (byte) mask;
                attack(dir, h, w, "byte " + at + " ^ 0x" + Integer.toHexString(mask), false, flips);
            }
        }
        Tally cuts = new Tally();
        for (int cut = 0; cut < h.wal().length; cut++) {
            attack(dir, h, Arrays.copyOf(h.wal(), cut), "cut at " + cut, cut >= h.durableMark(), cuts);
        }
        Tally metaFlips = new Tally();
        for (int at = 0; at < h.meta().length; at++) {
            for (int mask : masks()) {
                byte[] m = h.meta().clone();
                m[at] ^= (byte) mask;
                attack(dir, h, h.wal(), m, h.mark(), "meta byte " + at + " ^ 0x" + Integer.toHexString(mask), false,
                        metaFlips);
            }
        }
        Tally markFlips = new Tally();
        for (int at = 0; at < h.mark().length; at++) {
            for (int mask : masks()) {
                byte[] k = h.mark().clone();
                k[at] ^= (byte) mask;
                attack(dir, h, h.wal(), h.meta(), k, "mark byte " + at + " ^ 0x" + Integer.toHexString(mask), false,
                        markFlips);
            }
        }
        System.out.printf("WAL damage sweep (%s, %d bytes, %d durable per the mark file): flips: %s; truncations: %s;"
                + " flips of the meta file: %s; flips of the mark file: %s (%d ms)%n", crash ? "crashed" : "closed",
                h.wal().length, h.durableMark(), flips, cuts, metaFlips, markFlips, (System.nanoTime() - t0) / 1_000_000);
        assertThat(markFlips.silent).as("mark flips served as a wrong state").isEmpty();
        assertThat(metaFlips.silent).as("meta flips served as a wrong state").isEmpty();
        assertThat(flips.silent).as("flips served as a wrong state").isEmpty();
        assertThat(cuts.silent).as("truncations served as a wrong state").isEmpty();
        // every record was synced, and the mark follows every fsync: no cut may pass for an interrupted append
        assertThat(cuts.tornBeyondMark).as("synced records read as an interrupted append").isZero();
        assertThat(h.durableMark()).as("the mark covers every synced record").isEqualTo(h.wal().length);
    }

    /**
     * Thousands of recoveries, some of which truncate and fsync: in memory where the machine offers it (the
     * outcome does not depend on the disk), so the sweep takes seconds.
     */
    static final class InMemoryWhereAvailable implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension)
                throws IOException {
            Path shm = Path.of("/dev/shm");
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                return Files.createTempDirectory(shm, "wal-sweep");
            }
            return Files.createTempDirectory("wal-sweep");
        }
    }

    @Test
    void everyFlipAndTruncationOfACleanlyClosedWalIsRefusedOrRecoveredIntact(
            @TempDir(factory = InMemoryWhereAvailable.class) Path root) throws IOException {
        sweep(root, false);
    }

    @Test
    void everyFlipOfACrashedWalIsRefusedOrRecoveredIntact(@TempDir(factory = InMemoryWhereAvailable.class) Path root)
            throws IOException {
        sweep(root, true);
    }
}
