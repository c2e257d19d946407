package dev.dsverify.raft.script;

import dev.dsverify.raft.trace.TraceEvent;
import java.util.List;

/**
 * The outcome of running a script: each block's actual output (in block order) and the merged trace of the run.
 *
 * @param script     the script that was run
 * @param outputs    the lines each block printed
 * @param servers    the cluster's servers
 * @param trace      every event of every server, in execution order
 * @param contractEvents how many leading events the spec explains (all of them)
 */
public record Transcript(ScriptFile script, List<List<String>> outputs, List<String> servers, List<TraceEvent> trace,
        int contractEvents) {
    public Transcript {
        outputs = List.copyOf(outputs);
        servers = List.copyOf(servers);
        trace = List.copyOf(trace);
    }

    /** The part of the trace the spec can explain: the whole trace. */
    public List<TraceEvent> contractTrace() {
        return trace.subList(0, contractEvents);
    }

    /** The file's text with the actual outputs: what a golden file must hold. */
    public String text() {
        return script.withOutputs(outputs);
    }
}
