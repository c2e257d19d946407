package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SimulatorSmokeTest {
    @Test
    void aFewSeedsWithAllFaultsPass() {
        for (long seed = 1; seed <= 20; seed++) {
            SimResult r = Simulator.run(SimConfig.of(seed, 3), 300, EnumSet.allOf(FaultType.class));
            System.out.println(r.summary());
            assertThat(r.passed()).as(r.summary()).isTrue();
        }
    }
}
