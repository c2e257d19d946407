package dev.dsverify.raft.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.HardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryStorageTest {

    @Test
    void aCrashKeepsEverySyncedRecordAndAtMostAPrefixOfTheUnsyncedOnes() {
        for (long seed = 0; seed < 200; seed++) {
            Random rnd = new Random(seed);
            MemoryStorage s = new MemoryStorage("mem");
            s.recover();
            List<Entry> synced = new ArrayList<>();
            List<Entry> all = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                Entry e = Entry.of(1, "v" + i);
                s.write(new HardState(i, null), i, List.of(e));
                all.add(e);
                if (rnd.nextBoolean()) {
                    s.sync();
                    synced = new ArrayList<>(all);
                }
            }
            s.crash(rnd);
            Recovered r = s.recover();
            assertThat(r.entries()).as("seed %d", seed).startsWith(synced.toArray(Entry[]::new));
            assertThat(all).startsWith(r.entries().toArray(Entry[]::new));
            // Each change writes its hard state first, so a crash may keep a term without its entry.
            assertThat(r.hardState().term()).isBetween((long) r.entries().size(), r.entries().size() + 1L);
        }
    }

    @Test
    void withoutSyncEverythingMayBeLostButNothingIsInvented() {
        MemoryStorage s = new MemoryStorage("mem");
        s.recover();
        s.write(new HardState(1, "n2"), 1, List.of(Entry.of(1, "a")));
        s.crash(new Random(7) {
            @Override
            public int nextInt(int bound) {
                return 0;
            }
        });
        Recovered r = s.recover();
        assertThat(r.entries()).isEmpty();
        assertThat(r.hardState()).isEqualTo(HardState.INITIAL);
    }
}
