package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Message;

/** A message no correct server sends, and what is wrong with it ({@code flaw}, for the failure report). */
public record Forgery(String flaw, Message message) {
    @Override
    public String toString() {
        return message.type() + " (" + flaw + ")";
    }
}
