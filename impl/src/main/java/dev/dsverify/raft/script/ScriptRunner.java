package dev.dsverify.raft.script;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.RaftConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs the commands of a {@link ScriptFile} against an {@link InteractionCluster}. The language (documented
 * for users in impl/src/test/resources/testdata/README.md):
 *
 * <pre>
 * cluster n1 n2 n3 [seed=1] [election=10] [heartbeat=3] [bugs=a,b] [prevote=true] [batch=64]   first command
 * tick n1 [times]          campaign n1          propose n1 value          read n1 ctx
 * ready [n1 ... | all]     stabilize            crash n1                  restart n1
 * deliver SEL [count]      drop SEL [count]     dup SEL [count]           delay SEL [count]
 *                          (SEL: all | n2 | n1->n2, optionally type=MessageType)
 * compact n1 index         status [n1 ...]      network
 * </pre>
 *
 * A mistake in the script (unknown command or server, missing argument) is a {@link ScriptException} naming the
 * file and line; what the protocol refuses (a proposal to a follower, a command to a crashed server) is output.
 */
public final class ScriptRunner {
    private static final Set<String> COMMANDS = Set.of("cluster", "tick", "campaign", "propose", "read", "ready",
            "stabilize", "crash", "restart", "deliver", "drop", "dup", "delay", "compact", "status", "network");

    private final ScriptFile script;
    private final Bugs bugsOverride;
    private InteractionCluster cluster;
    private int line;

    private ScriptRunner(ScriptFile script, Bugs bugsOverride) {
        this.script = script;
        this.bugsOverride = bugsOverride;
    }

    public static Transcript run(ScriptFile script) {
        return run(script, null);
    }

    /** Runs with every server's {@link Bugs} replaced by {@code bugs} (null: as the script says). */
    public static Transcript run(ScriptFile script, Bugs bugs) {
        ScriptRunner r = new ScriptRunner(script, bugs);
        List<List<String>> outputs = new ArrayList<>();
        for (ScriptFile.Block b : script.blocks()) {
            r.line = b.line();
            List<String> out = r.execute(b.directive());
            outputs.add(out.isEmpty() ? List.of("ok") : out);
        }
        if (r.cluster == null) {
            throw new ScriptException(script.name(), 1, "the script has no 'cluster' command");
        }
        return new Transcript(script, outputs, r.cluster.ids(), r.cluster.trace(), r.cluster.contractEvents());
    }

    private List<String> execute(Directive d) {
        if (!COMMANDS.contains(d.name())) {
            throw error("unknown command '" + d.name() + "'; expected one of " + new java.util.TreeSet<>(COMMANDS));
        }
        if (d.name().equals("cluster")) {
            return newCluster(d);
        }
        if (cluster == null) {
            throw error("'" + d.name() + "' before 'cluster': the first command must create the cluster");
        }
        try {
            return switch (d.name()) {
                case "tick" -> cluster.tick(node(d, 0), d.args().size() > 1 ? (int) number(d, 1, "times") : 1);
                case "campaign" -> cluster.campaign(node(d, 0));
                case "propose" -> cluster.propose(node(d, 0), arg(d, 1, "value"));
                case "read" -> cluster.read(node(d, 0), number(d, 1, "ctx"));
                case "ready" -> ready(d);
                case "stabilize" -> cluster.stabilize();
                case "crash" -> cluster.crash(node(d, 0));
                case "restart" -> cluster.restart(node(d, 0));
                case "deliver" -> cluster.deliver(selection(d), count(d));
                case "drop" -> cluster.drop(selection(d), count(d));
                case "dup" -> cluster.duplicate(selection(d), count(d));
                case "delay" -> cluster.delay(selection(d), count(d));
                case "compact" -> cluster.compact(node(d, 0), number(d, 1, "index"));
                case "status" -> status(d);
                case "network" -> cluster.network();
                default -> throw new AssertionError(d.name());
            };
        } catch (InteractionCluster.NodeDown | IllegalArgumentException e) {
            return List.of("error: " + e.getMessage());
        }
    }

    private List<String> newCluster(Directive d) {
        if (cluster != null) {
            throw error("a script has one cluster; it was created before");
        }
        if (d.args().isEmpty()) {
            throw error("cluster needs its servers, e.g. 'cluster n1 n2 n3'");
        }
        for (String k : d.options().keySet()) {
            if (!Set.of("seed", "election", "heartbeat", "bugs", "prevote", "batch").contains(k)) {
                throw error("unknown cluster option '" + k
                        + "'; expected seed, election, heartbeat, bugs, prevote, batch");
            }
        }
        Map<String, String> o = d.options();
        long seed = option(o, "seed", 1);
        int election = (int) option(o, "election", 10);
        int heartbeat = (int) option(o, "heartbeat", 3);
        int batch = (int) option(o, "batch", RaftConfig.DEFAULT_MAX_APPEND_ENTRIES);
        Bugs bugs;
        try {
            bugs = bugsOverride != null ? bugsOverride : Bugs.parse(o.getOrDefault("bugs", "none"));
            cluster = new InteractionCluster(d.args(), seed, election, heartbeat, bugs,
                    Boolean.parseBoolean(o.getOrDefault("prevote", "false")), batch);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        return List.of(d.args().size() + " servers " + String.join(" ", d.args()) + "; election timeout "
                + election + ".." + (2 * election - 1) + " ticks, heartbeat every " + heartbeat + " ticks"
                + (bugs.any() ? "; bugs: " + bugs : "")
                + (batch != RaftConfig.DEFAULT_MAX_APPEND_ENTRIES ? "; at most " + batch + " entries per AppendEntries" : ""));
    }

    /** One Ready of each named server, or of every live server that has one ({@code all} or no argument). */
    private List<String> ready(Directive d) {
        boolean every = d.args().isEmpty() || d.args().equals(List.of("all"));
        List<String> out = new ArrayList<>();
        for (String id : every ? cluster.ids() : nodes(d)) {
            if (!every) {
                try {
                    out.addAll(cluster.ready(id));
                } catch (InteractionCluster.NodeDown e) {
                    out.add("error: " + e.getMessage());
                }
            } else if (cluster.isUp(id) && cluster.hasReady(id)) {
                out.addAll(cluster.ready(id));
            }
        }
        if (out.isEmpty()) {
            out.add("no Ready");
        }
        return out;
    }

    private List<String> status(Directive d) {
        List<String> out = new ArrayList<>();
        for (String id : d.args().isEmpty() ? cluster.ids() : nodes(d)) {
            out.addAll(cluster.status(id));
        }
        return out;
    }

    /** all | n2 (to n2) | n1->n2, optionally narrowed by type=MessageType. */
    private Predicate<Message> selection(Directive d) {
        String sel = arg(d, 0, "which messages (all, a server, or from->to)");
        Predicate<Message> p;
        if (sel.equals("all")) {
            p = m -> true;
        } else if (sel.contains("->")) {
            String from = known(sel.substring(0, sel.indexOf("->")));
            String to = known(sel.substring(sel.indexOf("->") + 2));
            p = m -> m.from().equals(from) && m.to().equals(to);
        } else {
            String to = known(sel);
            p = m -> m.to().equals(to);
        }
        String type = d.options().get("type");
        return type == null ? p : p.and(m -> m.type().equals(type));
    }

    private int count(Directive d) {
        return d.args().size() > 1 ? (int) number(d, 1, "count") : Integer.MAX_VALUE;
    }

    private List<String> nodes(Directive d) {
        return d.args().stream().map(this::known).toList();
    }

    private String node(Directive d, int i) {
        return known(arg(d, i, "server"));
    }

    private String known(String id) {
        if (!cluster.ids().contains(id)) {
            throw error("unknown server '" + id + "'; the cluster has " + cluster.ids());
        }
        return id;
    }

    private String arg(Directive d, int i, String what) {
        if (d.args().size() <= i) {
            throw error("'" + d.name() + "' needs argument " + (i + 1) + " (" + what + ")");
        }
        return d.args().get(i);
    }

    private long number(Directive d, int i, String what) {
        String s = arg(d, i, what);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error("'" + s + "' is not a number (" + what + " of '" + d.name() + "')");
        }
    }

    private long option(Map<String, String> o, String key, long dflt) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error("cluster option " + key + "='" + v + "' is not a number");
        }
    }

    private ScriptException error(String message) {
        return new ScriptException(script.name(), line, message);
    }
}
