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

    /**
     * Thirteen fields, several of them nullable integers: build by name. Unset lists and the coverage map are
     * empty, the positions of the first unmatched line null, the elapsed time zero.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of a {@link TraceResult}; {@code verdict} is required. */
    public static final class Builder {
        private Verdict verdict;
        private List<String> files = List.of();
        private int events;
        private int matchedEvents;
        private Integer firstUnmatchedLine;
        private String file;
        private Integer mergedIndex;
        private String event;
        private List<String> reasons = List.of();
        private List<String> statesBefore = List.of();
        private Duration elapsed = Duration.ZERO;
        private long statesExplored;
        private Map<String, Long> coverage = Map.of();

        private Builder() {}

        public Builder verdict(Verdict v) { verdict = v; return this; }
        public Builder files(List<String> v) { files = v; return this; }
        public Builder events(int v) { events = v; return this; }
        public Builder matchedEvents(int v) { matchedEvents = v; return this; }
        public Builder firstUnmatchedLine(Integer v) { firstUnmatchedLine = v; return this; }
        public Builder file(String v) { file = v; return this; }
        public Builder mergedIndex(Integer v) { mergedIndex = v; return this; }
        public Builder event(String v) { event = v; return this; }
        public Builder reasons(List<String> v) { reasons = v; return this; }
        public Builder statesBefore(List<String> v) { statesBefore = v; return this; }
        public Builder elapsed(Duration v) { elapsed = v; return this; }
        public Builder statesExplored(long v) { statesExplored = v; return this; }
        public Builder coverage(Map<String, Long> v) { coverage = v; return this; }

        public TraceResult build() {
            return new TraceResult(java.util.Objects.requireNonNull(verdict, "verdict"), files, events, matchedEvents,
                    firstUnmatchedLine, file, mergedIndex, event, reasons, statesBefore, elapsed, statesExplored,
                    coverage);
        }
    }
}
