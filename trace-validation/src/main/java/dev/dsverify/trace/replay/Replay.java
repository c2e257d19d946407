package dev.dsverify.trace.replay;

import tlc2.tool.TLCState;

import java.util.List;

/**
 * What stepping through a trace found.
 *
 * @param matched        how many events (a prefix of the trace) some spec behaviour explains
 * @param frontier       the distinct spec states reachable after the matched prefix: on a divergence, the states
 *                       just before the first unexplained event
 * @param statesExplored successor states TLC generated over the whole replay (duplicates included)
 * @param distinctStates distinct states summed over all steps
 */
public record Replay(int matched, List<TLCState> frontier, long statesExplored, long distinctStates) {
}
