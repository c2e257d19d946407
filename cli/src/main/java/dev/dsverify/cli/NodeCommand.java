package dev.dsverify.cli;

import dev.dsverify.raft.cluster.NodeProcess;
import dev.dsverify.raft.cluster.NodeSpec;
import dev.dsverify.raft.net.Frame;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dsverify node}: runs one Raft key-value server as its own process until SIGTERM or SIGINT. Peers and
 * clients connect to the same {@code --listen} address (impl/CLUSTER.md describes the wire format).
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run one Raft key-value server of a cluster (stop it with SIGTERM or Ctrl-C).",
                "Peers and clients use the same --listen address.",
                "Exit codes: 0 stopped, 1 the node failed (e.g. its storage), 2 bad options."})
public final class NodeCommand implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "this server's id, e.g. n1")
    String id;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "address for peers and clients")
    String listen;

    @Option(names = "--peers", paramLabel = "ID=HOST:PORT,...", defaultValue = "",
            description = "the other servers (none: a one-server cluster)")
    String peers;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "storage directory (write-ahead log)")
    Path data;

    @Option(names = "--trace", paramLabel = "FILE", description = "append this server's NDJSON trace (schema 1) to FILE")
    Path trace;

    @Option(names = "--tick-ms", defaultValue = "10", description = "length of a Raft tick in ms (default: ${DEFAULT-VALUE}); "
            + "elections time out after 30-60 ticks, heartbeats every 5")
    long tickMillis;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "0",
            description = "snapshot and compact the log every N applied entries (default: never; not with --trace, "
                    + "since snapshots are outside the Raft spec)")
    long snapshotEvery;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws InterruptedException {
        NodeSpec spec;
        try {
            spec = new NodeSpec(id, NodeSpec.parseAddress(listen, "--listen"), NodeSpec.parseServers(peers, "--peers"),
                    data, trace, tickMillis, NodeSpec.DEFAULT_ELECTION_TICKS, NodeSpec.DEFAULT_HEARTBEAT_TICKS,
                    Frame.DEFAULT_MAX_BYTES, snapshotEvery);
        } catch (IllegalArgumentException e) {
            ErrorLine.print(commandSpec.commandLine().getErr(), e.getMessage());
            return 2;
        }
        return NodeProcess.run(spec);
    }
}
