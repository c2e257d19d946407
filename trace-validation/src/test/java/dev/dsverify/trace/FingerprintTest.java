package dev.dsverify.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.trace.replay.SpecEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlc2.tool.StateVec;

/**
 * States that differ have different fingerprints in the in-process evaluator (the replayer drops successors with
 * equal fingerprints as duplicates): TLC's fingerprint tables are set up when a spec is loaded.
 */
class FingerprintTest {
    @TempDir
    Path dir;

    @Test
    void differentSuccessorsHaveDifferentFingerprints() throws Exception {
        Files.writeString(dir.resolve("Fp.tla"), """
                ---- MODULE Fp ----
                VARIABLE x
                Init == x = 0
                Next == x' \\in {1, 2}
                ====
                """);
        Files.writeString(dir.resolve("Fp.cfg"), "INIT Init\nNEXT Next\n");
        synchronized (SpecEvaluator.LOCK) {
            SpecEvaluator e = SpecEvaluator.load(dir, "Fp", "Fp");
            StateVec next = e.successors("Next", e.initStates().get(0));
            assertThat(next.size()).isEqualTo(2);
            assertThat(next.elementAt(0).fingerPrint()).isNotEqualTo(next.elementAt(1).fingerPrint());
            assertThat(next.elementAt(0).fingerPrint()).isNotEqualTo(e.initStates().get(0).fingerPrint());
        }
    }
}
