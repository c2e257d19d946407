package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveProgressTest {

    private static Progress at(long seconds, long distinct, long queue) {
        return new Progress(30, distinct * 3, distinct, queue, distinct * 3, distinct, Duration.ofSeconds(seconds));
    }

    @Test
    void the_line_shows_counts_and_once_the_queue_drains_the_time_left() {
        try (LiveProgress p = new LiveProgress(new PrintWriter(new StringWriter()), "MCRaftFull", false)) {
            assertThat(p.line(Duration.ofSeconds(5).toNanos()))
                    .isEqualTo("[MCRaftFull] 00:00:05 running (TLC reports state counts once a minute)");
            p.progress(at(60, 1_000_000, 400_000));
            assertThat(p.line(Duration.ofSeconds(70).toNanos()))
                    .isEqualTo("[MCRaftFull] 00:01:10  1,000,000 distinct states (1,000,000/min), 400,000 on queue,"
                            + " depth 30");
            p.progress(at(120, 1_500_000, 300_000));
            assertThat(p.line(Duration.ofSeconds(125).toNanos())).endsWith("300,000 on queue, depth 30, about 3 min left");
        }
    }
}
