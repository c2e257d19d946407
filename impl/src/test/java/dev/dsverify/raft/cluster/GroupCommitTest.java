package dev.dsverify.raft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.Role;
import dev.dsverify.raft.host.KvServer;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.storage.ForwardingStorage;
import dev.dsverify.raft.storage.MemoryStorage;
import dev.dsverify.raft.storage.Storage;
import dev.dsverify.raft.trace.TraceSink;
import dev.dsverify.raft.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Requests handed to a leader together are proposed together and made durable by one fsync. */
class GroupCommitTest {
    @Test
    void aBatchOfWritesSharesOneFsync() {
        AtomicInteger syncs = new AtomicInteger();
        MemoryStorage disk = new MemoryStorage("solo");
        Storage counting = new ForwardingStorage(disk) { // the default persist() syncs through this object
            @Override
            public void sync() {
                syncs.incrementAndGet();
                super.sync();
            }
        };
        KvServer s = KvServer.boot(new RaftConfig("solo", List.of("solo"), 3, 1, 1, Bugs.NONE), counting, m -> {},
                new Tracer("solo", TraceSink.OFF));
        for (int i = 0; i < 20 && s.node().role() != Role.Leader; i++) {
            s.tick();
        }
        assertThat(s.node().role()).isEqualTo(Role.Leader);

        List<ClientRequest> reqs = new ArrayList<>();
        List<ClientReply> got = new ArrayList<>();
        List<Consumer<ClientReply>> replies = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            reqs.add(new ClientRequest("c" + i, 1, 1, new KvOp.Put("k" + i, "v" + i)));
            replies.add(got::add);
        }
        int before = syncs.get();
        s.submitAll(reqs, replies);
        assertThat(got).hasSize(10).allSatisfy(r -> assertThat(r.status()).isEqualTo(ClientReply.Status.OK));
        // one Ready persists all ten entries; a one-server cluster commits them at once
        assertThat(syncs.get() - before).isEqualTo(1);
        assertThat(s.stateMachine().read("k7").value()).isEqualTo("v7");
    }
}
