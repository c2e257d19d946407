package dev.dsverify.raft.lin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {
    private final List<Operation> h = new ArrayList<>();

    private void op(String client, KvOp op, long invoke, long ret, KvResult result) {
        h.add(new Operation(h.size(), client, op, invoke, ret, result));
    }

    private static KvResult ok(String v) {
        return new KvResult(true, v);
    }

    private LinResult check() {
        return new LinearizabilityChecker().check(h);
    }

    @Test
    void sequentialHistoryIsLinearizable() {
        op("a", new KvOp.Put("x", "1"), 1, 2, ok("1"));
        op("b", new KvOp.Get("x"), 3, 4, ok("1"));
        op("a", new KvOp.Cas("x", "1", "2"), 5, 6, ok("2"));
        op("b", new KvOp.Delete("x"), 7, 8, ok("2"));
        op("a", new KvOp.Get("x"), 9, 10, ok(null));
        assertThat(check().status()).isEqualTo(LinResult.Status.LINEARIZABLE);
    }

    @Test
    void concurrentReadMaySeeEitherValue() {
        op("a", new KvOp.Put("x", "1"), 1, 10, ok("1"));
        op("b", new KvOp.Get("x"), 2, 3, ok("1"));   // the put took effect before the read
        op("c", new KvOp.Get("x"), 4, 5, ok("1"));
        assertThat(check().ok()).isTrue();
    }

    @Test
    void aStaleReadAfterAWriteCompletedIsAViolation() {
        op("a", new KvOp.Put("x", "1"), 1, 2, ok("1"));
        op("a", new KvOp.Put("x", "2"), 3, 4, ok("2"));
        op("b", new KvOp.Get("x"), 5, 6, ok("1"));
        LinResult r = check();
        assertThat(r.status()).isEqualTo(LinResult.Status.VIOLATION);
        assertThat(r.key()).isEqualTo("x");
    }

    @Test
    void readsThatGoBackInTimeAreAViolation() {
        op("a", new KvOp.Put("x", "1"), 1, 100, ok("1"));
        op("b", new KvOp.Get("x"), 2, 3, ok("1"));
        op("c", new KvOp.Get("x"), 4, 5, ok(null)); // after b saw the write, c cannot miss it
        assertThat(check().status()).isEqualTo(LinResult.Status.VIOLATION);
    }

    @Test
    void aCasAppliedTwiceIsAViolation() {
        op("a", new KvOp.Put("x", "1"), 1, 2, ok("1"));
        op("b", new KvOp.Cas("x", "1", "2"), 3, 4, ok("2"));
        op("c", new KvOp.Cas("x", "1", "3"), 5, 6, ok("3"));
        assertThat(check().status()).isEqualTo(LinResult.Status.VIOLATION);
    }

    @Test
    void anUnansweredWriteMayOrMayNotHaveHappened() {
        op("a", new KvOp.Put("x", "1"), 1, 2, ok("1"));
        h.add(Operation.pending(h.size(), "b", new KvOp.Put("x", "2"), 3));
        op("c", new KvOp.Get("x"), 4, 5, ok("2"));
        op("c", new KvOp.Get("x"), 6, 7, ok("2"));
        assertThat(check().ok()).isTrue();
        h.clear();
        op("a", new KvOp.Put("x", "1"), 1, 2, ok("1"));
        h.add(Operation.pending(h.size(), "b", new KvOp.Put("x", "2"), 3));
        op("c", new KvOp.Get("x"), 4, 5, ok("1"));
        assertThat(check().ok()).isTrue();
        op("c", new KvOp.Get("x"), 6, 7, ok("2"));
        op("c", new KvOp.Get("x"), 8, 9, ok("1")); // once seen, the write cannot be undone
        assertThat(check().status()).isEqualTo(LinResult.Status.VIOLATION);
    }

    @Test
    void keysAreCheckedIndependently() {
        op("a", new KvOp.Put("x", "1"), 1, 2, ok("1"));
        op("b", new KvOp.Put("y", "1"), 1, 2, ok("1"));
        op("a", new KvOp.Get("y"), 3, 4, ok("1"));
        op("b", new KvOp.Get("x"), 3, 4, ok("2"));
        assertThat(check().key()).isEqualTo("x");
    }

    @Test
    void aSearchCutShortIsUnknownNotAPass() {
        // Many concurrent writes followed by a read nobody wrote: the search must explore widely and give up.
        for (int i = 0; i < 14; i++) {
            op("c" + i, new KvOp.Put("x", "v" + i), 1, 100, ok("v" + i));
        }
        op("r", new KvOp.Get("x"), 200, 201, ok("nobody"));
        LinResult r = new LinearizabilityChecker(1000).check(h);
        assertThat(r.status()).isEqualTo(LinResult.Status.UNKNOWN);
        assertThat(r.ok()).isFalse();
        assertThat(new LinearizabilityChecker().check(h).status()).isEqualTo(LinResult.Status.VIOLATION);
    }

    /** A long history (a long simulated run) is decided, not ended by the search's recursion overflowing the stack. */
    @Test
    void aLongSequentialHistoryIsDecided() {
        for (int i = 0; i < 60_000; i++) {
            op(i % 2 == 0 ? "a" : "b", new KvOp.Put("x", "v" + i), 2L * i, 2L * i + 1, ok("v" + i));
        }
        LinResult r = check();
        assertThat(r.status()).as(r.detail()).isEqualTo(LinResult.Status.LINEARIZABLE);
        op("a", new KvOp.Get("x"), 200_000, 200_001, ok("v7"));
        assertThat(check().status()).isEqualTo(LinResult.Status.VIOLATION);
    }
}
