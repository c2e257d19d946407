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
 * @param inContract whether the trace describes only spec steps; false once a snapshot was taken
 */
public record Transcript(ScriptFile script, List<List<String>> outputs, List<String> servers, List<TraceEvent> trace,
        boolean inContract) {
    public Transcript {
        outputs = List.copyOf(outputs);
        servers = List.copyOf(servers);
        trace = List.copyOf(trace);
    }

    /** The file's text with the actual outputs: what a golden file must hold. */
    public String text() {
        return script.withOutputs(outputs);
    }
}
