package dev.dsverify.raft.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.core.AppendEntriesRequest;
import dev.dsverify.raft.core.AppendEntriesResponse;
import dev.dsverify.raft.core.Entry;
import dev.dsverify.raft.core.InstallSnapshotRequest;
import dev.dsverify.raft.core.InstallSnapshotResponse;
import dev.dsverify.raft.core.Message;
import dev.dsverify.raft.core.PreVoteRequest;
import dev.dsverify.raft.core.PreVoteResponse;
import dev.dsverify.raft.core.RequestVoteRequest;
import dev.dsverify.raft.core.RequestVoteResponse;
import dev.dsverify.raft.core.Snapshot;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    static List<Message> samples() {
        return List.of(
                new RequestVoteRequest("n1", "n2", 3, 41, 2, 17),
                new RequestVoteResponse("n2", "n1", 3, 44, true),
                new RequestVoteResponse("n2", "n1", 3, 44, false),
                new AppendEntriesRequest("n1", "n3", 5, 1L << 62, 9, 4,
                        List.of(Entry.of(5, ""), Entry.of(5, "put 2:c1 7 1:x 3:v12"), Entry.of(5, "ünïcødé ✓")), 8, 77),
                new AppendEntriesRequest("n1", "n3", 5, 1, 0, 0, List.of(), 0, 0),
                new AppendEntriesResponse("n3", "n1", 5, 102, true, 12, 77),
                new AppendEntriesResponse("n3", "n1", 6, 103, false, 0, 0),
                new PreVoteRequest("n2", "n1", 7, 5, 6, 30),
                new PreVoteResponse("n1", "n2", 7, 6, true));
    }

    @Test
    void everyMessageTypeRoundTripsWithItsLamportClock() throws Exception {
        for (Message m : samples()) {
            Message back = MessageCodec.decode(MessageCodec.encode(m));
            assertThat(back).isEqualTo(m);
            assertThat(back.clock()).isEqualTo(m.clock());
        }
    }

    @Test
    void snapshotMessagesRoundTrip() throws Exception {
        Snapshot snap = new Snapshot(120, 4, new byte[] {1, 2, 3, 0, -1});
        InstallSnapshotRequest q = (InstallSnapshotRequest) MessageCodec.decode(
                MessageCodec.encode(new InstallSnapshotRequest("n1", "n2", 6, 300, snap, 9)));
        assertThat(List.of(q.from(), q.to())).containsExactly("n1", "n2");
        assertThat(List.of(q.term(), q.clock(), q.round())).containsExactly(6L, 300L, 9L);
        assertThat(List.of(q.snapshot().index(), q.snapshot().term())).containsExactly(120L, 4L);
        assertThat(q.snapshot().data()).containsExactly(1, 2, 3, 0, -1);
        Message r = new InstallSnapshotResponse("n2", "n1", 6, 302, true, 120, 9);
        assertThat(MessageCodec.decode(MessageCodec.encode(r))).isEqualTo(r);
        byte[] full = MessageCodec.encode(new InstallSnapshotRequest("n1", "n2", 6, 300, snap, 9));
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            assertThatThrownBy(() -> MessageCodec.decode(cut)).isInstanceOf(BadFrameException.class);
        }
    }

    @Test
    void everyTruncationIsRejectedNotMisread() {
        for (Message m : samples()) {
            byte[] full = MessageCodec.encode(m);
            for (int len = 0; len < full.length; len++) {
                byte[] cut = Arrays.copyOf(full, len);
                assertThatThrownBy(() -> MessageCodec.decode(cut)).isInstanceOf(BadFrameException.class);
            }
        }
    }

    @Test
    void trailingBytesUnknownTagsAndImpossibleCountsAreRejected() {
        byte[] ok = MessageCodec.encode(samples().get(0));
        byte[] longer = Arrays.copyOf(ok, ok.length + 1);
        assertThatThrownBy(() -> MessageCodec.decode(longer)).hasMessageContaining("trailing");
        byte[] badTag = ok.clone();
        badTag[0] = 42;
        assertThatThrownBy(() -> MessageCodec.decode(badTag)).hasMessageContaining("tag 42");

        byte[] ae = MessageCodec.encode(new AppendEntriesRequest("a", "b", 1, 1, 0, 0, List.of(), 0, 0));
        // entry count sits after tag(1) from(4+1) to(4+1) term(8) clock(8) prevIndex(8) prevTerm(8)
        int countAt = 1 + 5 + 5 + 8 + 8 + 8 + 8;
        ae[countAt] = 0x7f;
        assertThatThrownBy(() -> MessageCodec.decode(ae)).hasMessageContaining("entries");
        byte[] badBool = MessageCodec.encode(new RequestVoteResponse("a", "b", 1, 1, true));
        badBool[badBool.length - 1] = 2;
        assertThatThrownBy(() -> MessageCodec.decode(badBool)).hasMessageContaining("voteGranted");
    }

    /** One message per numeric field, that field set to {@code v}, and the field's name. */
    private static List<Object[]> withField(long v) {
        return List.of(
                new Object[] {"term", new RequestVoteResponse("n2", "n1", v, 1, true)},
                new Object[] {"clock", new RequestVoteResponse("n2", "n1", 1, v, true)},
                new Object[] {"lastLogIndex", new RequestVoteRequest("n1", "n2", 3, 1, 2, v)},
                new Object[] {"lastLogIndex", new PreVoteRequest("n1", "n2", 3, 1, 2, v)},
                new Object[] {"prevLogIndex", new AppendEntriesRequest("n1", "n2", 3, 1, v, 1, List.of(), 0, 0)},
                new Object[] {"commitIndex", new AppendEntriesRequest("n1", "n2", 3, 1, 0, 0, List.of(), v, 0)},
                new Object[] {"round", new AppendEntriesRequest("n1", "n2", 3, 1, 0, 0, List.of(), 0, v)},
                new Object[] {"matchIndex", new AppendEntriesResponse("n2", "n1", 3, 1, true, v, 0)},
                new Object[] {"round", new AppendEntriesResponse("n2", "n1", 3, 1, true, 0, v)},
                new Object[] {"snapshot.index",
                        new InstallSnapshotRequest("n1", "n2", 3, 1, new Snapshot(v, 1, new byte[0]), 0)},
                new Object[] {"matchIndex", new InstallSnapshotResponse("n2", "n1", 3, 1, true, v, 0)});
    }

    @Test
    void termsIndexesRoundsAndClocksOutsideZeroTo2Pow62AreRefusedNamingTheField() throws Exception {
        for (long bad : new long[] {Long.MAX_VALUE, (1L << 62) + 1, -1, Long.MIN_VALUE}) {
            for (Object[] c : withField(bad)) {
                byte[] wire = MessageCodec.encode((Message) c[1]);
                assertThatThrownBy(() -> MessageCodec.decode(wire)).as(c[0] + " = " + bad)
                        .isInstanceOf(BadFrameException.class)
                        .hasMessageContaining("field " + c[0] + ": " + bad + " outside [0, ");
            }
        }
        for (Object[] c : withField(1L << 62)) { // the bound itself is accepted
            byte[] wire = MessageCodec.encode((Message) c[1]);
            assertThat(MessageCodec.encode(MessageCodec.decode(wire))).isEqualTo(wire);
        }
    }

    @Test
    void theForgedHugeTermIsRefused() {
        byte[] forged = MessageCodec.encode(new RequestVoteRequest("n2", "n1", Long.MAX_VALUE, 1, 0, 0));
        assertThatThrownBy(() -> MessageCodec.decode(forged)).isInstanceOf(BadFrameException.class)
                .hasMessage("field term: 9223372036854775807 outside [0, 2^62]");
    }

    @Test
    void logTermsAboveTheMessageTermAreRefused() {
        List<Object[]> cases = List.of(
                new Object[] {"lastLogTerm", new RequestVoteRequest("n1", "n2", 3, 1, 4, 9)},
                new Object[] {"lastLogTerm", new PreVoteRequest("n1", "n2", 3, 1, 4, 9)},
                new Object[] {"prevLogTerm", new AppendEntriesRequest("n1", "n2", 3, 1, 5, 4, List.of(), 0, 0)},
                new Object[] {"entries[1].term", new AppendEntriesRequest("n1", "n2", 3, 1, 0, 0,
                        List.of(Entry.of(3, "a"), Entry.of(4, "b")), 0, 0)},
                new Object[] {"snapshot.term",
                        new InstallSnapshotRequest("n1", "n2", 3, 1, new Snapshot(5, 4, new byte[0]), 0)});
        for (Object[] c : cases) {
            byte[] wire = MessageCodec.encode((Message) c[1]);
            assertThatThrownBy(() -> MessageCodec.decode(wire)).as((String) c[0])
                    .hasMessageContaining("field " + c[0] + ": 4 outside [0, term]");
        }
    }

    @Test
    void anIndexPlusItsEntryCountMustStayWithinTheBound() {
        byte[] wire = MessageCodec.encode(new AppendEntriesRequest("n1", "n2", 3, 1, 1L << 62, 1,
                List.of(Entry.of(3, "a")), 0, 0));
        assertThatThrownBy(() -> MessageCodec.decode(wire)).hasMessageContaining("exceeds 2^62");
    }

    @Test
    void emptyAndOverlongServerIdsAreRefused() {
        byte[] empty = MessageCodec.encode(new RequestVoteResponse("", "n1", 1, 1, true));
        assertThatThrownBy(() -> MessageCodec.decode(empty)).hasMessageContaining("field from");
        byte[] longId = MessageCodec.encode(new RequestVoteResponse("n1", "x".repeat(256), 1, 1, true));
        assertThatThrownBy(() -> MessageCodec.decode(longId)).hasMessageContaining("field to");
    }
}
