package dev.dsverify.cli;

import dev.dsverify.raft.cluster.NodeSpec;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import dev.dsverify.raft.net.ClusterUnavailableException;
import dev.dsverify.raft.net.RemoteKvClient;
import dev.dsverify.raft.net.Security;
import dev.dsverify.raft.net.TlsFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dsverify kv}: one operation against a running cluster, retried with the same sequence number (so it
 * takes effect at most once) and redirected to the leader until it completes or {@code --timeout} passes.
 */
@Command(name = "kv", mixinStandardHelpOptions = true,
        description = {"Run one key-value operation against a cluster started with 'dsverify node'.",
                "  put KEY VALUE            set KEY",
                "  get KEY                  print KEY's value (linearizable read)",
                "  delete KEY               remove KEY",
                "  cas KEY EXPECTED NEW     set KEY to NEW only if it holds EXPECTED",
                "Exit codes: 0 done; 1 get or delete of an absent key, or cas whose expectation failed",
                "(the current value is printed on stderr); 2 usage; 3 no leader completed the operation in time",
                "(its outcome is unknown)."})
public final class KvCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNAVAILABLE = 3;

    @Option(names = "--cluster", required = true, paramLabel = "ID=HOST:PORT,...", description = "the servers")
    String cluster;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "give up after this long (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--attempt-timeout", defaultValue = "500ms", converter = DurationConverter.class,
            description = "wait this long for one server before trying the next (default: ${DEFAULT-VALUE})")
    Duration attemptTimeout;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "this client's certificate (mutual TLS)")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "its unencrypted PKCS#8 private key")
    Path tlsKey;

    @Option(names = "--tls-ca", paramLabel = "PEM", description = "the cluster's CA")
    Path tlsCa;

    @Parameters(index = "0", paramLabel = "OP", description = "put, get, delete or cas")
    String op;

    @Parameters(index = "1..*", paramLabel = "ARG", arity = "0..*", description = "KEY and values")
    List<String> args = new ArrayList<>();

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        Map<String, InetSocketAddress> servers;
        KvOp kvOp;
        Security security;
        try {
            servers = NodeSpec.parseServers(cluster, "--cluster");
            if (servers.isEmpty()) {
                throw new IllegalArgumentException("--cluster: no servers given");
            }
            kvOp = parseOp();
            security = TlsFiles.security(TlsFiles.ofOptional(tlsCert, tlsKey, tlsCa));
        } catch (IllegalArgumentException | IOException e) {
            ErrorLine.print(err, e.getMessage());
            return USAGE;
        }
        try (RemoteKvClient client = new RemoteKvClient("kv-" + UUID.randomUUID(), servers,
                attemptTimeout.toMillis(), security)) {
            KvResult r = client.execute(kvOp, timeout.toMillis());
            return report(kvOp, r, out, err);
        } catch (ClusterUnavailableException e) {
            ErrorLine.print(err, "cluster unavailable: " + e.getMessage());
            return UNAVAILABLE;
        }
    }

    private KvOp parseOp() {
        int want = switch (op) {
            case "put" -> 2;
            case "get", "delete" -> 1;
            case "cas" -> 3;
            default -> throw new IllegalArgumentException("unknown operation '" + op + "' (put, get, delete, cas)");
        };
        if (args.size() != want) {
            throw new IllegalArgumentException(op + " takes " + want + " argument" + (want > 1 ? "s" : "")
                    + ", got " + args.size());
        }
        return switch (op) {
            case "put" -> new KvOp.Put(args.get(0), args.get(1));
            case "get" -> new KvOp.Get(args.get(0));
            case "delete" -> new KvOp.Delete(args.get(0));
            default -> new KvOp.Cas(args.get(0), args.get(1), args.get(2));
        };
    }

    private static int report(KvOp op, KvResult r, PrintWriter out, PrintWriter err) {
        if (op instanceof KvOp.Get) {
            if (r.value() == null) {
                err.println(op.key() + ": not found");
                return FAILED;
            }
            out.println(r.value());
        } else if (op instanceof KvOp.Delete && r.value() == null) {
            err.println(op.key() + ": not found");
            return FAILED;
        } else if (op instanceof KvOp.Cas && !r.ok()) {
            err.println("cas failed: " + op.key() + (r.value() == null ? " is absent" : " holds " + r.value()));
            return FAILED;
        }
        out.flush();
        return OK;
    }
}
