package dev.dsverify.runner;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Estimates how long a breadth-first search still runs, from how fast its queue of unexplored states
 * shrank between the last two progress reports. TLC cannot know the size of a state space in advance, so
 * while the queue grows there is no estimate; once the search is past its widest level the queue drains,
 * and the time to empty it at the last observed rate is a usable guess (optimistic at first: a draining
 * queue can still grow again when a deeper level widens).
 */
public final class DrainEstimate {
    private Progress previous;
    private Duration remaining;

    /** Takes the next progress report of the same check. */
    public synchronized void update(Progress p) {
        Progress before = previous;
        previous = p;
        remaining = null;
        if (before == null || p.elapsed() == null || before.elapsed() == null) {
            return;
        }
        long millis = p.elapsed().toMillis() - before.elapsed().toMillis();
        long drained = before.queue() - p.queue();
        if (millis <= 0 || drained <= 0 || p.queue() <= 0) {
            return;
        }
        remaining = Duration.ofMillis((long) Math.ceil((double) p.queue() * millis / drained));
    }

    /** The time left at the last drain rate; empty while the queue grows or before two reports. */
    public synchronized Optional<Duration> remaining() {
        return Optional.ofNullable(remaining);
    }

    /** The estimate as people read it ({@code "about 4 min left"}), or empty when there is none. */
    public Optional<String> describe() {
        return remaining().map(DrainEstimate::describe);
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return "about " + Math.max(1, s) + " s left";
        }
        long minutes = (s + 59) / 60;
        if (minutes < 60) {
            return "about " + minutes + " min left";
        }
        return String.format(Locale.ROOT, "about %d h %02d min left", minutes / 60, minutes % 60);
    }
}
