package dev.dsverify.runner.report;

import dev.dsverify.runner.Expectation;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.SourcePosition;
import dev.dsverify.runner.SourceRange;
import dev.dsverify.runner.Stats;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaBool;
import dev.dsverify.runner.value.TlaFunction;
import dev.dsverify.runner.value.TlaInt;
import dev.dsverify.runner.value.TlaModelValue;
import dev.dsverify.runner.value.TlaRecord;
import dev.dsverify.runner.value.TlaSeq;
import dev.dsverify.runner.value.TlaSet;
import dev.dsverify.runner.value.TlaString;
import dev.dsverify.runner.value.TlaValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results built by hand, shaped like what TLC reports for small Raft-like, liveness and broken models. */
final class Samples {
    static final String EVIL = "<script>alert('x')</script>";

    private Samples() {
    }

    static TlaModelValue mv(String n) {
        return new TlaModelValue(n);
    }

    static TlaString str(String s) {
        return new TlaString(s);
    }

    static TlaInt num(long n) {
        return TlaInt.of(n);
    }

    static TlaRecord rec(Object... kv) {
        Map<String, TlaValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (TlaValue) kv[i + 1]);
        }
        return new TlaRecord(m);
    }

    static TlaFunction fn(Object... kv) {
        List<TlaFunction.Mapping> m = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.add(new TlaFunction.Mapping((TlaValue) kv[i], (TlaValue) kv[i + 1]));
        }
        return new TlaFunction(m);
    }

    static TlaFunction perServer(TlaValue a, TlaValue b, TlaValue c) {
        return fn(mv("n1"), a, mv("n2"), b, mv("n3"), c);
    }

    static Stats stats(long distinct, long depth, long millis) {
        return new Stats(distinct * 3, distinct, depth, 0, Duration.ofMillis(millis), distinct * 1000.0 / millis);
    }

    static ModelCheckResult passing(String name) {
        return ModelCheckResult.builder().name(name).outcome(Outcome.SUCCESS).stats(stats(12_345, 17, 2_300)).build();
    }

    static TraceState state(int n, String action, Map<String, TlaValue> vars) {
        SourceRange loc = n == 1 ? null : new SourceRange("Raft", 100 + n, 3, 110 + n, 20);
        return new TraceState(n, n == 1 ? "Initial predicate" : action, loc, vars);
    }

    static TlaRecord voteRequest(String from, String to, long term) {
        return rec("mtype", str("RequestVoteRequest"), "mterm", num(term), "msource", mv(from), "mdest", mv(to));
    }

    static TlaRecord voteResponse(String from, String to, long term) {
        return rec("mtype", str("RequestVoteResponse"), "mterm", num(term), "mvoteGranted", TlaBool.TRUE,
                "msource", mv(from), "mdest", mv(to));
    }

    /** A Raft-like election where n1 becomes leader and an invariant with an HTML-looking name breaks. */
    static ModelCheckResult raftViolation() {
        List<TraceState> trace = new ArrayList<>();
        TlaFunction noMessages = fn();
        Map<String, TlaValue> s1 = new LinkedHashMap<>();
        s1.put("currentTerm", perServer(num(1), num(1), num(1)));
        s1.put("state", perServer(str("Follower"), str("Follower"), str("Follower")));
        s1.put("log", perServer(new TlaSeq(List.of()), new TlaSeq(List.of()), new TlaSeq(List.of())));
        s1.put("note", str(EVIL));
        s1.put("messages", noMessages);
        trace.add(state(1, null, s1));

        Map<String, TlaValue> s2 = new LinkedHashMap<>(s1);
        s2.put("currentTerm", perServer(num(2), num(1), num(1)));
        s2.put("state", perServer(str("Candidate"), str("Follower"), str("Follower")));
        trace.add(state(2, "Timeout", s2));

        Map<String, TlaValue> s3 = new LinkedHashMap<>(s2);
        s3.put("messages", fn(voteRequest("n1", "n2", 2), num(1), voteRequest("n1", "n3", 2), num(1)));
        trace.add(state(3, "RequestVote", s3));

        Map<String, TlaValue> s4 = new LinkedHashMap<>(s3);
        s4.put("currentTerm", perServer(num(2), num(2), num(1)));
        s4.put("messages", fn(voteRequest("n1", "n3", 2), num(1), voteResponse("n2", "n1", 2), num(1)));
        trace.add(state(4, "HandleRequestVoteRequest", s4));

        Map<String, TlaValue> s5 = new LinkedHashMap<>(s4);
        s5.put("state", perServer(str("Leader"), str("Follower"), str("Follower")));
        s5.put("log", perServer(new TlaSeq(List.of(rec("term", num(2), "value", str(EVIL)))),
                new TlaSeq(List.of()), new TlaSeq(List.of())));
        trace.add(state(5, "BecomeLeader", s5));

        return ModelCheckResult.builder().name("Raft" + EVIL).outcome(Outcome.INVARIANT_VIOLATION)
                .violated("OneLeader" + EVIL).message("Invariant OneLeader" + EVIL + " is violated.")
                .stats(stats(4_321, 5, 1_250)).trace(trace).tlcExitCode(12).build();
    }

    /** A liveness counterexample that returns from state 4 to state 2. */
    static ModelCheckResult lasso() {
        List<TraceState> trace = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            trace.add(state(i, "Tick", Map.of("x", num(i % 3), "pc", str(i == 1 ? "init" : "loop"))));
        }
        return ModelCheckResult.builder().name("Liveness").outcome(Outcome.PROPERTY_VIOLATION)
                .violated("EventuallyDone").message("Temporal properties were violated.").stats(stats(50, 4, 900))
                .trace(trace).loopsBackTo(1).tlcExitCode(13).build();
    }

    /** A liveness counterexample that ends stuttering. */
    static ModelCheckResult stuttering() {
        List<TraceState> trace = List.of(
                state(1, null, Map.of("x", num(0))),
                state(2, "Step", Map.of("x", num(1))));
        return ModelCheckResult.builder().name("Stutter").outcome(Outcome.PROPERTY_VIOLATION).violated("Progress")
                .message("Temporal properties were violated.").stats(stats(2, 2, 700)).trace(trace).stuttering(true)
                .tlcExitCode(13).build();
    }

    static ModelCheckResult parseError() {
        return ModelCheckResult.builder().name("Broken").outcome(Outcome.PARSE_ERROR)
                .message("Encountered \"==\" at line 7, column 9 in module Broken")
                .errorPosition(new SourcePosition("Broken.tla", 7, 9)).stats(Stats.unknown(Duration.ofMillis(800)))
                .tlcExitCode(150).build();
    }

    static List<ModelReport> mixed() {
        return List.of(
                ModelReport.expectingSuccess(passing("Counter")),
                ModelReport.expectingSuccess(raftViolation()),
                new ModelReport(lasso(), new Expectation(Outcome.PROPERTY_VIOLATION, "EventuallyDone")),
                ModelReport.expectingSuccess(stuttering()),
                ModelReport.expectingSuccess(parseError()));
    }

    /** A set-based network (Paxos/2PC style) with src/dst fields. */
    static List<TraceState> setNetworkTrace() {
        TlaRecord a = rec("type", str("prepare"), "src", mv("c"), "dst", mv("p1"));
        TlaRecord b = rec("type", str("prepare"), "src", mv("c"), "dst", mv("p2"));
        TlaRecord c = rec("type", str("vote"), "src", mv("p1"), "dst", mv("c"));
        return List.of(
                state(1, null, Map.of("msgs", new TlaSet(List.of()), "x", num(0))),
                state(2, "Prepare", Map.of("msgs", new TlaSet(List.of(a, b)), "x", num(0))),
                state(3, "Vote", Map.of("msgs", new TlaSet(List.of(c, a, b)), "x", num(1))));
    }

    static TlaSet set(TlaValue... vs) {
        return new TlaSet(List.of(vs));
    }
}
