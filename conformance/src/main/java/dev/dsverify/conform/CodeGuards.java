package dev.dsverify.conform;

import dev.dsverify.conform.code.CodeCluster;
import dev.dsverify.conform.code.Projection;
import dev.dsverify.conform.spec.Messages;
import dev.dsverify.conform.spec.SpecStep;
import dev.dsverify.raft.core.RaftNode;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The conditions under which the code accepts a request, evaluated on the code's state before the step, so that
 * a report can say which of them the spec's action lacks when the code refuses what the spec allows.
 */
final class CodeGuards {
    private CodeGuards() {
    }

    /** The code's conditions for {@code step} that are false before it, each named; empty when none is known. */
    static List<String> explain(SpecStep step, CodeCluster code, Projection p) {
        List<String> out = new ArrayList<>();
        if (!step.has("m")) {
            if (step.has("i")) {
                local(step, code.node(step.arg("i").toString()), code.ids().size(), out);
            }
            return out;
        }
        Value m = step.arg("m");
        String to = Messages.field(m, "to").toString();
        RaftNode n = code.node(to);
        long term = num(Messages.field(m, "term"));
        switch (step.action()) {
            case "HandleRequestVoteRequest" -> {
                long lastTerm = num(Messages.field(m, "lastLogTerm"));
                long lastIndex = num(Messages.field(m, "lastLogIndex"));
                long myTerm = n.term(n.lastIndex());
                if (!(lastTerm > myTerm || (lastTerm == myTerm && lastIndex >= n.lastIndex()))) {
                    out.add("the code grants a vote only to a candidate whose log is at least as up to date as its own"
                            + " (a later last term, or the same and at least as long): the candidate's log ends at term "
                            + lastTerm + ", index " + lastIndex + "; " + to + "'s at term " + myTerm + ", index "
                            + n.lastIndex() + ". The spec's HandleRequestVoteRequest grants without this condition");
                }
                if (term != n.currentTerm()) {
                    out.add("the code grants only in its current term " + n.currentTerm() + "; the request is of term " + term);
                }
                if (n.votedFor() != null && !n.votedFor().equals(Messages.field(m, "from").toString())) {
                    out.add("the code grants one vote per term; " + to + " voted for " + n.votedFor());
                }
            }
            case "HandleAppendEntriesRequest" -> {
                long prev = num(Messages.field(m, "prevLogIndex"));
                long prevTerm = num(Messages.field(m, "prevLogTerm"));
                if (term < n.currentTerm()) {
                    out.add("the code rejects a request of an earlier term (" + term + " < " + n.currentTerm() + ")");
                } else if (prev > 0 && (prev > n.lastIndex() || n.term(prev) != prevTerm)) {
                    out.add("the code accepts only when its log holds the entry before the new ones with the leader's"
                            + " term (index " + prev + ", term " + prevTerm + "); " + to + "'s log has "
                            + (prev > n.lastIndex() ? "no entry " + prev : "term " + n.term(prev) + " there"));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** The code's conditions for the steps a server takes on its own. */
    private static void local(SpecStep step, RaftNode n, int servers, List<String> out) {
        int quorum = servers / 2 + 1;
        switch (step.action()) {
            case "BecomeLeader" -> {
                if (n.role() == dev.dsverify.raft.core.Role.Candidate && n.votesGranted().size() < quorum) {
                    out.add("the code makes a candidate leader only with votes from a majority (" + quorum + " of "
                            + servers + "), its own included; " + n.id() + " holds " + n.votesGranted().size() + ": "
                            + n.votesGranted() + ". The spec's BecomeLeader lets a candidate with fewer through");
                }
            }
            case "ClientRequest", "AppendEntries", "AdvanceCommitIndex" -> {
                if (n.role() != dev.dsverify.raft.core.Role.Leader) {
                    out.add("the code takes " + step.action() + " only as leader; " + n.id() + " is " + n.role());
                }
            }
            case "Timeout" -> {
                if (n.role() == dev.dsverify.raft.core.Role.Leader) {
                    out.add("the code has no election timer while it leads");
                } else if ((n.config().preVote() && !n.preCandidate())
                        || (n.preCandidate() && n.preVotesGranted().size() < quorum)) {
                    out.add("with pre-vote the code starts an election only with pre-votes from a majority (" + quorum
                            + " of " + servers + "); " + n.id() + (n.preCandidate() ? " holds " + n.preVotesGranted()
                            : " is in no pre-vote phase"));
                }
            }
            case "RequestVote" -> {
                if (n.role() != dev.dsverify.raft.core.Role.Candidate) {
                    out.add("the code asks for votes only as candidate; " + n.id() + " is " + n.role());
                }
            }
            case "CompactLog" -> {
                long k = ((IntValue) ((tlc2.value.impl.FcnRcdValue) ((Value) step.next().lookup("snapshotIndex"))
                        .toFcnRcd()).select(step.arg("i"))).val;
                if (k > n.appliedIndex()) {
                    out.add("the code compacts only entries its state machine has applied, and applies only committed"
                            + " ones: " + n.id() + " applied " + n.appliedIndex() + " (commitIndex " + n.commitIndex()
                            + ", log length " + n.lastIndex() + "), the spec's step compacts to " + k
                            + ". The spec's CompactLog lets a snapshot cover an entry " + n.id() + " does not know is committed");
                }
            }
            case "InstallSnapshot" -> {
                String j = step.arg("j").toString();
                if (n.role() != dev.dsverify.raft.core.Role.Leader) {
                    out.add("the code sends a snapshot only as leader; " + n.id() + " is " + n.role());
                } else if (n.nextIndex().getOrDefault(j, 0L) > n.snapshotIndex()) {
                    out.add("the code sends a snapshot only to a peer whose nextIndex (" + n.nextIndex().get(j)
                            + ") is at or below its snapshot point (" + n.snapshotIndex() + ")");
                }
            }
            case "PreVote" -> {
                if (n.role() == dev.dsverify.raft.core.Role.Leader) {
                    out.add("the code has no election timer while it leads");
                } else if (!n.config().preVote()) {
                    out.add("pre-vote is off in the code's configuration (the model's PreVoteEnabled is FALSE)");
                }
            }
            case "CheckQuorum" -> {
                if (n.role() != dev.dsverify.raft.core.Role.Leader) {
                    out.add("the code checks for a quorum only as leader; " + n.id() + " is " + n.role());
                } else if (!n.config().checkQuorum()) {
                    out.add("check-quorum is off in the code's configuration (the model's CheckQuorumEnabled is FALSE)");
                }
            }
            case "RequestPreVote" -> {
                if (!n.preCandidate()) {
                    out.add("the code asks for pre-votes only in a pre-vote phase; " + n.id() + " is in none");
                }
            }
            default -> {
            }
        }
    }

    /** A server's state as the code holds it, for a refusal's report. */
    static String describe(CodeCluster code, String id) {
        if (id == null) {
            return "";
        }
        RaftNode n = code.node(id);
        return id + " in the code: " + n.role() + " in term " + n.currentTerm() + ", votedFor " + n.votedFor()
                + ", votes " + n.votesGranted() + ", log length " + n.lastIndex() + ", commitIndex " + n.commitIndex();
    }

    private static long num(Value v) {
        return ((IntValue) v).val;
    }

    static int length(Value tuple) {
        return ((TupleValue) tuple.toTuple()).size();
    }
}
