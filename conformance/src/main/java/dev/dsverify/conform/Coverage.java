package dev.dsverify.conform;

import java.util.Map;

/**
 * How much of the model the code was driven through.
 *
 * @param statesVisited distinct spec states (as the model fingerprints them: its VIEW and SYMMETRY) the code
 *                      reached and agreed with
 * @param statesTotal   distinct states of the model, when the whole graph was explored; null for random walks
 * @param actions       per action of Next, how many steps of it the code took and agreed with
 */
public record Coverage(long statesVisited, Long statesTotal, Map<String, Long> actions) {
    public Coverage {
        actions = Map.copyOf(actions);
    }

    /** The fraction of the model's distinct states reached, or null when the total is unknown. */
    public Double stateFraction() {
        return statesTotal == null || statesTotal == 0 ? null : (double) statesVisited / statesTotal;
    }

    public long actionsCovered() {
        return actions.values().stream().filter(n -> n > 0).count();
    }
}
