package dev.dsverify.raft.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void delaysDoubleUpToTheCapWithBoundedJitterAndResetAfterSuccess() {
        Backoff b = new Backoff(10, 100, new Random(1));
        long[] bases = {10, 20, 40, 80, 100, 100, 100};
        for (long base : bases) {
            long d = b.nextDelayMillis();
            assertThat(d).isBetween(base, base + base / 5);
        }
        b.reset();
        assertThat(b.nextDelayMillis()).isBetween(10L, 12L);
    }
}
