package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.core.Bugs;
import org.junit.jupiter.api.Test;

class SimConfigBuilderTest {

    @Test
    void theBuildersDefaultsAreThoseOfOf() {
        assertThat(SimConfig.builder().seed(9).nodes(5).build()).isEqualTo(SimConfig.of(9, 5));
        assertThat(SimConfig.builder().build()).isEqualTo(
                new SimConfig(0, 3, 3, 5, Bugs.NONE, false, 0.05, 0.03, 0.05, false, false, 0, false));
    }

    @Test
    void toBuilderKeepsEveryFieldAndChangesOnlyWhatIsNamed() {
        SimConfig a = new SimConfig(7, 5, 4, 2, Bugs.parse("double-vote"), false, 0.1, 0.2, 0.3, true, true, 9, true);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        SimConfig b = a.toBuilder().keys(8).build();
        assertThat(b.keys()).isEqualTo(8);
        assertThat(b.toBuilder().keys(2).build()).isEqualTo(a);
        SimConfig c = a.toBuilder().forgeRate(0.25).maxAppendBytes(40).build();
        assertThat(c.forgeRate()).isEqualTo(0.25);
        assertThat(c.maxAppendBytes()).isEqualTo(40);
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void theBuilderChecksCombinationsLikeTheConstructor() {
        // every option traces now: CheckQuorum, compaction and pre-vote are all spec actions
        assertThat(SimConfig.builder().trace(true).checkQuorum(true).snapshotEvery(3).preVote(true).build().trace())
                .isTrue();
        assertThatThrownBy(() -> SimConfig.builder().maxAppendEntries(0).build()).hasMessageContaining("maxAppendEntries");
        assertThatThrownBy(() -> SimConfig.builder().maxAppendBytes(0).build()).hasMessageContaining("maxAppendBytes");
        assertThatThrownBy(() -> SimConfig.builder().nodes(0).build()).hasMessageContaining("nodes");
    }
}
