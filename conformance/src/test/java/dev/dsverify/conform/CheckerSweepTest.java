package dev.dsverify.conform;

import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.sim.Fault;
import dev.dsverify.raft.sim.FaultType;
import dev.dsverify.raft.sim.Schedule;
import dev.dsverify.raft.sim.SimConfig;
import dev.dsverify.raft.sim.SimResult;
import dev.dsverify.raft.sim.Simulator;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.trace.TraceReport;
import dev.dsverify.trace.TraceResult;
import dev.dsverify.trace.TraceValidator;
import dev.dsverify.trace.Verdict;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkers, together, over a seeded sweep: every run must keep the simulator's invariants, give a
 * linearizable client history, and log a trace that replays to MATCH against Raft.tla.
 *
 * <p>This is the only test the mutation profile ({@code mvn -Pmutation}, impl/MUTATION.md) lets kill a mutant of
 * the Raft core and the key-value store: a mutant that survives it is a change the checkers cannot see. Each run
 * is its own test, so that a mutant is usually killed by the first run and the survivors' cost stays bounded.
 */
class CheckerSweepTest {
    /**
     * A named cluster setting; the sweep runs each with several seeds. A steady setting draws no fault at all, and
     * there the first leader must keep its office to the end of the run: a server that stops resetting its election
     * timer, a leader that stops sending heartbeats or a pre-vote granted against a live leader changes no safety
     * property and completes every command, yet it deposes a healthy leader, and that is what the sweep then sees.
     */
    record Setting(String name, int nodes, int ops, boolean steady, boolean isolateLeader,
            UnaryOperator<SimConfig.Builder> options) {
        Setting(String name, int nodes, int ops, boolean steady, UnaryOperator<SimConfig.Builder> options) {
            this(name, nodes, ops, steady, false, options);
        }

        Setting(String name, int nodes, int ops, UnaryOperator<SimConfig.Builder> options) {
            this(name, nodes, ops, false, options);
        }

        Schedule schedule(SimConfig cfg) {
            if (!isolateLeader) {
                return Schedule.generate(cfg.seed(), nodes, ops, faults(), cfg.tornWrites());
            }
            // no message faults; whoever leads at a moment drawn from the seed is cut off for 30 to 60 ticks
            Random r = new Random(cfg.seed());
            long at = 300_000L + r.nextInt(300_000);
            return new Schedule(ops, EnumSet.noneOf(FaultType.class),
                    List.of(new Fault.IsolateLeader(at, at + 300_000L + r.nextInt(300_000))));
        }

        Set<FaultType> faults() {
            return steady ? EnumSet.noneOf(FaultType.class) : EnumSet.allOf(FaultType.class);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Run(Setting setting, long seed) {
        @Override
        public String toString() {
            return setting.name + " seed " + seed;
        }
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("3 servers, every fault", 3, 40, b -> b),
            new Setting("5 servers, every fault", 5, 40, b -> b),
            new Setting("3 servers, pre-vote", 3, 40, b -> b.preVote(true)),
            new Setting("3 servers, check-quorum", 3, 40, b -> b.checkQuorum(true)),
            new Setting("3 servers, lossy network", 3, 60, b -> b.dropRate(0.2).dupRate(0.1)),
            new Setting("3 servers, crashes inside steps", 3, 60, b -> b.tornWrites(true)),
            new Setting("3 servers, snapshots every 4 entries", 3, 40, b -> b.snapshotEvery(4)),
            // every message delivered comes with a forged copy of each kind of malformation (of every type: pre-vote
            // and snapshots make the servers send all eight), and each must leave its receiver as it was
            new Setting("3 servers, pre-vote, snapshots, forged messages", 3, 40,
                    b -> b.preVote(true).snapshotEvery(4).forgeRate(1.0)),
            // batches bounded this tightly make every catch-up and every backtracking take several requests
            new Setting("3 servers, lossy, two entries per AppendEntries", 3, 60,
                    b -> b.dropRate(0.2).maxAppendEntries(2)),
            // a lossy five-server cluster snapshotting often: followers far behind get snapshots holding keys that
            // their own state machine has deleted or changed since (a restore must replace the whole state)
            new Setting("5 servers, lossy, snapshots every 4 entries, two entries per AppendEntries", 5, 60,
                    b -> b.dropRate(0.2).maxAppendEntries(2).snapshotEvery(4)),
            // six clients on one key over a network that loses and duplicates much: commands are retried into the
            // log twice, snapshots carry the client sessions that make the second copy a no-op, and requests
            // reach followers whose snapshot covers part of what they carry; batches are bounded by bytes too
            new Setting("3 servers, six clients on one key, lossy, snapshots every 3 entries, 40-byte batches", 3, 80,
                    b -> b.clients(6).keys(1).dropRate(0.3).dupRate(0.2).maxAppendEntries(3).maxAppendBytes(40)
                            .snapshotEvery(3)),
            // about a second of simulated time (100 ticks): many election timeouts after the first leader took office
            new Setting("3 servers, no faults", 3, 200, true, b -> b),
            new Setting("5 servers, pre-vote, no faults", 5, 200, true, b -> b.preVote(true)),
            // one client pausing up to 30 ticks between commands: the cluster idles longer than an election timeout,
            // so only heartbeats (and timers reset by them) keep the first leader in office
            new Setting("3 servers, idle client, no faults", 3, 40, true, b -> b.clients(1).thinkTicks(30)),
            new Setting("3 servers, check-quorum, idle client, no faults", 3, 40, true,
                    b -> b.clients(1).thinkTicks(30).checkQuorum(true)),
            new Setting("5 servers, pre-vote, check-quorum, idle client, no faults", 5, 40, true,
                    b -> b.clients(1).thinkTicks(30).preVote(true).checkQuorum(true)),
            // a server's own vote is a majority, and it has no peer to replicate to
            new Setting("1 server, every fault", 1, 40, b -> b),
            new Setting("1 server, pre-vote, no faults", 1, 40, true, b -> b.preVote(true)),
            // a leader cut off from everyone for longer than two election timeouts must step down (CheckQuorum)
            new Setting("3 servers, check-quorum, leader isolated, one key", 3, 150, false, true,
                    b -> b.checkQuorum(true).keys(1)));

    /**
     * Fault-free runs answer every command issued while a leader is in office within this many ticks (rounded up):
     * the correct core needs at most 3 (a client's request, maybe a redirection, one AppendEntries or read-index
     * round, the answer; measured over seeds 1 to 12 of every steady setting). A leader that leaves new entries for
     * the next heartbeat (every 3 ticks), or a command left to the client's time-out (15 ticks), exceeds it.
     */
    static final int STEADY_COMMAND_BUDGET_TICKS = 3;

    static List<Run> runs() {
        List<Run> all = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            for (Setting s : SETTINGS) {
                all.add(new Run(s, seed));
            }
        }
        return all;
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void everyCheckerPasses(Run run) throws Exception {
        SimConfig cfg = run.setting.options.apply(SimConfig.builder().seed(run.seed).nodes(run.setting.nodes)
                .trace(true).bugs(Bugs.NONE)).build();
        SimResult r = new Simulator(cfg, run.setting.schedule(cfg)).run();
        assertThat(r.passed()).as("%s: %s", run, r.summary()).isTrue();
        if (run.setting.steady) {
            assertThat(r.leaders()).as("%s: terms with a leader in a run without faults", run).isEqualTo(1);
            assertThat(r.liveness().slowestCommand()).as("%s: slowest command in ticks, in a run without faults", run)
                    .isLessThanOrEqualTo(STEADY_COMMAND_BUDGET_TICKS);
        }
        Path trace = dir.resolve("run.ndjson");
        NdjsonTraceWriter.writeAtomically(r.trace(), trace);
        TraceResult t = TraceValidator.validate(Specs.raft(), trace);
        assertThat(t.verdict()).as("%s: %s", run, TraceReport.text(t)).isEqualTo(Verdict.MATCH);
    }
}
