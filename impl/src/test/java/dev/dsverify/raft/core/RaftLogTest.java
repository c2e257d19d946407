package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log owns its offsets: indexes across a snapshot, merging, truncation and what is stable. */
class RaftLogTest {

    private static List<Entry> entries(long term, String... values) {
        return java.util.Arrays.stream(values).map(v -> Entry.of(term, v)).toList();
    }

    @Test
    void indexesContinueAfterTheSnapshot() {
        RaftLog log = new RaftLog(new Snapshot(10, 2, new byte[0]), entries(3, "k", "l"));
        assertThat(log.lastIndex()).isEqualTo(12);
        assertThat(log.term(10)).isEqualTo(2);
        assertThat(log.term(12)).isEqualTo(3);
        assertThat(log.term(13)).isZero();
        assertThat(log.entry(11).value()).isEqualTo("k");
        assertThat(log.from(12)).extracting(Entry::value).containsExactly("l");
        assertThat(log.from(13)).isEmpty();
        assertThat(log.stableIndex()).isEqualTo(12);
        assertThatThrownBy(() -> log.term(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compacted into the snapshot at 10");
        assertThatThrownBy(() -> log.entry(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entries 11..12");
    }

    @Test
    void mergeKeepsMatchingEntriesAndReplacesFromTheFirstConflict() {
        RaftLog log = new RaftLog(null, entries(1, "a", "b", "c"));
        assertThat(log.merge(0, entries(1, "a", "b"))).as("a late duplicate changes nothing").isZero();
        assertThat(log.lastIndex()).isEqualTo(3);
        assertThat(log.unstableFrom()).isZero();
        assertThat(log.merge(1, entries(2, "x"))).isEqualTo(2);
        assertThat(log.lastIndex()).isEqualTo(2);
        assertThat(log.stableIndex()).as("the cut entries are no longer durable").isEqualTo(1);
        assertThat(log.unstableFrom()).isEqualTo(2);
        log.stableTo(2, entries(2, "x"), null);
        assertThat(log.stableIndex()).isEqualTo(2);
        assertThat(log.unstableFrom()).isZero();
    }

    @Test
    void compactionAndInstallMoveTheSnapshotPoint() {
        RaftLog log = new RaftLog(null, entries(1, "a", "b", "c"));
        log.compact(2, new byte[] {7});
        assertThat(log.snapshotIndex()).isEqualTo(2);
        assertThat(log.entries()).extracting(Entry::value).containsExactly("c");
        assertThat(log.term(2)).isEqualTo(1);
        Snapshot keepsSuffix = new Snapshot(3, 1, new byte[0]);
        log.merge(3, entries(1, "d"));
        log.install(keepsSuffix);
        assertThat(log.entries()).extracting(Entry::value).containsExactly("d");
        assertThat(log.unstableFrom()).as("the whole log after the snapshot is rewritten").isEqualTo(4);
        assertThat(log.pendingSnapshot()).isSameAs(keepsSuffix);
        log.install(new Snapshot(9, 4, new byte[0]));
        assertThat(log.entries()).isEmpty();
        assertThat(log.lastIndex()).isEqualTo(9);
    }

    @Test
    void stableCannotRunPastTheLog() {
        RaftLog log = new RaftLog(null, entries(1, "a"));
        assertThatThrownBy(() -> log.stableTo(1, entries(1, "a", "b"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stable index 2 beyond the last index 1");
    }

    @Test
    void appendedTermsNeverDecrease() {
        RaftLog log = new RaftLog(null, entries(3, "a"));
        assertThatThrownBy(() -> log.append(Entry.of(2, "b"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("log terms never decrease");
    }
}
