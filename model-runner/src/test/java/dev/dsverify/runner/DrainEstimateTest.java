package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrainEstimateTest {

    private static Progress at(long seconds, long queue) {
        return new Progress(10, 0, 0, queue, 0, 0, Duration.ofSeconds(seconds));
    }

    @Test
    void no_estimate_before_two_reports_or_while_the_queue_grows() {
        DrainEstimate e = new DrainEstimate();
        assertThat(e.remaining()).isEmpty();
        e.update(at(60, 1_000));
        assertThat(e.remaining()).isEmpty();
        e.update(at(120, 5_000));
        assertThat(e.describe()).isEmpty();
    }

    @Test
    void a_draining_queue_is_emptied_at_the_last_rate() {
        DrainEstimate e = new DrainEstimate();
        e.update(at(60, 900_000));
        e.update(at(120, 600_000)); // 300,000 a minute: two more minutes
        assertThat(e.remaining()).contains(Duration.ofMinutes(2));
        assertThat(e.describe()).contains("about 2 min left");
        e.update(at(180, 590_000)); // the rate fell: 59 more minutes
        assertThat(e.remaining()).contains(Duration.ofMinutes(59));
        e.update(at(240, 700_000)); // a deeper level widened: no estimate again
        assertThat(e.remaining()).isEmpty();
    }

    @Test
    void an_empty_queue_or_a_clock_that_did_not_move_gives_no_estimate() {
        DrainEstimate e = new DrainEstimate();
        e.update(at(60, 100));
        e.update(at(60, 50));
        assertThat(e.remaining()).isEmpty();
        e.update(at(120, 0));
        assertThat(e.remaining()).isEmpty();
    }

    @Test
    void descriptions_read_naturally() {
        assertThat(DrainEstimate.describe(Duration.ofSeconds(0))).isEqualTo("about 1 s left");
        assertThat(DrainEstimate.describe(Duration.ofSeconds(45))).isEqualTo("about 45 s left");
        assertThat(DrainEstimate.describe(Duration.ofSeconds(61))).isEqualTo("about 2 min left");
        assertThat(DrainEstimate.describe(Duration.ofMinutes(125))).isEqualTo("about 2 h 05 min left");
    }
}
