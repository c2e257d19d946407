package dev.dsverify.trace;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of replaying a log against the spec.
 *
 * @param verdict            MATCH or DIVERGENCE
 * @param files              the trace files, in the order given
 * @param events             lines in the (merged) log
 * @param matchedEvents      how many lines, from the start of the merged order, the spec explains
 * @param firstUnmatchedLine 1-based line, in {@code file}, of the first unexplained event; null on a match
 * @param file               the file holding that line; null on a match
 * @param mergedIndex        1-based position of that line in the merged order; null on a match
 * @param event              the text of that line; null on a match
 * @param reasons            why the spec cannot take that step: the false guard conjuncts, or the logged fields
 *                           that differ from what the spec computes (expected vs logged)
 * @param statesBefore       the spec states reachable just before that line, in TLA+ syntax
 * @param elapsed            wall time of reading, merging and replaying
 * @param statesExplored     successor states TLC generated during the replay
 * @param coverage           per spec action, how many matched lines it explained
 */
public record TraceResult(Verdict verdict, List<String> files, int events, int matchedEvents,
                          Integer firstUnmatchedLine, String file, Integer mergedIndex, String event,
                          List<String> reasons, List<String> statesBefore, Duration elapsed,
                          long statesExplored, Map<String, Long> coverage) {

    public boolean matches() {
        return verdict == Verdict.MATCH;
    }
}
