package dev.dsverify.raft.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.raft.core.Entry;
import org.junit.jupiter.api.Test;

class KvStateMachineTest {
    private long index;
    private final KvStateMachine sm = new KvStateMachine();

    private KvStateMachine.Applied apply(String client, long seq, KvOp op) {
        return sm.apply(++index, new Entry(1, KvCodec.encode(new KvCommand(client, seq, op))));
    }

    @Test
    void codecRoundTripsAnyCharacters() {
        KvCommand c = new KvCommand("c 1:x", 9, new KvOp.Cas("k:2 ", "a b", "::"));
        assertThat(KvCodec.decode(KvCodec.encode(c))).isEqualTo(c);
        assertThat(new String(KvCodec.encode(new KvCommand("c1", 7, new KvOp.Put("x", "abc")))))
                .isEqualTo("put 2:c1 7 1:x 3:abc");
    }

    @Test
    void putGetDeleteAndCasFollowTheirSpecification() {
        assertThat(apply("c", 1, new KvOp.Put("x", "1")).result()).isEqualTo(new KvResult(true, "1"));
        assertThat(apply("c", 2, new KvOp.Cas("x", "0", "2")).result()).isEqualTo(new KvResult(false, "1"));
        assertThat(apply("c", 3, new KvOp.Cas("x", "1", "2")).result()).isEqualTo(new KvResult(true, "2"));
        assertThat(sm.read("x")).isEqualTo(new KvResult(true, "2"));
        assertThat(apply("c", 4, new KvOp.Delete("x")).result()).isEqualTo(new KvResult(true, "2"));
        assertThat(sm.read("x").value()).isNull();
    }

    @Test
    void aRetriedCommandIsAppliedExactlyOnceAndGetsTheCachedReply() {
        apply("c", 1, new KvOp.Put("x", "1"));
        KvStateMachine.Applied first = apply("c", 2, new KvOp.Cas("x", "1", "2"));
        apply("d", 1, new KvOp.Put("x", "1")); // another client resets the value
        KvStateMachine.Applied retry = apply("c", 2, new KvOp.Cas("x", "1", "2"));
        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.result()).isEqualTo(first.result());
        assertThat(sm.read("x").value()).isEqualTo("1"); // the retry did not swap again
        assertThat(sm.cached("c", 2)).isEqualTo(first.result());
    }

    @Test
    void aNoopChangesNothing() {
        assertThat(sm.apply(1, new Entry(1, new byte[0])).command()).isNull();
        assertThat(sm.appliedIndex()).isEqualTo(1);
    }
}
