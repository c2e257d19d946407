package dev.dsverify.raft.sim;

import java.util.EnumSet;
import java.util.Locale;

/** Kinds of trouble the simulator can cause; the CLI names them in lower case. */
public enum FaultType {
    /** Some messages take far longer than usual. */
    DELAY,
    /** Messages are lost. */
    DROP,
    /** Messages are delivered twice. */
    DUP,
    /** Messages on one link overtake each other (without it each link is FIFO). */
    REORDER,
    /** Links are cut, both ways (symmetric) or one way (asymmetric), then healed. */
    PARTITION,
    /** A server loses its memory and restarts from its storage. */
    CRASH,
    /** A server stops taking steps for a while, then continues as if nothing happened. */
    PAUSE,
    /** Servers' clocks run at different rates. */
    SKEW,
    /**
     * A server crashes in the middle of persisting a Ready: the write is done but not synced and nothing of
     * the batch was sent, so recovery sees a lost or torn WAL tail. The trace has already recorded the lost
     * steps, which the spec's Restart cannot undo: runs with this fault cannot be traced, and {@code all}
     * leaves it out.
     */
    TORN;

    /** Every kind a trace can describe: all but {@link #TORN}. What {@code all} means. */
    public static final java.util.Set<FaultType> TRACEABLE =
            java.util.Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(TORN)));

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnumSet<FaultType> parse(String csv) {
        EnumSet<FaultType> set = EnumSet.noneOf(FaultType.class);
        if (csv == null || csv.isBlank() || csv.equals("none")) {
            return set;
        }
        for (String raw : csv.split(",")) {
            String n = raw.trim().toLowerCase(Locale.ROOT);
            if (n.equals("all")) {
                set.addAll(TRACEABLE);
                continue;
            }
            FaultType found = null;
            for (FaultType t : values()) {
                if (t.cliName().equals(n)) {
                    found = t;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown fault '" + raw.trim() + "'; expected any of "
                        + "delay,drop,dup,reorder,partition,crash,pause,skew,torn or all");
            }
            set.add(found);
        }
        return set;
    }
}
