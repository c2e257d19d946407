package dev.dsverify.cli;

import dev.dsverify.raft.cluster.NodeProcess;
import dev.dsverify.raft.cluster.NodeSpec;
import dev.dsverify.raft.net.ServerLimits;
import dev.dsverify.raft.net.TlsFiles;
import java.io.IOException;
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
                "With --tls-cert, --tls-key and --tls-ca both present certificates of the",
                "cluster's CA (mutual TLS); without them nobody is authenticated.",
                "Exit codes: 0 stopped, 1 the node failed (e.g. its storage),",
                "2 bad options (unreadable TLS files included)."})
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
            description = "snapshot and compact the log every N applied entries (default: never)")
    long snapshotEvery;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "this server's certificate (CN = its --id)")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "its unencrypted PKCS#8 private key")
    Path tlsKey;

    @Option(names = "--tls-ca", paramLabel = "PEM",
            description = "the CA that signed every server's and client's certificate")
    Path tlsCa;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_CONNECTIONS,
            description = "refuse connections beyond N open ones (default: ${DEFAULT-VALUE})")
    int maxConnections;

    @Option(names = "--idle-timeout-ms", paramLabel = "MS",
            defaultValue = "" + ServerLimits.DEFAULT_IDLE_TIMEOUT_MILLIS,
            description = "close connections silent this long (default: ${DEFAULT-VALUE}; keep it above 5000)")
    int idleTimeoutMillis;

    @Option(names = "--frame-timeout-ms", paramLabel = "MS",
            defaultValue = "" + ServerLimits.DEFAULT_FRAME_TIMEOUT_MILLIS,
            description = "close connections whose frame or TLS handshake takes longer (default: ${DEFAULT-VALUE})")
    int frameTimeoutMillis;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws InterruptedException {
        NodeSpec spec;
        try {
            spec = NodeSpec.of(id, NodeSpec.parseAddress(listen, "--listen"), NodeSpec.parseServers(peers, "--peers"),
                    data, trace)
                    .withTickMillis(tickMillis)
                    .withSnapshotEvery(snapshotEvery)
                    .withLimits(ServerLimits.defaults().withMaxConnections(maxConnections)
                            .withTimeouts(idleTimeoutMillis, frameTimeoutMillis))
                    .withTls(TlsFiles.ofOptional(tlsCert, tlsKey, tlsCa));
            TlsFiles.security(spec.tls()); // unreadable PEM files or a foreign key: usage, in the common form
        } catch (IllegalArgumentException | IOException e) {
            ErrorLine.print(commandSpec.commandLine().getErr(), e.getMessage());
            return 2;
        }
        return NodeProcess.run(spec);
    }
}
