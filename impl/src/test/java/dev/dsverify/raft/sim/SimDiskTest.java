package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.storage.DiskFile;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated disk keeps what a real one keeps, and nothing more is promised. */
class SimDiskTest {

    private static void write(DiskFile f, long at, byte[] b) throws Exception {
        f.write(ByteBuffer.wrap(b), at);
    }

    private static byte[] bytes(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void forcedDataAndSyncedNamesSurviveEveryCrash() throws Exception {
        for (long seed = 0; seed < 200; seed++) {
            SimDisk d = new SimDisk("n1");
            try (DiskFile f = d.open("wal", true)) {
                write(f, 0, bytes(3000, 1));
                f.force(false);
            }
            d.sync();
            d.crash(new Random(seed));
            assertThat(d.readAll("wal")).isEqualTo(bytes(3000, 1));
        }
    }

    @Test
    void unsyncedWritesAreLostKeptTornOrMixedDependingOnTheSeed() throws Exception {
        Set<String> outcomes = new HashSet<>();
        for (long seed = 0; seed < 400; seed++) {
            SimDisk d = new SimDisk("n1");
            DiskFile f = d.open("wal", true);
            write(f, 0, bytes(1000, 1));
            f.force(false);
            d.sync();
            write(f, 1000, bytes(2000, 2)); // crosses sectors 1..5
            d.crash(new Random(seed));
            byte[] after = d.readAll("wal");
            // the durable bytes are intact, whatever happened to the rest
            assertThat(java.util.Arrays.copyOf(after, 1000)).isEqualTo(bytes(1000, 1));
            int twos = 0;
            int zeros = 0;
            for (int i = 1000; i < after.length; i++) {
                if (after[i] == 2) {
                    twos++;
                } else {
                    assertThat(after[i]).as("seed %d offset %d", seed, i).isZero();
                    zeros++;
                }
            }
            if (after.length == 1000) {
                outcomes.add("lost");
            } else if (twos == 2000) {
                outcomes.add("kept");
            } else if (zeros == 0) {
                outcomes.add("prefix");
            } else {
                outcomes.add("holes");
            }
        }
        assertThat(outcomes).containsExactlyInAnyOrder("lost", "kept", "prefix", "holes");
    }

    @Test
    void anOverwriteInPlaceLostByTheCrashLeavesTheOldBytes() throws Exception {
        Set<Integer> seen = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            SimDisk d = new SimDisk("n1");
            DiskFile f = d.open("mark", true);
            write(f, 0, bytes(104, 7));
            f.force(false);
            d.sync();
            write(f, 64, bytes(40, 9));
            d.crash(new Random(seed));
            byte[] after = d.readAll("mark");
            assertThat(after).hasSize(104);
            assertThat(java.util.Arrays.copyOf(after, 64)).isEqualTo(bytes(64, 7));
            for (int i = 64; i < 104; i++) {
                assertThat(after[i]).isIn((byte) 7, (byte) 9);
            }
            seen.add((int) after[103]);
        }
        assertThat(seen).containsExactlyInAnyOrder(7, 9);
    }

    @Test
    void aRenameIsDurableOnlyOnceTheDirectoryIsSynced() throws Exception {
        Set<Boolean> renamed = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            SimDisk d = new SimDisk("n1");
            try (DiskFile f = d.create("meta")) {
                write(f, 0, bytes(10, 1));
                f.force(true);
            }
            d.sync();
            try (DiskFile f = d.create(".meta.1.tmp")) {
                write(f, 0, bytes(10, 2));
                f.force(true);
            }
            d.replace(".meta.1.tmp", "meta");
            d.crash(new Random(seed));
            byte[] meta = d.readAll("meta");
            renamed.add(meta[0] == 2);
            if (meta[0] == 2) {
                // the two halves of a rename survive together
                assertThat(d.exists(".meta.1.tmp")).isFalse();
            }
        }
        assertThat(renamed).containsExactlyInAnyOrder(true, false);
        SimDisk d = new SimDisk("n1");
        d.create("a").close();
        d.sync();
        d.replace("a", "b");
        d.sync();
        d.crash(new Random(1));
        assertThat(d.exists("b")).isTrue();
        assertThat(d.exists("a")).isFalse();
    }

    @Test
    void anArmedFsyncStrikesAndTheDiskIsDownUntilTheCrashIsSettled() throws Exception {
        SimDisk d = new SimDisk("n1");
        DiskFile f = d.open("wal", true);
        d.sync();
        d.armFsync(1);
        write(f, 0, bytes(10, 1));
        f.force(false); // the first passes
        write(f, 10, bytes(10, 2));
        assertThatThrownBy(() -> f.force(false)).isInstanceOf(Crashed.class);
        assertThatThrownBy(() -> d.exists("wal")).isInstanceOf(Crashed.class);
        d.crash(new Random(3));
        byte[] after = d.readAll("wal");
        assertThat(java.util.Arrays.copyOf(after, 10)).isEqualTo(bytes(10, 1));
        assertThatThrownBy(() -> f.size()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the crash");
    }
}
