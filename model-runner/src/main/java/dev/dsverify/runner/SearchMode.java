package dev.dsverify.runner;

/**
 * How TLC explores the state space: exhaustively, breadth first, or by random simulation of bounded
 * behaviours. A simulation never proves anything, so a simulation that finds no violation ends as
 * {@link Outcome#INCOMPLETE}, never {@link Outcome#SUCCESS}.
 */
public sealed interface SearchMode permits SearchMode.Exhaustive, SearchMode.Simulation {

    /** Breadth-first search of every reachable state. */
    record Exhaustive() implements SearchMode {
    }

    /**
     * Random behaviours of at most {@code depth} steps.
     *
     * @param depth  maximum length of each behaviour
     * @param traces how many behaviours to generate; 0 means until stopped (by a timeout or stopAfter)
     * @param seed   the random seed, or null to let TLC choose one
     */
    record Simulation(int depth, long traces, Long seed) implements SearchMode {
        public Simulation {
            if (depth <= 0) {
                throw new IllegalArgumentException("simulation depth must be positive, got " + depth);
            }
            if (traces < 0) {
                throw new IllegalArgumentException("simulation traces must not be negative, got " + traces);
            }
        }
    }

    static SearchMode exhaustive() {
        return new Exhaustive();
    }

    static SearchMode simulation(int depth, long traces, Long seed) {
        return new Simulation(depth, traces, seed);
    }
}
