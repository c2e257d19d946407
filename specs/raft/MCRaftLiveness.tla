--------------------------- MODULE MCRaftLiveness ---------------------------
(***************************************************************************)
(* Liveness: once faults stop, a leader is elected and a command commits. *)
(*                                                                         *)
(* Raft is live only under timing assumptions, which the model states as  *)
(* guards and fairness:                                                    *)
(*  - an election timer fires only when no server leads and every        *)
(*    candidate has lost (a live leader's heartbeats keep timers quiet;    *)
(*    randomized timeouts keep elections apart), and only at a server that *)
(*    has seen the highest term around and whose log is up to date with a  *)
(*    majority (randomization lets such a server time out first), and only *)
(*    once the last leader's append requests have arrived or been lost     *)
(*    (message delays are far below the election timeout), so that only a  *)
(*    fault can make an election fail;                                     *)
(*  - every step that stays enabled is eventually taken (weak fairness),  *)
(*    except the faults, which the bounds make stop.                       *)
(* Bounds: the model has no SYMMETRY and no VIEW (both unsound for         *)
(* liveness).  A leader appends one entry per term, which stands for its   *)
(* no-op: without it a leader elected with only entries of earlier terms   *)
(* could never commit them.                                                *)
(***************************************************************************)
EXTENDS RaftModels

UpToDateWith(i, j) ==
    \/ LastTerm(log[i]) > LastTerm(log[j])
    \/ LastTerm(log[i]) = LastTerm(log[j]) /\ Len(log[i]) >= Len(log[j])

\* Candidate i can still collect a majority: enough servers have granted it
\* their vote or could still grant it (its log is up to date with theirs and
\* they have not voted for another server in its term).
CanStillWin(i) ==
    \E Q \in SUBSET Server :
       /\ IsQuorum(Q)
       /\ \A k \in Q :
            \/ k \in votesGranted[i]
            \/ /\ UpToDateWith(i, k)
               /\ \/ currentTerm[k] < currentTerm[i]
                  \/ currentTerm[k] = currentTerm[i] /\ votedFor[k] \in {Nil, i}

\* The highest term any server or message carries.
TopTerm ==
    LET terms == {currentTerm[i] : i \in Server} \cup {m.term : m \in DOMAIN messages}
    IN CHOOSE t \in terms : \A u \in terms : t >= u

ElectionTiming(i) ==
    /\ currentTerm[i] < MaxTerm
    /\ currentTerm[i] = TopTerm
    /\ \A j \in Server : role[j] # Leader
    /\ \A j \in Server : role[j] = Candidate => ~CanStillWin(j)
    /\ \A m \in DOMAIN messages : m.type # "AppendEntriesRequest"
    /\ \E Q \in SUBSET Server : IsQuorum(Q) /\ \A j \in Q : UpToDateWith(i, j)

\* Any delivery of a message from j to i.  Fairness is per pair: per
\* receiver, a stale message could wait forever behind a live exchange.
Deliver(i, j) ==
    \E m \in DOMAIN messages :
       /\ m.to = i
       /\ m.from = j
       /\ \/ UpdateTermStep(m)
          \/ HandleRequestVoteRequestStep(m)
          \/ HandleRequestVoteResponseStep(m)
          \/ HandleAppendEntriesRequestStep(m)
          \/ HandleAppendEntriesResponseStep(m)

\* Sends are not bounded by a count of messages in flight: a count would
\* disable a send whenever the network is full, and a send to one peer could
\* then starve behind endless exchanges with another unless fairness were
\* strong, which TLC checks far more slowly.
\* Moreover a server has one exchange at a time with each peer: it sends a
\* request only when no message between the two is in flight.
OneExchangePerPeer(m) ==
    ~\E x \in DOMAIN messages : {x.from, x.to} = {m.from, m.to}

Fairness ==
    /\ WF_vars(\E i \in Server : TimeoutStep(i))
    /\ WF_vars(\E i \in Server : BecomeLeaderStep(i))
    /\ WF_vars(\E i \in Server, v \in Value : ClientRequestStep(i, v))
    /\ WF_vars(\E i \in Server : AdvanceCommitIndexStep(i))
    /\ \A i \in Server : \A j \in Server \ {i} :
         /\ WF_vars(Deliver(i, j))
         /\ WF_vars(RequestVoteStep(i, j))
         /\ WF_vars(AppendEntriesStep(i, j))

LiveSpec == Spec /\ Fairness

EventuallyLeader == <>(\E i \in Server : role[i] = Leader)

\* Every server eventually learns that an entry is committed.
EventuallyCommitted == <>(\A i \in Server : commitIndex[i] >= 1)
=============================================================================
