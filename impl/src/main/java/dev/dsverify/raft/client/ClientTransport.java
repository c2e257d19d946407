package dev.dsverify.raft.client;

/** How a {@link KvClient} reaches servers; replies come back through {@link KvClient#onReply}. */
public interface ClientTransport {
    void send(String server, ClientRequest request);
}
