package dev.dsverify.conform;

import java.util.Map;
import java.util.Set;

/**
 * How much of the model the code was driven through.
 *
 * @param statesVisited distinct spec states (as the model fingerprints them: its VIEW and SYMMETRY) the code
 *                      reached and agreed with
 * @param statesTotal   distinct states of the model, when the whole graph was explored; null for random walks
 * @param actions       per action of Next (in Next's order), how many steps of it the code took and agreed with
 * @param enabled       the actions the spec enabled in some state the run explored: those the model allows at all
 *                      (a model's bounds may disable some for good, e.g. Restart with MaxRestarts 0)
 * @param untimed       spec steps not driven because they rest on a timing the step-by-step servers do not have
 *                      ({@link Timing}): random walks chose among the other steps; exhaustively, the states only
 *                      such a step leads to (in the search tree) were not reached
 * @param refused       per action, how many times the code was offered a step of it the spec did not enable, and
 *                      refused it (the steps the code must refuse as the spec does: {@code ActionTable})
 */
public record Coverage(long statesVisited, Long statesTotal, Map<String, Long> actions, Set<String> enabled,
        long untimed, Map<String, Long> refused) {
    public Coverage(long statesVisited, Long statesTotal, Map<String, Long> actions, Set<String> enabled) {
        this(statesVisited, statesTotal, actions, enabled, 0, Map.of());
    }

    public Coverage {
        actions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actions));
        enabled = Set.copyOf(enabled);
        refused = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(refused));
    }

    /** The fraction of the model's distinct states reached, or null when the total is unknown. */
    public Double stateFraction() {
        return statesTotal == null || statesTotal == 0 ? null : (double) statesVisited / statesTotal;
    }

    /** Actions driven at least once. */
    public long actionsCovered() {
        return actions.values().stream().filter(n -> n > 0).count();
    }

    /** Actions the model enabled somewhere and the code was never driven through. */
    public java.util.List<String> enabledNotDriven() {
        return actions.keySet().stream().filter(a -> enabled.contains(a) && actions.get(a) == 0).toList();
    }

    /** Actions of Next the run never found enabled. */
    public java.util.List<String> neverEnabled() {
        return actions.keySet().stream().filter(a -> !enabled.contains(a)).toList();
    }
}
