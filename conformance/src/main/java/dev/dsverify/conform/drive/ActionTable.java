package dev.dsverify.conform.drive;

import dev.dsverify.conform.code.CodeCluster;
import dev.dsverify.conform.spec.Messages;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftNode;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How each action of Raft.tla is driven in the code: the one place that maps a spec step to an input of the
 * Raft core (the inverse of the trace contract, specs/raft/TRACE-CONTRACT.md). A new action of the spec gets
 * one entry here; an action without one stops a run with {@link UnmappedActionException}.
 */
public final class ActionTable {
    /** Drives one spec step in the code. */
    @FunctionalInterface
    public interface Driver {
        Attempt drive(Driving d);
    }

    private static final Map<String, Driver> DRIVERS = new LinkedHashMap<>();

    /**
     * Actions with no model bound in their step whose guard the code must agree with also when the spec says
     * no: after every step, the code is offered each of them the spec does not enable, and must refuse.
     */
    public static final Set<String> REFUSED_WHEN_DISABLED = Set.of("BecomeLeader", "AdvanceCommitIndex", "Timeout",
            "RequestVote", "PreVote", "RequestPreVote", "CheckQuorum", "InstallSnapshot");

    static {
        local("Timeout", "i", RaftNode::timeoutNow, "timeoutNow()");
        DRIVERS.put("RequestVote", d -> {
            String j = d.server("j");
            return atServer(d, d.server("i"), n -> n.requestVote(j), "requestVote(" + j + ")", "RequestVote");
        });
        local("BecomeLeader", "i", RaftNode::becomeLeaderNow, "becomeLeaderNow()");
        DRIVERS.put("ClientRequest", d -> {
            String v = d.command("v");
            return atServer(d, d.server("i"), n -> n.propose(v.getBytes(StandardCharsets.UTF_8)) >= 0,
                    "propose(\"" + v + "\")", "ClientRequest");
        });
        DRIVERS.put("AppendEntries", d -> {
            // AppendEntries(i, j, n) hides n inside its step: the request the spec sent says how many entries
            List<Value> sent = d.sentBySpec();
            int n = sent.isEmpty() ? 0 : ((TupleValue) Messages.field(sent.get(0), "entries").toTuple()).size();
            String j = d.server("j");
            return atServer(d, d.server("i"), node -> node.sendAppend(j, n), "sendAppend(" + j + ", " + n + ")",
                    "AppendEntries");
        });
        local("AdvanceCommitIndex", "i", RaftNode::advanceCommitNow, "advanceCommitNow()");
        DRIVERS.put("UpdateTerm", d -> {
            Message m = d.message();
            return atServer(d, d.receiver(), n -> n.observeTerm(m), "observeTerm(" + Messages.brief(d.step().arg("m")) + ")",
                    "UpdateTerm");
        });
        for (String handle : List.of("HandleRequestVoteRequest", "HandleRequestVoteResponse",
                "HandleAppendEntriesRequest", "HandleAppendEntriesResponse", "HandleInstallSnapshotRequest",
                "HandleInstallSnapshotResponse", "HandlePreVoteRequest", "HandlePreVoteResponse")) {
            DRIVERS.put(handle, d -> {
                Message m = d.message();
                d.cluster().take(m);
                return atServer(d, d.receiver(), n -> {
                    n.step(m);
                    return true;
                }, "step(" + Messages.brief(d.step().arg("m")) + ")", handle);
            });
        }
        DRIVERS.put("CompactLog", d -> {
            // CompactLog(i, k) hides k inside its step: the snapshot point the spec's step moved i to
            String i = d.server("i");
            long k = d.after("snapshotIndex", i);
            boolean took = d.cluster().compact(i, k);
            CodeCluster.Effect e = d.cluster().settle(i);
            return new Attempt(i + ".compactNow(" + k + ", state machine up to " + k + ")", !took,
                    List.of("CompactLog"), e);
        });
        DRIVERS.put("InstallSnapshot", d -> {
            String j = d.server("j");
            return atServer(d, d.server("i"), n -> n.sendSnapshot(j), "sendSnapshot(" + j + ")", "InstallSnapshot");
        });
        local("PreVote", "i", RaftNode::preVoteNow, "preVoteNow()");
        local("CheckQuorum", "i", RaftNode::checkQuorumNow, "checkQuorumNow()");
        DRIVERS.put("RequestPreVote", d -> {
            String j = d.server("j");
            return atServer(d, d.server("i"), n -> n.requestPreVote(j), "requestPreVote(" + j + ")", "RequestPreVote");
        });
        DRIVERS.put("Restart", d -> {
            String i = d.server("i");
            CodeCluster.Effect e = d.cluster().restart(i);
            return new Attempt(i + ".restart(disk)", false, List.of("Restart"), e);
        });
        DRIVERS.put("DropMessage", d -> {
            Message m = d.message();
            d.cluster().take(m);
            return new Attempt("network loses " + Messages.brief(d.step().arg("m")), false, List.of(),
                    new CodeCluster.Effect(List.of(), List.of()));
        });
        DRIVERS.put("DuplicateMessage", d -> {
            Message m = d.message();
            d.cluster().duplicate(m);
            return new Attempt("network duplicates " + Messages.brief(d.step().arg("m")), false, List.of(),
                    new CodeCluster.Effect(List.of(), List.of()));
        });
    }

    private ActionTable() {
    }

    private static void local(String action, String param, Function<RaftNode, Boolean> input, String call) {
        DRIVERS.put(action, d -> atServer(d, d.server(param), input, call, action));
    }

    private static Attempt atServer(Driving d, String id, Function<RaftNode, Boolean> input, String call, String action) {
        boolean took = d.cluster().input(id, input);
        CodeCluster.Effect e = d.cluster().settle(id);
        return new Attempt(id + "." + call, !took, List.of(action), e);
    }

    /** The driver of {@code action}. */
    public static Driver driver(String action) {
        Driver d = DRIVERS.get(action);
        if (d == null) {
            throw new UnmappedActionException(action, DRIVERS.keySet());
        }
        return d;
    }

    /** Whether {@code action} has a driver. */
    public static boolean maps(String action) {
        return DRIVERS.containsKey(action);
    }

    /** The actions this table drives, in the order of Raft.tla's Next. */
    public static Set<String> actions() {
        return DRIVERS.keySet();
    }
}
