package dev.dsverify.raft.core;

/**
 * Deliberate protocol bugs for testing checkers (the simulator's invariants and trace validation).
 * All off in {@link #NONE}; never enable one outside tests.
 *
 * @param doubleVote        a server grants a second vote in a term it already voted in
 * @param commitOldTerm     a leader commits entries of earlier terms by counting replicas (and, so that this
 *                          can matter, appends no no-op entry when it is elected)
 * @param skipPrevLogCheck  a follower accepts AppendEntries without comparing the term at prevLogIndex
 * @param forgetVoteOnRestart a server forgets its vote when it restarts
 * @param commitBackwards   a follower sets commitIndex from the leader's value even when that is lower
 */
public record Bugs(boolean doubleVote, boolean commitOldTerm, boolean skipPrevLogCheck,
        boolean forgetVoteOnRestart, boolean commitBackwards) {

    public static final Bugs NONE = new Bugs(false, false, false, false, false);

    /** Names accepted by {@link #parse}: one per switch. */
    public static final java.util.List<String> NAMES =
            java.util.List.of("double-vote", "commit-old-term", "skip-prevlog-check", "forget-vote", "commit-backwards");

    public boolean any() {
        return doubleVote || commitOldTerm || skipPrevLogCheck || forgetVoteOnRestart || commitBackwards;
    }

    /** Parses a comma-separated list of {@link #NAMES}; an empty string or "none" is {@link #NONE}. */
    public static Bugs parse(String csv) {
        Bugs b = NONE;
        if (csv == null || csv.isBlank() || csv.equals("none")) {
            return b;
        }
        for (String raw : csv.split(",")) {
            String n = raw.trim();
            b = switch (n) {
                case "double-vote" -> new Bugs(true, b.commitOldTerm, b.skipPrevLogCheck, b.forgetVoteOnRestart, b.commitBackwards);
                case "commit-old-term" -> new Bugs(b.doubleVote, true, b.skipPrevLogCheck, b.forgetVoteOnRestart, b.commitBackwards);
                case "skip-prevlog-check" -> new Bugs(b.doubleVote, b.commitOldTerm, true, b.forgetVoteOnRestart, b.commitBackwards);
                case "forget-vote" -> new Bugs(b.doubleVote, b.commitOldTerm, b.skipPrevLogCheck, true, b.commitBackwards);
                case "commit-backwards" -> new Bugs(b.doubleVote, b.commitOldTerm, b.skipPrevLogCheck, b.forgetVoteOnRestart, true);
                default -> throw new IllegalArgumentException("unknown bug '" + n + "'; expected one of " + NAMES);
            };
        }
        return b;
    }

    @Override
    public String toString() {
        java.util.List<String> on = new java.util.ArrayList<>();
        if (doubleVote) on.add("double-vote");
        if (commitOldTerm) on.add("commit-old-term");
        if (skipPrevLogCheck) on.add("skip-prevlog-check");
        if (forgetVoteOnRestart) on.add("forget-vote");
        if (commitBackwards) on.add("commit-backwards");
        return on.isEmpty() ? "none" : String.join(",", on);
    }
}
