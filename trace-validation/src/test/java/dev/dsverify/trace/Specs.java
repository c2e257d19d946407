package dev.dsverify.trace;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the tests find Raft.tla: -Ddsverify.raftSpec if given, else specs/raft/Raft.tla of this source tree.
 * Tests that replay against the spec are skipped, saying why, only while the tree holds no Raft.tla.
 */
final class Specs {
    private Specs() {
    }

    static Path raft() {
        String p = System.getProperty("dsverify.raftSpec");
        if (p != null && !p.isBlank() && Files.isRegularFile(Path.of(p))) {
            return Path.of(p);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("specs/raft/Raft.tla");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        assumeTrue(false, "specs/raft/Raft.tla is not in this source tree");
        return null;
    }

    static Path trace(String name) {
        return Path.of("src/test/resources/traces", name);
    }

    static boolean slow() {
        return "slow".equals(System.getProperty("dsverify.tier"));
    }
}
