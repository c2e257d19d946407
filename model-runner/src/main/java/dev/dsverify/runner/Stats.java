package dev.dsverify.runner;

import java.time.Duration;

/**
 * Final statistics of a run. Counts are -1 when TLC did not report them (for example after a parse error).
 * {@code distinctStatesPerSecond} is computed over the whole run's wall time.
 */
public record Stats(long generatedStates, long distinctStates, long depth, long statesLeftOnQueue,
                    Duration duration, double distinctStatesPerSecond) {

    public static Stats unknown(Duration duration) {
        return new Stats(-1, -1, -1, -1, duration, 0);
    }
}
