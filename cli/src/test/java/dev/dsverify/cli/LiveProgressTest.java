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
    void the_line_shows_counts_their_age_a_real_rate_and_once_the_queue_drains_the_time_left() {
        try (LiveProgress p = new LiveProgress(new PrintWriter(new StringWriter()), "MCRaftFull", false)) {
            assertThat(p.line(Duration.ofSeconds(5).toNanos()))
                    .isEqualTo("[MCRaftFull] 0:05 | running; TLC reports state counts about once a minute");
            p.progressAt(at(5, 9_682, 400_000), Duration.ofSeconds(5).toNanos());
            // One report: no rate yet (TLC's per-minute figure covers only its first seconds), and the line
            // says how old its counts are instead of repeating them as if current.
            assertThat(p.line(Duration.ofSeconds(48).toNanos()))
                    .isEqualTo("[MCRaftFull] 0:48 | 9,682 distinct states | 400,000 on queue | depth 30"
                            + " | counts from 43 s ago");
            p.progressAt(at(65, 1_009_682, 300_000), Duration.ofSeconds(65).toNanos());
            assertThat(p.line(Duration.ofSeconds(66).toNanos()))
                    .isEqualTo("[MCRaftFull] 1:06 | 1,009,682 distinct states (16,666/s) | 300,000 on queue | depth 30"
                            + " | about 3 min left");
        }
    }
}
