package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.trace.EventType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots, log compaction and InstallSnapshot under every fault kind; traced runs follow the contract. */
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

    /**
     * Snapshots are spec actions: a traced run that compacts every few entries, under every fault a trace can
     * describe, logs CompactLog, InstallSnapshot and its handling, and the contract explains every line.
     */
    @Test
    void tracedRunsWithSnapshotsFollowTheContract() {
        Map<EventType, Integer> seen = new EnumMap<>(EventType.class);
        for (long seed = 1; seed <= 40; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).nodes(3).snapshotEvery(3 + (int) (seed % 3))
                    .trace(true).build(), 60, EnumSet.allOf(FaultType.class));
            assertThat(r.passed()).as(r.summary()).isTrue();
            assertThat(ContractReplay.check(SimConfig.nodeIds(3), r.trace())).as("seed %d", seed).isNull();
            r.trace().forEach(e -> seen.merge(e.event(), 1, Integer::sum));
        }
        assertThat(seen).containsKeys(EventType.CompactLog, EventType.InstallSnapshot,
                EventType.HandleInstallSnapshotRequest, EventType.HandleInstallSnapshotResponse, EventType.Restart);
    }
}
