package dev.dsverify.raft.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.Role;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.trace.TraceSink;
import dev.dsverify.raft.trace.Tracer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three live hosts with real files and threads, wired by an in-process transport. */
class NodeHostTest {

    private static Map<String, NodeHost> startCluster(Path dir, List<String> ids) {
        Map<String, NodeHost> hosts = new LinkedHashMap<>();
        for (String id : ids) {
            hosts.put(id, NodeHost.start(new RaftConfig(id, ids, 10, 2, id.hashCode(), dev.dsverify.raft.core.Bugs.NONE),
                    dir.resolve(id), m -> hosts.get(m.to()).receive(m), new Tracer(id, TraceSink.OFF), 5));
        }
        return hosts;
    }

    private static String awaitLeader(Map<String, NodeHost> hosts) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            for (Map.Entry<String, NodeHost> e : hosts.entrySet()) {
                if (e.getValue().inspect(s -> s.node().role()) == Role.Leader) {
                    return e.getKey();
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no leader elected");
    }

    private static ClientReply call(NodeHost h, ClientRequest r) throws Exception {
        CompletableFuture<ClientReply> f = new CompletableFuture<>();
        h.submit(r, f::complete);
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLiveClusterCommitsAWriteAndKeepsItAcrossARestart(@TempDir Path dir) throws Exception {
        List<String> ids = List.of("n1", "n2", "n3");
        Map<String, NodeHost> hosts = startCluster(dir, ids);
        String leader = awaitLeader(hosts);
        ClientReply put = call(hosts.get(leader), new ClientRequest("c1", 1, 1, new KvOp.Put("x", "42")));
        assertThat(put.status()).isEqualTo(ClientReply.Status.OK);
        ClientReply get = call(hosts.get(leader), new ClientRequest("c1", 2, 1, new KvOp.Get("x")));
        assertThat(get.result().value()).isEqualTo("42");
        for (NodeHost h : hosts.values()) {
            h.close();
        }
        Map<String, NodeHost> again = startCluster(dir, ids);
        String leader2 = awaitLeader(again);
        ClientReply get2 = null;
        for (int i = 0; i < 50; i++) { // the new leader serves reads once its no-op commits
            get2 = call(again.get(leader2), new ClientRequest("c1", 3, 1, new KvOp.Get("x")));
            if (get2.status() == ClientReply.Status.OK) {
                break;
            }
            Thread.sleep(20);
            leader2 = awaitLeader(again);
        }
        assertThat(get2.status()).isEqualTo(ClientReply.Status.OK);
        assertThat(get2.result().value()).isEqualTo("42");
        for (NodeHost h : again.values()) {
            h.close();
        }
    }
}
