package dev.dsverify.raft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.Bugs;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.InstallSnapshotRequest;
import dev.dsverify.raft.core.InstallSnapshotResponse;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.PreVoteRequest;
import dev.dsverify.raft.core.PreVoteResponse;
import dev.dsverify.raft.core.RaftConfig;
import dev.dsverify.raft.core.RaftNode;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.core.RequestVoteResponse;
import dev.dsverify.raft.core.Snapshot;
import dev.dsverify.raft.trace.NdjsonTraceWriter;
import dev.dsverify.raft.trace.TraceEvent;
import dev.dsverify.raft.trace.Tracer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForgedMessagesTest {
    private static final List<String> SERVERS = List.of("n1", "n2", "n3");
    private static final EnumSet<FaultType> ALL = EnumSet.allOf(FaultType.class);

    /** One real-looking message of every type, from n2 to n1, all of term 1. */
    private static List<Message> oneOfEachType() {
        return List.of(
                RequestVoteRequest.builder().from("n2").to("n1").term(1).clock(5).lastLogTerm(1).lastLogIndex(2)
                        .build(),
                new RequestVoteResponse("n2", "n1", 1, 5, true),
                new PreVoteRequest("n2", "n1", 1, 5, 1, 2),
                new PreVoteResponse("n2", "n1", 1, 5, true),
                AppendEntriesRequest.builder().from("n2").to("n1").term(1).clock(5).prevLog(0, 0)
                        .entries(Entry.of(1, "a"), Entry.of(1, "b")).commitIndex(1).round(3).build(),
                AppendEntriesRequest.builder().from("n2").to("n1").term(1).clock(5).round(3).build(),
                AppendEntriesResponse.builder().from("n2").to("n1").term(1).clock(5).success(false).matchIndex(0)
                        .round(3).conflictIndex(1).conflictTerm(1).build(),
                new InstallSnapshotRequest("n2", "n1", 1, 5, new Snapshot(4, 1, new byte[] {1}), 3),
                new InstallSnapshotResponse("n2", "n1", 1, 5, true, 4, 3));
    }

    private record Server(RaftNode node, List<TraceEvent> lines, Tracer tracer) {
        static Server fresh() {
            List<TraceEvent> lines = new ArrayList<>();
            Tracer tracer = new Tracer("n1", lines::add);
            return new Server(RaftNode.start(new RaftConfig("n1", SERVERS, 10, 3, 1, Bugs.NONE, true, false), tracer),
                    lines, tracer);
        }

        Observed observed() {
            return Observed.of(node, tracer.clock(), 0, node.hasReady() ? 1 : 0, lines.size());
        }

        List<String> changesOf(Message m) {
            Observed before = observed();
            node.step(m);
            return before.changesTo(observed());
        }
    }

    @Test
    void everyForgeryOfEveryTypeIsRefusedWhileItsWellFormedTwinIsTakenIn() {
        for (Message real : oneOfEachType()) {
            List<Forgery> forged = Forgeries.of(real, "n1", 0, SERVERS);
            for (Forgery f : forged) {
                assertThat(Server.fresh().changesOf(f.message())).as("%s", f).isEmpty();
            }
            // the same copy without its flaw would make a difference: a refusal is what keeps each one out
            Message twin = Forgeries.copy(real, real.from(), "n1", 1, real.clock());
            assertThat(Server.fresh().changesOf(twin)).as("%s", twin).isNotEmpty();
        }
    }

    @Test
    void theForgeriesCoverEveryWayAMessageCanBeMalformed() {
        List<String> flaws = new ArrayList<>();
        for (Message real : oneOfEachType()) {
            for (Forgery f : Forgeries.of(real, "n1", 0, SERVERS)) {
                flaws.add(real.type() + ": " + f.flaw());
            }
        }
        assertThat(flaws).contains(
                "RequestVoteRequest: addressed to n3", "RequestVoteRequest: addressed to no server",
                "RequestVoteRequest: negative term", "RequestVoteRequest: term Long.MAX_VALUE",
                "RequestVoteRequest: negative clock", "RequestVoteRequest: clock Long.MAX_VALUE",
                "RequestVoteRequest: negative lastLogTerm", "RequestVoteRequest: negative lastLogIndex",
                "PreVoteRequest: negative lastLogTerm", "PreVoteRequest: negative lastLogIndex",
                "RequestVoteResponse: an answer from no server", "RequestVoteResponse: an answer from the receiver itself",
                "PreVoteResponse: an answer from no server", "AppendEntriesResponse: an answer from no server",
                "InstallSnapshotResponse: an answer from no server",
                "AppendEntriesRequest: negative prevLogIndex", "AppendEntriesRequest: negative prevLogTerm",
                "AppendEntriesRequest: negative commitIndex", "AppendEntriesRequest: negative round",
                "AppendEntriesRequest: log ending at Long.MAX_VALUE",
                "AppendEntriesRequest: log running past Long.MAX_VALUE",
                "AppendEntriesResponse: negative matchIndex", "AppendEntriesResponse: matchIndex Long.MAX_VALUE",
                "AppendEntriesResponse: negative round", "AppendEntriesResponse: negative conflictIndex",
                "AppendEntriesResponse: negative conflictTerm",
                "InstallSnapshotRequest: no snapshot", "InstallSnapshotRequest: negative snapshot index",
                "InstallSnapshotRequest: snapshot index Long.MAX_VALUE",
                "InstallSnapshotRequest: negative snapshot term", "InstallSnapshotRequest: negative round",
                "InstallSnapshotResponse: negative matchIndex", "InstallSnapshotResponse: matchIndex Long.MAX_VALUE",
                "InstallSnapshotResponse: negative round");
    }

    private static Simulator simulator(SimConfig cfg, int ops) {
        return new Simulator(cfg, FaultMix.draw(cfg.seed(), ALL, false).schedule(cfg.seed(), cfg.nodes(), ops));
    }

    private static List<String> lines(SimResult r) {
        return r.trace().stream().map(NdjsonTraceWriter::line).toList();
    }

    @Test
    void refusedForgeriesLeaveTheRunAsItWasBitForBit() {
        for (long seed = 1; seed <= 3; seed++) {
            SimConfig cfg = SimConfig.builder().seed(seed).trace(true).preVote(true).snapshotEvery(4).build();
            SimResult plain = simulator(cfg, 40).run();
            Simulator forging = simulator(cfg.toBuilder().forgeRate(0.2).build(), 40);
            SimResult forged = forging.run();
            assertThat(forged.passed()).as(forged.summary()).isTrue();
            assertThat(forging.forgeries()).as("seed %d", seed).isGreaterThan(100);
            assertThat(forged.summary()).isEqualTo(plain.summary());
            assertThat(forged.history()).isEqualTo(plain.history());
            assertThat(lines(forged)).isEqualTo(lines(plain));
        }
    }

    @Test
    void aServerThatTakesInAForgedMessageFailsTheRun() {
        // a forger whose copies are well formed: the servers rightly accept them, which is what the check must see
        Forger wellFormed = (real, receiver, term, servers) -> List.of(
                new Forgery("well formed", Forgeries.copy(real, real.from(), receiver, term + 1, real.clock())));
        SimConfig cfg = SimConfig.builder().seed(1).trace(true).forgeRate(0.05).build();
        SimResult r = simulator(cfg, 40).withForger(wellFormed).run();
        assertThat(r.passed()).isFalse();
        assertThat(r.property()).isEqualTo("ForgedMessageRefused");
        assertThat(r.failure()).contains("accepted a forged", "(well formed)", "term: ");
    }

    @Test
    void theForgeRateIsAProbability() {
        assertThatThrownBy(() -> SimConfig.builder().forgeRate(1.5).build()).hasMessageContaining("forgeRate");
        assertThatThrownBy(() -> SimConfig.builder().forgeRate(Double.NaN).build()).hasMessageContaining("forgeRate");
    }
}
