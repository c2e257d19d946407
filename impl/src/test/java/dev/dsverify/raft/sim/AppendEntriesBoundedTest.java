package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.Entry;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AppendEntriesBoundedTest {
    private static AppendEntriesRequest carrying(Entry... entries) {
        return AppendEntriesRequest.builder().from("n1").to("n2").term(1).clock(1).prevLog(4, 1).entries(entries)
                .build();
    }

    private static Entry bytes(int n) {
        return new Entry(1, new byte[n]);
    }

    @Test
    void aBatchOverEitherBoundFailsAndASingleLargeEntryDoesNot() {
        Invariants inv = new Invariants();
        assertThatThrownBy(() -> inv.sent(carrying(bytes(1), bytes(1), bytes(1)), 2, 100))
                .isInstanceOf(InvariantViolation.class).hasMessageContaining("AppendEntriesBounded")
                .hasMessageContaining("3 entries of 3 bytes after index 4");
        assertThatThrownBy(() -> inv.sent(carrying(bytes(30), bytes(30)), 64, 40))
                .hasMessageContaining("2 entries of 60 bytes");
        // an entry larger than the bound still goes, alone, or replication would stall on it
        assertThatCode(() -> inv.sent(carrying(bytes(100)), 64, 40)).doesNotThrowAnyException();
        assertThatCode(() -> inv.sent(carrying(bytes(20), bytes(20)), 2, 40)).doesNotThrowAnyException();
        assertThatCode(() -> inv.sent(carrying(), 1, 1)).doesNotThrowAnyException();
    }

    @Test
    void aClusterWithTightBatchesKeepsWithinThem() {
        for (long seed = 1; seed <= 3; seed++) {
            SimResult r = Simulator.run(SimConfig.builder().seed(seed).maxAppendEntries(3).maxAppendBytes(40)
                    .dropRate(0.2).build(), 60, EnumSet.allOf(FaultType.class));
            assertThat(r.passed()).as(r.summary()).isTrue();
        }
    }
}
