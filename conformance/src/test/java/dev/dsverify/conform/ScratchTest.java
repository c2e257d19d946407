package dev.dsverify.conform;

import dev.dsverify.raft.core.Bugs;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

class ScratchTest {
    void show(ConformResult r, String what) {
        System.out.println(what + " conforms=" + r.conforms() + " paths " + r.paths() + " steps " + r.steps() + " specStates " + r.specStates() + " " + r.coverage() + " " + r.elapsed());
        if (r.failure() != null) {
            System.out.println(r.failure().kind() + " " + r.failure().walk() + "/" + r.failure().step() + " " + r.failure().action() + " " + r.failure().input());
            r.failure().reasons().forEach(x -> System.out.println("  - " + x));
        }
    }
    @Test
    void explore() throws Exception {
        show(Conformance.run(new ConformOptions(Path.of("src/test/resources/weak/RaftWeakVote.tla"), "raft.quick", false, 300, 40, 1, Bugs.NONE)), "weak walks");
        for (String bug : new String[] {"skip-prevlog-check", "forget-vote"}) {
            show(Conformance.run(new ConformOptions(Path.of("../specs/raft/Raft.tla"), "raft.full", false, 300, 60, 1, Bugs.parse(bug))), bug + " full");
        }
        show(Conformance.run(new ConformOptions(Path.of("../specs/raft/Raft.tla"), "raft.quick", true, 1, 1, 1, Bugs.NONE)), "exhaustive");
    }
}
