package dev.dsverify.raft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import dev.dsverify.raft.net.RemoteKvClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three node processes on loopback: acknowledged writes survive a SIGKILL of the leader and its restart from
 * its data directory, and the per-node traces are contract NDJSON that can be merged.
 */
class ClusterProcessTest {
    private static final long OP_TIMEOUT_MILLIS = 30_000;

    @Test
    void noAcknowledgedWriteIsLostWhenTheLeaderIsKilledAndRestarted(@TempDir Path dir) throws Exception {
        List<String> ids = List.of("n1", "n2", "n3");
        Map<String, String> acked = new LinkedHashMap<>();
        try (ProcessCluster c = new ProcessCluster(dir, ids)) {
            c.startAll();
            String leader;
            try (RemoteKvClient w = new RemoteKvClient("writer", c.addresses, 500)) {
                for (int i = 0; i < 20; i++) {
                    put(w, acked, "k" + i, "a" + i);
                }
                leader = w.lastServer();
                assertThat(leader).isIn(ids);

                c.kill(leader);
                for (int i = 15; i < 35; i++) { // overwrites some keys, adds new ones
                    put(w, acked, "k" + i, "b" + i);
                }
                assertThat(w.lastServer()).isNotEqualTo(leader);

                c.launch(leader);
                c.awaitListening(leader);
                for (int i = 30; i < 40; i++) {
                    put(w, acked, "k" + i, "c" + i);
                }
                KvResult cas = w.execute(new KvOp.Cas("k0", "a0", "cas0"), OP_TIMEOUT_MILLIS);
                assertThat(cas.ok()).isTrue();
                acked.put("k0", "cas0");
                KvResult casMiss = w.execute(new KvOp.Cas("k1", "wrong", "x"), OP_TIMEOUT_MILLIS);
                assertThat(casMiss.ok()).isFalse();
                assertThat(casMiss.value()).isEqualTo("a1");
                w.execute(new KvOp.Delete("k2"), OP_TIMEOUT_MILLIS);
                acked.remove("k2");
            }

            readBack(c, acked, "reader");

            // Every server killed at once and restarted: the acknowledged writes must come from the WALs alone.
            for (String id : ids) {
                c.kill(id);
            }
            for (String id : ids) {
                c.launch(id);
            }
            for (String id : ids) {
                c.awaitListening(id);
            }
            readBack(c, acked, "reader-after-full-restart");

            for (String id : ids) {
                assertThat(c.terminate(id)).as(id + " exit on SIGTERM").isIn(0, 143);
                assertThat(c.stderr(id)).as(id + " stderr").doesNotContain("Exception");
            }

            Map<String, Path> traces = new LinkedHashMap<>();
            for (String id : ids) {
                traces.put(id, c.trace(id));
            }
            assertThat(NodeTraceCheck.check(traces)).isEmpty();
            for (String id : ids) {
                long restarts = Files.readAllLines(c.trace(id), StandardCharsets.UTF_8).stream()
                        .filter(l -> l.contains("\"event\":\"Restart\"")).count();
                assertThat(restarts).as(id + " restarts").isEqualTo(id.equals(leader) ? 2 : 1);
            }
            for (String id : ids) {
                assertThat(Files.readString(c.trace(id))).contains("\"event\":\"HandleAppendEntriesRequest\"");
            }
        }
    }

    private static void readBack(ProcessCluster c, Map<String, String> acked, String client) throws Exception {
        try (RemoteKvClient r = new RemoteKvClient(client, c.addresses, 500)) {
            for (int i = 0; i < 40; i++) {
                KvResult got = r.execute(new KvOp.Get("k" + i), OP_TIMEOUT_MILLIS);
                assertThat(got.value()).as("k" + i).isEqualTo(acked.get("k" + i));
            }
        }
    }

    private static void put(RemoteKvClient w, Map<String, String> acked, String k, String v) throws Exception {
        KvResult r = w.execute(new KvOp.Put(k, v), OP_TIMEOUT_MILLIS);
        assertThat(r.ok()).isTrue();
        acked.put(k, v);
    }
}
