package dev.dsverify.raft.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link Schedule} as one line a shell takes without quoting, so that a shrunk schedule (which no seed
 * generates) can be printed and run again: {@code dsverify simulate --seed S --schedule TEXT}. Parts are separated
 * by {@code /}:
 *
 * <pre>
 * ops=3/types=delay.drop/crash:n2:120000:340000/tcrash:n1:5000:9000/pause:n3:0:750000/part:0:900:n1-n2.n2-n1/skew:n1:0.93
 * </pre>
 *
 * {@code types} are the active fault kinds ({@code none} for none); times are simulated microseconds; {@code tcrash}
 * is a crash between a write and its fsync, {@code pcrash} one after persisting and before sending, {@code scrash}
 * one after sending and before applying ({@link CrashPoint}); a partition lists the directed links it cuts ({@code a-b}: a's messages to b
 * are lost); a skew's rate is written exactly ({@link Double#toString}).
 * A swarm run's schedule also has {@code net:DROP:DUP:SLOW:SLOWMAX} (its message fault rates and the longest
 * extra delay) and {@code lpart:AT:UNTIL} (a partition isolating whoever leads at AT).
 */
public final class ScheduleText {
    private ScheduleText() {
    }

    public static String encode(Schedule s) {
        StringBuilder sb = new StringBuilder("ops=").append(s.ops()).append("/types=");
        List<String> kinds = new ArrayList<>();
        for (FaultType t : s.types()) {
            kinds.add(t.cliName());
        }
        sb.append(kinds.isEmpty() ? "none" : String.join(".", kinds));
        for (Fault f : s.faults()) {
            sb.append('/');
            if (f instanceof Fault.Crash c) {
                sb.append(c.point().text()).append(':').append(c.node()).append(':').append(c.at()).append(':')
                        .append(c.restartAt());
            } else if (f instanceof Fault.Pause p) {
                sb.append("pause:").append(p.node()).append(':').append(p.at()).append(':').append(p.until());
            } else if (f instanceof Fault.Partition p) {
                sb.append("part:").append(p.at()).append(':').append(p.until()).append(':')
                        .append(String.join(".", p.cut().stream().map(l -> l.replace('>', '-')).sorted().toList()));
            } else if (f instanceof Fault.Skew k) {
                sb.append("skew:").append(k.node()).append(':').append(k.rate());
            } else if (f instanceof Fault.Network n) {
                sb.append("net:").append(n.drop()).append(':').append(n.dup()).append(':').append(n.slow())
                        .append(':').append(n.slowMax());
            } else if (f instanceof Fault.IsolateLeader l) {
                sb.append("lpart:").append(l.at()).append(':').append(l.until());
            } else {
                throw new IllegalStateException("no text form for " + f);
            }
        }
        return sb.toString();
    }

    /** The schedule {@code text} describes, for a cluster of {@code nodes} servers. */
    public static Schedule decode(String text, int nodes) {
        List<String> ids = SimConfig.nodeIds(nodes);
        String[] parts = text.trim().split("/", -1);
        if (parts.length < 2 || !parts[0].startsWith("ops=") || !parts[1].startsWith("types=")) {
            throw new IllegalArgumentException("a schedule starts ops=N/types=KINDS, got '" + abbreviate(text) + "'");
        }
        int ops = (int) number(parts[0].substring(4), 1, "ops");
        String kinds = parts[1].substring(6);
        EnumSet<FaultType> types = kinds.equals("none") ? EnumSet.noneOf(FaultType.class)
                : FaultType.parse(kinds.replace('.', ','));
        List<Fault> faults = new ArrayList<>();
        for (int k = 2; k < parts.length; k++) {
            faults.add(fault(parts[k], k + 1, ids));
        }
        return new Schedule(ops, types, faults);
    }

    private static Fault fault(String part, int position, List<String> ids) {
        String[] f = part.split(":", -1);
        String where = "part " + position + " '" + abbreviate(part) + "'";
        switch (f[0]) {
            case "crash", "tcrash", "pcrash", "scrash" -> {
                arity(f, 4, where);
                long at = number(f[2], 0, where);
                return new Fault.Crash(node(f[1], ids, where), at, atLeast(number(f[3], 0, where), at, where),
                        CrashPoint.ofText(f[0]));
            }
            case "pause" -> {
                arity(f, 4, where);
                long at = number(f[2], 0, where);
                return new Fault.Pause(node(f[1], ids, where), at, atLeast(number(f[3], 0, where), at, where));
            }
            case "part" -> {
                arity(f, 4, where);
                long at = number(f[1], 0, where);
                long until = atLeast(number(f[2], 0, where), at, where);
                Set<String> cut = new TreeSet<>();
                for (String link : f[3].split("\\.")) {
                    String[] ends = link.split("-", -1);
                    if (ends.length != 2) {
                        throw new IllegalArgumentException(where + ": a cut link is FROM-TO, got '" + link + "'");
                    }
                    cut.add(node(ends[0], ids, where) + ">" + node(ends[1], ids, where));
                }
                return new Fault.Partition(at, until, cut, shape(cut));
            }
            case "skew" -> {
                arity(f, 3, where);
                double rate;
                try {
                    rate = Double.parseDouble(f[2]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": rate '" + f[2] + "' is not a number");
                }
                if (!(rate > 0) || Double.isInfinite(rate)) {
                    throw new IllegalArgumentException(where + ": rate must be positive, got " + f[2]);
                }
                return new Fault.Skew(node(f[1], ids, where), rate);
            }
            case "net" -> {
                arity(f, 5, where);
                try {
                    return new Fault.Network(rate(f[1], where), rate(f[2], where), rate(f[3], where),
                            number(f[4], 0, where));
                } catch (IllegalArgumentException e) {
                    throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage());
                }
            }
            case "lpart" -> {
                arity(f, 3, where);
                long at = number(f[1], 0, where);
                return new Fault.IsolateLeader(at, atLeast(number(f[2], 0, where), at, where));
            }
            default -> throw new IllegalArgumentException(where + ": unknown fault '" + f[0]
                    + "' (crash, tcrash, pcrash, scrash, pause, part, skew, net, lpart)");
        }
    }

    /** How a decoded partition is shown: one cut link, or the two sides of a symmetric cut. */
    private static String shape(Set<String> cut) {
        if (cut.size() == 1) {
            String[] ends = cut.iterator().next().split(">");
            return ends[0] + " -/-> " + ends[1];
        }
        Set<String> from = new TreeSet<>();
        Set<String> to = new TreeSet<>();
        for (String link : cut) {
            String[] ends = link.split(">");
            from.add(ends[0]);
            to.add(ends[1]);
        }
        String first = from.iterator().next();
        Set<String> side = new TreeSet<>();
        for (String link : cut) {
            String[] ends = link.split(">");
            if (ends[1].equals(first)) {
                side.add(ends[0]);
            }
        }
        Set<String> other = new TreeSet<>(from);
        other.addAll(to);
        other.removeAll(side);
        return side.isEmpty() ? "cut " + String.join(",", cut) : other + " | " + side;
    }

    private static double rate(String s, String where) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": rate '" + s + "' is not a number");
        }
    }

    private static void arity(String[] f, int n, String where) {
        if (f.length != n) {
            throw new IllegalArgumentException(where + ": expected " + (n - 1) + " fields after '" + f[0] + "', got "
                    + (f.length - 1));
        }
    }

    private static String node(String id, List<String> ids, String where) {
        if (!ids.contains(id)) {
            throw new IllegalArgumentException(where + ": no server '" + id + "' in a cluster of " + ids);
        }
        return id;
    }

    private static long number(String s, long min, String where) {
        try {
            long v = Long.parseLong(s);
            if (v < min) {
                throw new IllegalArgumentException(where + ": " + s + " is below " + min);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + s + "' is not a whole number");
        }
    }

    private static long atLeast(long v, long min, String where) {
        if (v < min) {
            throw new IllegalArgumentException(where + ": ends at " + v + ", before it starts at " + min);
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
