package dev.dsverify.conform;

import dev.dsverify.raft.core.Bugs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to check.
 *
 * @param spec       the Raft spec (Raft.tla or a variant)
 * @param model      a catalog model name ({@code raft.quick}) or the path of a model's cfg
 * @param exhaustive explore the model's whole state graph and drive the code to every distinct state; else
 *                   random walks
 * @param walks      random walks to take
 * @param depth      the longest walk, in steps (a walk also ends where the spec has no successor)
 * @param seed       seed of the walks: the same seed takes the same walks
 * @param bugs       the code's deliberate bugs ({@link Bugs#NONE} normally)
 */
public record ConformOptions(Path spec, String model, boolean exhaustive, int walks, int depth, long seed, Bugs bugs) {
    public ConformOptions {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(bugs, "bugs");
        if (walks < 1 || depth < 1) {
            throw new IllegalArgumentException("--walks and --depth must be at least 1, got " + walks + " and " + depth);
        }
    }

    public static final String DEFAULT_MODEL = "raft.quick";
}
