package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.trace.TraceSink;
import dev.dsverify.raft.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inputs that name one Raft.tla step each, and a server that takes exactly one step per input. */
class StepByStepTest {
    private static final List<String> SERVERS = List.of("n1", "n2", "n3");

    private static RaftNode node(String id) {
        return RaftNode.startStepByStep(RaftConfig.of(id, SERVERS, 1), new Tracer(id, TraceSink.OFF));
    }

    /** Handles the Ready as a driver would and returns the messages it asked to send. */
    private static List<Message> settle(RaftNode n) {
        List<Message> sent = new ArrayList<>();
        while (n.hasReady()) {
            Ready rd = n.ready();
            sent.addAll(rd.messages());
            n.advance(rd);
        }
        return sent;
    }

    private static RaftNode leaderWithoutEntries() {
        RaftNode n = node("n1");
        assertThat(n.timeoutNow()).isTrue();
        settle(n);
        n.step(new RequestVoteResponse("n2", "n1", 1, 1, true));
        settle(n);
        assertThat(n.becomeLeaderNow()).isTrue();
        settle(n);
        return n;
    }

    @Test
    void aTimeoutSendsNothingAndEachVoteRequestIsAnInput() {
        RaftNode n = node("n1");
        assertThat(n.isStepByStep()).isTrue();
        assertThat(n.requestVote("n2")).as("a follower asks for no vote").isFalse();
        assertThat(n.timeoutNow()).isTrue();
        assertThat(n.role()).isEqualTo(Role.Candidate);
        assertThat(n.currentTerm()).isEqualTo(1);
        assertThat(settle(n)).isEmpty();
        assertThat(n.requestVote("n2")).isTrue();
        assertThat(settle(n)).singleElement().isEqualTo(new RequestVoteRequest("n1", "n2", 1, 2, 0, 0));
        assertThat(n.requestVote("n2")).as("a request may be sent again").isTrue();
        assertThat(settle(n)).hasSize(1);
        assertThat(n.requestVote("nobody")).isFalse();
    }

    @Test
    void theDecidingVoteDoesNotMakeALeaderByItself() {
        RaftNode n = node("n1");
        n.timeoutNow();
        settle(n);
        assertThat(n.becomeLeaderNow()).as("one vote of three").isFalse();
        n.step(new RequestVoteResponse("n2", "n1", 1, 1, true));
        assertThat(settle(n)).isEmpty();
        assertThat(n.role()).isEqualTo(Role.Candidate);
        assertThat(n.votesGranted()).containsExactlyInAnyOrder("n1", "n2");
        assertThat(n.becomeLeaderNow()).isTrue();
        assertThat(n.role()).isEqualTo(Role.Leader);
        assertThat(n.lastIndex()).as("the no-op is a ClientRequest of its own").isZero();
        assertThat(settle(n)).as("each AppendEntries is an input of its own").isEmpty();
        assertThat(n.timeoutNow()).as("a leader has no election timer").isFalse();
    }

    @Test
    void anAppendEntriesCarriesTheEntriesAskedFor() {
        RaftNode n = leaderWithoutEntries();
        assertThat(n.sendAppend("n2", 1)).as("the log has no entry to send").isFalse();
        assertThat(n.propose("x".getBytes())).isEqualTo(1);
        assertThat(settle(n)).as("a proposal sends nothing by itself").isEmpty();
        assertThat(n.sendAppend("n2", 0)).isTrue();
        AppendEntriesRequest heartbeat = (AppendEntriesRequest) settle(n).get(0);
        assertThat(heartbeat.entries()).isEmpty();
        assertThat(n.sendAppend("n2", 1)).isTrue();
        AppendEntriesRequest one = (AppendEntriesRequest) settle(n).get(0);
        assertThat(one.prevLogIndex()).isZero();
        assertThat(one.entries()).singleElement().isEqualTo(Entry.of(1, "x"));
        assertThat(n.sendAppend("n2", 2)).isFalse();
        assertThat(n.sendAppend("n1", 0)).as("not to itself").isFalse();
    }

    @Test
    void aResponseDoesNotCommitByItself() {
        RaftNode n = leaderWithoutEntries();
        n.propose("x".getBytes());
        settle(n);
        assertThat(n.advanceCommitNow()).as("only the leader holds the entry").isFalse();
        n.step(new AppendEntriesResponse("n2", "n1", 1, 5, true, 1, 0));
        assertThat(settle(n)).as("no further AppendEntries by itself").isEmpty();
        assertThat(n.matchIndex()).containsEntry("n2", 1L);
        assertThat(n.commitIndex()).isZero();
        assertThat(n.advanceCommitNow()).isTrue();
        assertThat(n.commitIndex()).isEqualTo(1);
        assertThat(n.advanceCommitNow()).as("nothing more to commit").isFalse();
    }

    @Test
    void aNewerTermIsAdoptedWithoutHandlingTheMessage() {
        RaftNode n = node("n1");
        RequestVoteRequest req = new RequestVoteRequest("n2", "n1", 3, 1, 0, 0);
        assertThat(n.observeTerm(req)).isTrue();
        assertThat(n.currentTerm()).isEqualTo(3);
        assertThat(n.votedFor()).isNull();
        assertThat(settle(n)).as("the request is not answered yet").isEmpty();
        assertThat(n.observeTerm(req)).as("the term is no longer newer").isFalse();
        n.step(req);
        assertThat(settle(n)).singleElement().isEqualTo(new RequestVoteResponse("n1", "n2", 3, 3, true));
        assertThat(n.observeTerm(new RequestVoteRequest("n2", "n9", 4, 1, 0, 0))).as("not addressed to n1").isFalse();
    }

    @Test
    void theNormalModeStillChainsTheSteps() {
        RaftNode n = RaftNode.start(RaftConfig.of("n1", SERVERS, 1), new Tracer("n1", TraceSink.OFF));
        assertThat(n.isStepByStep()).isFalse();
        assertThat(n.timeoutNow()).isTrue();
        assertThat(settle(n)).as("a RequestVote to every peer").hasSize(2);
        n.step(new RequestVoteResponse("n2", "n1", 1, 1, true));
        assertThat(n.role()).isEqualTo(Role.Leader);
        assertThat(n.lastIndex()).as("the no-op").isEqualTo(1);
    }

    private static RaftNode preVoteNode(String id, boolean stepByStep) {
        RaftConfig cfg = RaftConfig.of(id, SERVERS, 1).withPreVote(true);
        Tracer t = new Tracer(id, TraceSink.OFF);
        return stepByStep ? RaftNode.startStepByStep(cfg, t) : RaftNode.start(cfg, t);
    }

    @Test
    void aPreVoteSendsNothingAndTheDecidingPreVoteDoesNotTimeOutByItself() {
        RaftNode n = preVoteNode("n1", true);
        assertThat(n.timeoutNow()).as("with pre-vote on, the timer fires into PreVote").isFalse();
        assertThat(n.requestPreVote("n2")).as("not a pre-candidate").isFalse();
        assertThat(n.preVoteNow()).isTrue();
        assertThat(n.preCandidate()).isTrue();
        assertThat(n.preVotesGranted()).containsExactly("n1");
        assertThat(n.currentTerm()).as("a pre-vote keeps the term").isZero();
        assertThat(settle(n)).isEmpty();
        assertThat(n.timeoutNow()).as("one pre-vote of three").isFalse();
        assertThat(n.requestPreVote("n2")).isTrue();
        assertThat(settle(n)).singleElement().isEqualTo(new PreVoteRequest("n1", "n2", 1, 2, 0, 0));
        n.step(new PreVoteResponse("n2", "n1", 1, 1, true));
        assertThat(settle(n)).as("the deciding pre-vote sends nothing").isEmpty();
        assertThat(n.role()).isEqualTo(Role.Follower);
        assertThat(n.preVotesGranted()).containsExactlyInAnyOrder("n1", "n2");
        assertThat(n.timeoutNow()).isTrue();
        assertThat(n.role()).isEqualTo(Role.Candidate);
        assertThat(n.currentTerm()).isEqualTo(1);
        assertThat(n.preCandidate()).as("Timeout ends the phase").isFalse();
        assertThat(n.preVoteNow()).as("a candidate's timer fires into a new pre-vote phase").isTrue();
    }

    @Test
    void theNormalModeStillChainsThePreVoteSteps() {
        RaftNode n = preVoteNode("n1", false);
        assertThat(n.preVoteNow()).isTrue();
        assertThat(settle(n)).as("a PreVoteRequest to every peer").hasSize(2).allMatch(m -> m instanceof PreVoteRequest);
        n.step(new PreVoteResponse("n2", "n1", 1, 1, true));
        assertThat(n.role()).as("the deciding pre-vote times out").isEqualTo(Role.Candidate);
        assertThat(settle(n)).hasSize(2).allMatch(m -> m instanceof RequestVoteRequest);
    }

    /** A leader of term 1 whose entries 1 (committed, on n2) and 2 are in its log, with applied entries handled. */
    private static RaftNode leaderWithCommittedEntry(RaftNode n) {
        n.propose("x".getBytes());
        settle(n);
        n.step(new AppendEntriesResponse("n2", "n1", 1, 5, true, 1, 0));
        settle(n);
        if (n.isStepByStep()) {
            assertThat(n.advanceCommitNow()).isTrue();
        }
        settle(n);
        assertThat(n.commitIndex()).isEqualTo(1);
        n.propose("y".getBytes());
        settle(n);
        return n;
    }

    @Test
    void compactionAndInstallSnapshotAreInputsAndTheAnswerChainsNothing() {
        RaftNode n = leaderWithCommittedEntry(leaderWithoutEntries());
        assertThat(n.compactNow(2, new byte[] {2})).as("entry 2 is not committed").isFalse();
        assertThat(n.compactNow(0, new byte[0])).as("not beyond the snapshot").isFalse();
        assertThat(n.sendSnapshot("n3")).as("no snapshot yet").isFalse();
        assertThat(n.compactNow(1, new byte[] {1})).isTrue();
        assertThat(n.snapshotIndex()).isEqualTo(1);
        assertThat(n.compactNow(1, new byte[] {1})).as("once").isFalse();
        assertThat(n.sendAppend("n3", 0)).as("n3 needs entry 1, which the snapshot replaced").isFalse();
        assertThat(n.sendSnapshot("n2")).as("n2 needs no compacted entry").isFalse();
        assertThat(n.sendSnapshot("n3")).isTrue();
        InstallSnapshotRequest req = (InstallSnapshotRequest) settle(n).get(0);
        assertThat(req.snapshot().index()).isEqualTo(1);
        assertThat(req.snapshot().data()).containsExactly(1);
        n.step(new InstallSnapshotResponse("n3", "n1", 1, 9, true, 1, 0));
        assertThat(settle(n)).as("no AppendEntries by itself").isEmpty();
        assertThat(n.matchIndex()).containsEntry("n3", 1L);
        assertThat(n.nextIndex()).containsEntry("n3", 2L);
        assertThat(n.sendAppend("n3", 1)).isTrue();
    }

    @Test
    void theNormalModeStillSendsTheRestAfterAnInstallSnapshotAnswer() {
        RaftNode n = RaftNode.start(RaftConfig.of("n1", SERVERS, 1), new Tracer("n1", TraceSink.OFF));
        n.timeoutNow();
        settle(n);
        n.step(new RequestVoteResponse("n2", "n1", 1, 1, true));
        settle(n); // leader, with its no-op (entry 1) sent to both peers
        n.step(new AppendEntriesResponse("n2", "n1", 1, 5, true, 1, 0));
        settle(n);
        assertThat(n.commitIndex()).isEqualTo(1);
        n.compact(1, new byte[] {1});
        n.propose("y".getBytes());
        settle(n);
        n.step(new AppendEntriesResponse("n3", "n1", 1, 6, false, 0, 0, 1, 0));
        assertThat(settle(n)).as("n3 rejected: it gets the snapshot").singleElement()
                .isInstanceOf(InstallSnapshotRequest.class);
        n.step(new InstallSnapshotResponse("n3", "n1", 1, 9, true, 1, 0));
        assertThat(settle(n)).as("then the entries after it").singleElement()
                .isInstanceOf(AppendEntriesRequest.class);
    }

    @Test
    void aQuorumCheckIsAnInputOfALeaderWithCheckQuorumOn() {
        RaftNode off = leaderWithoutEntries();
        assertThat(off.checkQuorumNow()).as("check-quorum is off").isFalse();
        RaftConfig cfg = RaftConfig.of("n1", SERVERS, 1).withCheckQuorum(true);
        RaftNode n = RaftNode.startStepByStep(cfg, new Tracer("n1", TraceSink.OFF));
        assertThat(n.checkQuorumNow()).as("a follower checks nothing").isFalse();
        n.timeoutNow();
        settle(n);
        n.step(new RequestVoteResponse("n2", "n1", 1, 1, true));
        settle(n);
        n.becomeLeaderNow();
        settle(n);
        assertThat(n.heardFrom()).as("a new leader has heard from no one yet").isEmpty();
        n.step(new AppendEntriesResponse("n2", "n1", 1, 5, true, 0, 0));
        settle(n);
        assertThat(n.heardFrom()).containsExactly("n2");
        assertThat(n.checkQuorumNow()).isTrue();
        assertThat(n.role()).as("n1 and n2 are a majority").isEqualTo(Role.Leader);
        assertThat(n.heardFrom()).as("a new period").isEmpty();
        assertThat(settle(n)).as("the check sends nothing").isEmpty();
        assertThat(n.checkQuorumNow()).isTrue();
        assertThat(n.role()).as("no one heard from in this period").isEqualTo(Role.Follower);
        assertThat(n.checkQuorumNow()).isFalse();
    }
}
