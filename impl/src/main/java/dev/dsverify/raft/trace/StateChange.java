package dev.dsverify.raft.trace;

import dev.dsverify.raft.core.Role;
import java.util.List;
import java.util.Map;

/**
 * The post-state of the spec variables one step changed; a null field (or {@code votedForSet == false})
 * was not changed and is left out of the trace line. {@code snapshotIndex} and {@code snapshotTerm} are the
 * snapshot point and the term of its entry.
 */
public record StateChange(Long currentTerm, boolean votedForSet, String votedFor, LogChange log, Role role,
        Long commitIndex, List<String> votesGranted, Map<String, Long> nextIndex, Map<String, Long> matchIndex,
        Long snapshotIndex, Long snapshotTerm, Boolean preCandidate, List<String> preVotesGranted) {

    public static final StateChange NONE = new StateChange(null, false, null, null, null, null, null, null, null,
            null, null, null, null);

    /** The same change, with the pre-vote flag's new value added. */
    public StateChange withPreCandidate(boolean v) {
        return new StateChange(currentTerm, votedForSet, votedFor, log, role, commitIndex, votesGranted, nextIndex,
                matchIndex, snapshotIndex, snapshotTerm, v, preVotesGranted);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects changed variables of one step. */
    public static final class Builder {
        private Long currentTerm;
        private boolean votedForSet;
        private String votedFor;
        private LogChange log;
        private Role role;
        private Long commitIndex;
        private List<String> votesGranted;
        private Map<String, Long> nextIndex;
        private Map<String, Long> matchIndex;
        private Long snapshotIndex;
        private Long snapshotTerm;
        private Boolean preCandidate;
        private List<String> preVotesGranted;

        public Builder currentTerm(long t) { currentTerm = t; return this; }
        public Builder votedFor(String v) { votedForSet = true; votedFor = v; return this; }
        public Builder log(LogChange l) { log = l; return this; }
        public Builder role(Role r) { role = r; return this; }
        public Builder commitIndex(long c) { commitIndex = c; return this; }
        public Builder votesGranted(List<String> v) { votesGranted = List.copyOf(v); return this; }
        public Builder nextIndex(Map<String, Long> m) { nextIndex = m; return this; }
        public Builder matchIndex(Map<String, Long> m) { matchIndex = m; return this; }
        public Builder snapshot(long index, long term) { snapshotIndex = index; snapshotTerm = term; return this; }
        public Builder preCandidate(boolean v) { preCandidate = v; return this; }
        public Builder preVotesGranted(List<String> v) { preVotesGranted = List.copyOf(v); return this; }

        public StateChange build() {
            return new StateChange(currentTerm, votedForSet, votedFor, log, role, commitIndex, votesGranted,
                    nextIndex, matchIndex, snapshotIndex, snapshotTerm, preCandidate, preVotesGranted);
        }
    }
}
