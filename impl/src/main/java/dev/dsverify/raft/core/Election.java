package dev.dsverify.raft.core;

import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * Leader election: the randomised election timer, the optional pre-vote phase, casting votes and counting
 * them. A majority of votes makes {@link Raft#becomeLeader()}.
 */
final class Election {
    private final Raft r;
    private final Random random;
    private int elapsed;
    private int randomizedTimeout;
    /** The spec's votesGranted: votes received in the current term as a candidate, own vote included. */
    private final LinkedHashSet<String> votesGranted = new LinkedHashSet<>();
    /** Pre-vote phase (option): asking whether an election could be won, before changing any spec variable. */
    private boolean preCandidate;
    private final Set<String> preVotes = new LinkedHashSet<>();

    Election(Raft r, long seed) {
        this.r = r;
        this.random = new Random(seed);
    }

    Set<String> votesGranted() {
        return votesGranted;
    }

    boolean preCandidate() {
        return preCandidate;
    }

    /** The spec's preVotesGranted, own pre-vote first. */
    Set<String> preVotes() {
        return preVotes;
    }

    /** Draws a new timeout from [electionTicks, 2 electionTicks) and starts counting again. */
    void resetTimer() {
        elapsed = 0;
        randomizedTimeout = r.cfg.electionTicks() + random.nextInt(r.cfg.electionTicks());
    }

    /** A follower's or candidate's tick: when the timer fires, an election (or its pre-vote) starts. */
    void tick() {
        if (++elapsed >= randomizedTimeout) {
            if (r.cfg.preVote()) {
                startPreVote();
            } else {
                timeout();
            }
        }
    }

    /** Whether this server has heard from the leader of its term within the minimum election timeout. */
    boolean leaderAlive() {
        return r.role == Role.Leader || (r.leaderId != null && elapsed < r.cfg.electionTicks());
    }

    /** Whatever this server was doing as a candidate or pre-candidate is over. */
    void abandonPreVote() {
        preCandidate = false;
    }

    // ---- the spec's Timeout and RequestVote

    /** Timeout: a new term, a vote for itself, a RequestVote to every peer. */
    void timeout() {
        r.trace.step();
        preCandidate = false;
        r.leaveLeadershipOrCandidacy();
        r.currentTerm = Math.addExact(r.currentTerm, 1);
        r.role = Role.Candidate;
        r.votedFor = r.id;
        r.out.hardStateChanged();
        r.leaderId = null;
        votesGranted.clear();
        votesGranted.add(r.id);
        resetTimer();
        r.trace.timeout();
        if (r.stepByStep) {
            return; // each RequestVote, and BecomeLeader in a one-server cluster, is a step of its own
        }
        for (String peer : r.tracker.ids()) {
            r.trace.step();
            RequestVoteRequest req = voteRequest(peer);
            r.trace.requestVote(req);
            r.out.send(req);
        }
        if (votesGranted.size() >= r.tracker.quorum) {
            r.becomeLeader();
        }
    }

    /**
     * Timeout driven from outside: the timer of a follower or candidate fires now. With pre-vote on, the timer
     * fires into {@link #preVoteNow()} instead, and Timeout is the step a pre-candidate takes once it holds a
     * majority of pre-votes (in the normal mode the deciding pre-vote takes it at once).
     */
    boolean timeoutNow() {
        if (r.role == Role.Leader) {
            return false;
        }
        if ((r.cfg.preVote() || preCandidate) && !(preCandidate && preVotes.size() >= r.tracker.quorum)) {
            return false;
        }
        timeout();
        return true;
    }

    /** PreVote driven from outside: the election timer of a follower or candidate fires now, with pre-vote on. */
    boolean preVoteNow() {
        if (r.role == Role.Leader || !r.cfg.preVote()) {
            return false;
        }
        startPreVote();
        return true;
    }

    /** RequestPreVote driven from outside: a pre-candidate asks {@code peer} (again) for its pre-vote. */
    boolean requestPreVote(String peer) {
        if (!preCandidate || !r.tracker.isPeer(peer)) {
            return false;
        }
        r.trace.step();
        sendPreVote(peer);
        return true;
    }

    private void sendPreVote(String peer) {
        PreVoteRequest req = new PreVoteRequest(r.id, peer, Math.addExact(r.currentTerm, 1), r.trace.clock(),
                r.log.lastTerm(), r.log.lastIndex());
        r.trace.requestPreVote(req);
        r.out.send(req);
    }

    /** RequestVote driven from outside: a candidate asks {@code peer} again. */
    boolean requestVote(String peer) {
        if (r.role != Role.Candidate || !r.tracker.isPeer(peer)) {
            return false;
        }
        r.trace.step();
        RequestVoteRequest req = voteRequest(peer);
        r.trace.requestVote(req);
        r.out.send(req);
        return true;
    }

    /** This candidate's request for {@code peer}'s vote, naming its last entry for the election restriction. */
    private RequestVoteRequest voteRequest(String peer) {
        return RequestVoteRequest.builder().from(r.id).to(peer).term(r.currentTerm).clock(r.trace.clock())
                .lastLogTerm(r.log.lastTerm()).lastLogIndex(r.log.lastIndex()).build();
    }

    /** BecomeLeader driven from outside: a candidate with a majority of its term's votes takes office. */
    boolean becomeLeaderIfWon() {
        if (r.role != Role.Candidate || votesGranted.size() < r.tracker.quorum) {
            return false;
        }
        r.becomeLeader();
        return true;
    }

    /** HandleRequestVoteRequest: one vote per term, only for a candidate whose log is at least as up to date. */
    void handleRequestVote(RequestVoteRequest m) {
        boolean logOk = r.log.isUpToDate(m.lastLogTerm(), m.lastLogIndex());
        boolean grant = r.variations.handleRequestVoteRequestGrants(!r.isStale(m), logOk, r.votedFor, m.from());
        if (grant) {
            r.votedFor = m.from();
            r.out.hardStateChanged();
            resetTimer();
        }
        RequestVoteResponse resp = new RequestVoteResponse(r.id, m.from(), r.currentTerm, r.trace.clock(), grant);
        r.trace.handleRequestVoteRequest(m, resp);
        r.out.send(resp);
    }

    /** HandleRequestVoteResponse at a candidate: a granted vote of its term counts; a majority makes it leader. */
    void countVote(RequestVoteResponse m) {
        boolean counted = !r.isStale(m) && m.voteGranted();
        if (counted) {
            votesGranted.add(m.from());
        }
        r.trace.handleRequestVoteResponse(m, counted);
        if (counted && votesGranted.size() >= r.tracker.quorum && !r.stepByStep) {
            r.becomeLeader();
        }
    }

    // ---- pre-vote (option): the spec's PreVote, RequestPreVote, HandlePreVoteRequest, HandlePreVoteResponse

    /** PreVote: the timer fired; ask every peer whether it would vote for this server in the next term. */
    private void startPreVote() {
        r.trace.step();
        preCandidate = true;
        preVotes.clear();
        preVotes.add(r.id);
        resetTimer();
        r.trace.preVote();
        if (r.stepByStep) {
            return; // each RequestPreVote, and Timeout in a one-server cluster, is a step of its own
        }
        for (String peer : r.tracker.ids()) {
            r.trace.step();
            sendPreVote(peer);
        }
        if (preVotes.size() >= r.tracker.quorum) {
            timeout();
        }
    }

    /**
     * HandlePreVoteRequest: would this server vote for the asker in the next term? Not while it hears from a live
     * leader. Nothing changes here: no term is adopted, no vote recorded.
     */
    void handlePreVote(PreVoteRequest m) {
        r.trace.receive(m);
        boolean logOk = r.log.isUpToDate(m.lastLogTerm(), m.lastLogIndex());
        boolean grant = m.term() > r.currentTerm && logOk && !leaderAlive();
        PreVoteResponse resp = new PreVoteResponse(r.id, m.from(), grant ? m.term() : r.currentTerm, r.trace.clock(),
                grant);
        r.trace.handlePreVoteRequest(m, resp);
        r.out.send(resp);
    }

    /** HandlePreVoteResponse: a pre-candidate counts a grant for the term it asks for; a majority times out. */
    void handlePreVoteResponse(PreVoteResponse m) {
        r.trace.receive(m);
        boolean counted = preCandidate && m.voteGranted() && m.term() - 1 == r.currentTerm;
        if (counted) {
            preVotes.add(m.from());
        }
        r.trace.handlePreVoteResponse(m, counted);
        if (counted && preVotes.size() >= r.tracker.quorum && !r.stepByStep) {
            timeout();
        }
    }
}
