package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Snapshots, log compaction and InstallSnapshot (an option outside the spec) under every fault kind. */
class SnapshotTest {

    @Test
    void runsWithFrequentSnapshotsPassEveryCheck() {
        for (long seed = 1; seed <= 60; seed++) {
            SimResult r = Simulator.run(SimConfig.of(seed, 3).withSnapshotEvery(seed % 2 == 0 ? 7 : 25).withTornWrites(true), 300,
                    EnumSet.allOf(FaultType.class));
            assertThat(r.passed()).as(r.summary()).isTrue();
        }
    }

    @Test
    void snapshotsCannotBeTraced() {
        assertThatThrownBy(() -> SimConfig.of(1, 3).withSnapshotEvery(10).withTrace(true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshots");
    }
}
