package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private static Progress progress(long distinct, long queue, long seconds) {
        return new Progress(12, distinct * 3, distinct, queue, distinct * 3 * 60 / Math.max(1, seconds),
                distinct * 60 / Math.max(1, seconds), Duration.ofSeconds(seconds));
    }

    @Test
    void on_a_terminal_one_line_is_rewritten_in_place() {
        ConsoleProgress p = new ConsoleProgress(out, "Raft", true, Duration.ofSeconds(30), clock::get);
        p.progress(progress(1_000_000, 52_000, 100));
        p.progress(progress(5, 0, 1));
        p.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[Raft] 1:40 | 1,000,000 distinct states | 52,000 on queue | depth 12");
        String second = text.substring(text.lastIndexOf('\r') + 1);
        assertThat(second).startsWith("[Raft] 0:01 | 5 distinct states |");
        // The shorter second line is padded over the first one, then the line is ended.
        assertThat(second.length()).isEqualTo(text.indexOf('\r', 1)); // first line plus the final newline
        assertThat(text).endsWith(" \n").doesNotContain("\n[");
    }

    @Test
    void in_ci_logs_plain_lines_are_printed_at_most_every_interval() {
        ConsoleProgress p = new ConsoleProgress(out, "Paxos", false, Duration.ofSeconds(30), clock::get);
        p.progress(progress(10, 1, 60));
        clock.set(Duration.ofSeconds(10).toNanos());
        p.progress(progress(20, 1, 70));
        clock.set(Duration.ofSeconds(31).toNanos());
        p.progress(progress(30, 1, 3_700));
        p.finish();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("[Paxos] 1:00 | 10 distinct states |").doesNotContain("\r");
        assertThat(lines[1]).startsWith("[Paxos] 1:01:40 | 30 distinct states (0/s)");
    }

    @Test
    void once_the_queue_drains_the_line_says_about_how_long_is_left() {
        ConsoleProgress p = new ConsoleProgress(out, "Raft", false, Duration.ofSeconds(30), clock::get);
        p.progress(progress(1_000, 900_000, 60));
        clock.set(Duration.ofSeconds(60).toNanos());
        p.progress(progress(2_000, 600_000, 120));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).startsWith("[Raft] 1:00 |").doesNotContain("left");
        assertThat(lines[1]).startsWith("[Raft] 2:00 | 2,000 distinct states (16/s)").endsWith("| about 2 min left");
    }
}
