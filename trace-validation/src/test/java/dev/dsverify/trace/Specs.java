package dev.dsverify.trace;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find Raft.tla: -Ddsverify.raftSpec if given, else specs/raft/Raft.tla of this source tree. */
final class Specs {
    private Specs() {
    }

    static Path raft() {
        String p = System.getProperty("dsverify.raftSpec");
        if (p != null && !p.isBlank() && Files.isRegularFile(Path.of(p))) {
            return Path.of(p);
        }
        return TraceValidator.defaultSpec();
    }

    static Path trace(String name) {
        return Path.of("src/test/resources/traces", name);
    }
}
