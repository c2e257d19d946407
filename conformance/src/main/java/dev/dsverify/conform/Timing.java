package dev.dsverify.conform;

import dev.dsverify.conform.spec.Messages;
import dev.dsverify.conform.spec.SpecModel;
import dev.dsverify.conform.spec.SpecStep;
import tlc2.tool.TLCState;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.Value;

/**
 * The one choice of Raft.tla that stands for time, which the step-by-step servers do not have. A follower asked
 * for a pre-vote it could grant may answer either way in the spec ({@code HandlePreVoteRequest}'s
 * {@code heardLeader}: whether it heard from a leader within the election timeout is left open). The code decides
 * by its clock: it refuses while it has heard from the leader of its term within the minimum election timeout,
 * and grants otherwise. Conform gives its servers no ticks, so a follower that handled a request of its term's
 * leader refuses, and one that heard from none grants; the spec's other answer needs a timing the driven code
 * cannot have (time passing without the timer firing, or a leader heard from that does not exist), and is not
 * driven. Which followers hear from a leader is derived from the behaviour ({@link #heardAfter}), not read from
 * the code, so the code's answer is still checked: one that forgot its leader grants where the step refuses.
 * Every other part of the answer (the term asked for, the log check, a leader's or a candidate's answer, a
 * refusal the spec's guard forces) is checked as usual.
 */
final class Timing {
    private Timing() {
    }

    /**
     * Which servers hear from a leader after {@code step}, as the code's servers do without a clock (bit k for the
     * k-th of {@code ids}), from {@code heard} before it: a server starts to when it handles an AppendEntries or
     * InstallSnapshot request of its current term (accepted or not: the code then knows the term's leader), and
     * stops when it enters a new term (UpdateTerm, Timeout) or restarts. Lets exhaustive mode choose paths the code
     * can take without driving it; driving still checks every step against the code itself.
     */
    static int heardAfter(SpecStep step, TLCState before, int heard, java.util.List<String> ids) {
        return switch (step.action()) {
            case "HandleAppendEntriesRequest", "HandleInstallSnapshotRequest" -> {
                Value m = step.arg("m");
                Value to = Messages.field(m, "to");
                Value term = ((FcnRcdValue) ((Value) before.lookup("currentTerm")).toFcnRcd()).select(to);
                yield term.equals(Messages.field(m, "term")) ? heard | bit(ids, to.toString()) : heard;
            }
            case "UpdateTerm" -> heard & ~bit(ids, Messages.field(step.arg("m"), "to").toString());
            case "Timeout", "Restart" -> heard & ~bit(ids, step.arg("i").toString());
            default -> heard;
        };
    }

    static int bit(java.util.List<String> ids, String id) {
        return 1 << ids.indexOf(id);
    }

    /**
     * Whether the code's servers have the timing {@code step} (from {@code before}) rests on, {@code hears} saying
     * which servers hear from a leader; true for every step but a follower's answer to a pre-vote it could grant.
     */
    static boolean drivable(SpecModel model, SpecStep step, TLCState before, java.util.function.Predicate<String> hears) {
        if (!step.action().equals("HandlePreVoteRequest") || !model.evaluator().hasOperator("PreVoteGrantable")) {
            return true;
        }
        Value m = step.arg("m");
        Value to = Messages.field(m, "to");
        Value role = ((FcnRcdValue) ((Value) before.lookup("role")).toFcnRcd()).select(to);
        if (!"\"Follower\"".equals(role.toString())) {
            return true; // a leader always refuses, a candidate heard from no leader: no choice
        }
        Value grantable = (Value) model.evaluator().eval("PreVoteGrantable", before, to, m);
        if (!BoolValue.ValTrue.equals(grantable)) {
            return true; // refused whatever the timing
        }
        boolean granted = false;
        for (Value sent : Messages.change((Value) before.lookup("messages"), (Value) step.next().lookup("messages")).added()) {
            granted |= BoolValue.ValTrue.equals(Messages.field(sent, "voteGranted"));
        }
        return granted != hears.test(to.toString());
    }
}
