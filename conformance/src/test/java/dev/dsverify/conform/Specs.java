package dev.dsverify.conform;

import dev.dsverify.raft.core.Bugs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the specs and models. */
final class Specs {
    private Specs() {
    }

    /** specs/raft/Raft.tla of this source tree. */
    static Path raft() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null) {
            Path p = d.resolve("specs/raft/Raft.tla");
            if (Files.isRegularFile(p)) {
                return p;
            }
            d = d.getParent();
        }
        throw new IllegalStateException("specs/raft/Raft.tla is not in this source tree");
    }

    static Path resource(String name) {
        return Path.of("src/test/resources").resolve(name).toAbsolutePath();
    }

    static ConformOptions walks(String model, int walks, int depth, long seed, String bugs) {
        return new ConformOptions(raft(), model, false, walks, depth, seed, Bugs.parse(bugs));
    }

    static ConformOptions exhaustive(Path spec, String model) {
        return new ConformOptions(spec, model, true, 1, 1, 1, Bugs.NONE);
    }

    static boolean slow() {
        return "slow".equals(System.getProperty("dsverify.tier"));
    }
}
