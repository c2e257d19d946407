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
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3)
                    .snapshotEvery(seed % 2 == 0 ? 7 : 25).tornWrites(true).build(), 300,
                    EnumSet.allOf(FaultType.class));
            assertThat(r.passed()).as(r.summary()).isTrue();
        }
    }

    @Test
    void snapshotsCannotBeTraced() {
        assertThatThrownBy(() -> SimConfig.builder().seed(1).nodes(3).snapshotEvery(10).trace(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshots");
    }
}
