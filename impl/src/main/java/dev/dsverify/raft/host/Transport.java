package dev.dsverify.raft.host;

import dev.dsverify.raft.core.Message;

/**
 * Carries Raft messages to peers. Sending must not block on the peer and may lose messages: the protocol
 * retries. The simulator implements it with a faulty in-memory network; a TCP implementation only has to
 * serialise {@link Message} records and hand received ones to {@link KvServer#receive}.
 */
public interface Transport {
    void send(Message m);
}
