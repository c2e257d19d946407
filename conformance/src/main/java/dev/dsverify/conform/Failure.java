package dev.dsverify.conform;

import dev.dsverify.runner.TraceState;

import java.util.List;

/**
 * The first step the code did not follow.
 *
 * @param kind      which way it failed
 * @param walk      the 1-based path (walk) it failed on
 * @param step      the 1-based step of that path
 * @param action    the spec step, as a call ({@code HandleRequestVoteRequest(RequestVoteRequest s2->s1 t1)})
 * @param input     the input the code was given ({@code s1.step(...)})
 * @param fields    the variables that differ, as {@code votedFor[s1]} or {@code messages}
 * @param reasons   what differs or why the code refused, one sentence each
 * @param behaviour the spec's behaviour up to and including the failing step, then the code's state after it
 */
public record Failure(FailureKind kind, int walk, int step, String action, String input, List<String> fields,
        List<String> reasons, List<TraceState> behaviour) {
    public Failure {
        fields = List.copyOf(fields);
        reasons = List.copyOf(reasons);
        behaviour = List.copyOf(behaviour);
    }
}
