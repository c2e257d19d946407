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
    SKEW;

    // Crashes inside steps are not a kind here but SimConfig.tornWrites (CLI "torn"), drawn as CrashPoints.

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
                set.addAll(EnumSet.allOf(FaultType.class));
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
                        + "delay,drop,dup,reorder,partition,crash,pause,skew or all");
            }
            set.add(found);
        }
        return set;
    }
}
