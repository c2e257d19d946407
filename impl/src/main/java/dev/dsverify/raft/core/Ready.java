package dev.dsverify.raft.core;

import java.util.List;

/**
 * A batch of work the driver must do, in this order, before calling {@link RaftNode#advance(Ready)}:
 * <ol>
 *   <li>if {@code snapshot} is not null (one arrived from the leader): store it, replace the whole log by
 *       {@code entries} (which then start right after the snapshot) and restore the state machine from it;</li>
 *   <li>persist {@code hardState} (if not null) and the log change: drop every entry from index
 *       {@code entriesFrom} on and append {@code entries} there (nothing to do when {@code entries} is empty
 *       and {@code entriesFrom} is 0), then make both durable (fsync);</li>
 *   <li>only then send {@code messages}: a vote or an acknowledgement must never leave before the state it
 *       promises is durable;</li>
 *   <li>apply {@code committed} to the state machine, in order;</li>
 *   <li>serve the read-index results in {@code readStates}.</li>
 * </ol>
 * Until then the node takes no input: {@link RaftNode} throws {@link IllegalStateException} for any.
 */
public record Ready(HardState hardState, long entriesFrom, List<Entry> entries, List<Message> messages,
        List<Entry> committed, long firstCommittedIndex, List<ReadState> readStates, Snapshot snapshot) {

    public boolean hasLogWrite() {
        return entriesFrom > 0;
    }

    public boolean mustSync() {
        return hardState != null || hasLogWrite() || snapshot != null;
    }
}
