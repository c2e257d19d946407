package dev.dsverify.raft.sim;

import dev.dsverify.raft.lin.LinResult;
import dev.dsverify.raft.lin.Operation;
import dev.dsverify.raft.trace.TraceEvent;
import java.util.List;

/**
 * The outcome of one run. {@code verdict} PASS needs every invariant to hold, every operation to complete and
 * the history to be proven linearizable; UNKNOWN (the checker's bound was hit) is not a pass.
 */
public record SimResult(long seed, Schedule schedule, Verdict verdict, String failure, String property,
        long simMicros, long steps, int opsCompleted, long messages, long leaders, long maxCommitted, long bugActivations, int tornCrashes,
        LinResult linearizability, List<Operation> history, List<TraceEvent> trace, LivenessCheck.Report liveness) {

    /** A result without liveness observations. */
    public SimResult(long seed, Schedule schedule, Verdict verdict, String failure, String property, long simMicros,
            long steps, int opsCompleted, long messages, long leaders, long maxCommitted, long bugActivations,
            int tornCrashes, LinResult linearizability, List<Operation> history, List<TraceEvent> trace) {
        this(seed, schedule, verdict, failure, property, simMicros, steps, opsCompleted, messages, leaders, maxCommitted,
                bugActivations, tornCrashes, linearizability, history, trace, LivenessCheck.Report.NONE);
    }

    public enum Verdict {
        PASS,
        FAIL,
        UNKNOWN
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    public String summary() {
        String first = failure == null ? "" : " - " + failure.lines().findFirst().orElse("");
        return String.format("seed %d: %s%s (%.2fs simulated, %d steps, %d/%d ops, %d msgs, %d leaders, commit %d%s)",
                seed, verdict, first, simMicros / 1e6, steps, opsCompleted, schedule.ops(), messages, leaders,
                maxCommitted, (tornCrashes > 0 ? ", " + tornCrashes + " crashes inside steps" : "")
                        + (bugActivations > 0 ? ", bug switch took effect " + bugActivations + " times" : "")
                        + (liveness.equals(LivenessCheck.Report.NONE) ? "" : "; " + liveness.describe()));
    }
}
