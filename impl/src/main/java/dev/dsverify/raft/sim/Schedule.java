package dev.dsverify.raft.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run does besides the protocol itself: how many client operations, which kinds of message faults
 * are active, and the timed node and link faults. Generated from the seed, then shrunk by removing parts.
 */
public record Schedule(int ops, EnumSet<FaultType> types, List<Fault> faults) {
    public Schedule {
        types = EnumSet.copyOf(types.isEmpty() ? EnumSet.noneOf(FaultType.class) : types);
        faults = List.copyOf(faults);
    }

    /** A schedule for {@code nodes} servers drawn from {@code seed}, using only the given fault kinds. */
    public static Schedule generate(long seed, int nodes, int ops, Set<FaultType> kinds) {
        return generate(seed, nodes, ops, kinds, false);
    }

    /**
     * As {@link #generate(long, int, int, Set)}, plus crashes inside steps when {@code tornWrites}: between a
     * write and its fsync, after persisting, after sending ({@link CrashPoint#IN_STEP}).
     */
    public static Schedule generate(long seed, int nodes, int ops, Set<FaultType> kinds, boolean tornWrites) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        EnumSet<FaultType> types = kinds.isEmpty() ? EnumSet.noneOf(FaultType.class) : EnumSet.copyOf(kinds);
        List<String> ids = SimConfig.nodeIds(nodes);
        long horizon = Math.max(3_000_000L, ops * 8_000L);
        List<Fault> faults = new ArrayList<>();
        if (types.contains(FaultType.SKEW)) {
            for (String id : ids) {
                faults.add(new Fault.Skew(id, 0.75 + r.nextDouble() * 0.5));
            }
        }
        if (types.contains(FaultType.PARTITION)) {
            int count = 1 + (int) (horizon / 1_500_000L);
            for (int i = 0; i < count; i++) {
                long at = (long) (r.nextDouble() * horizon);
                long until = at + 200_000L + (long) (r.nextDouble() * 1_300_000L);
                faults.add(randomPartition(r, ids, at, until));
            }
        }
        if (types.contains(FaultType.CRASH)) {
            int count = 1 + (int) (horizon / 2_000_000L);
            for (int i = 0; i < count; i++) {
                long at = (long) (r.nextDouble() * horizon);
                faults.add(new Fault.Crash(ids.get(r.nextInt(nodes)), at, at + 50_000L + (long) (r.nextDouble() * 950_000L),
                        false));
            }
        }
        if (tornWrites) {
            int count = 1 + (int) (horizon / 3_000_000L);
            for (int i = 0; i < count; i++) {
                long at = (long) (r.nextDouble() * horizon);
                faults.add(new Fault.Crash(ids.get(r.nextInt(nodes)), at, at + 50_000L + (long) (r.nextDouble() * 950_000L),
                        CrashPoint.IN_STEP.get(r.nextInt(CrashPoint.IN_STEP.size()))));
            }
        }
        if (types.contains(FaultType.PAUSE)) {
            int count = 1 + (int) (horizon / 2_000_000L);
            for (int i = 0; i < count; i++) {
                long at = (long) (r.nextDouble() * horizon);
                faults.add(new Fault.Pause(ids.get(r.nextInt(nodes)), at, at + 50_000L + (long) (r.nextDouble() * 750_000L)));
            }
        }
        return new Schedule(ops, types, faults);
    }

    static Fault.Partition randomPartition(Random r, List<String> ids, long at, long until) {
        Set<String> cut = new TreeSet<>();
        if (r.nextInt(3) == 0) {
            // Asymmetric: one server's messages to one peer vanish while the reverse direction works.
            String a = ids.get(r.nextInt(ids.size()));
            String b;
            do {
                b = ids.get(r.nextInt(ids.size()));
            } while (b.equals(a) && ids.size() > 1);
            cut.add(a + ">" + b);
            return new Fault.Partition(at, until, cut, a + " -/-> " + b);
        }
        List<String> side = new ArrayList<>();
        for (String id : ids) {
            if (r.nextBoolean()) {
                side.add(id);
            }
        }
        if (side.isEmpty() || side.size() == ids.size()) {
            side = List.of(ids.get(r.nextInt(ids.size())));
        }
        List<String> other = new ArrayList<>(ids);
        other.removeAll(side);
        for (String a : side) {
            for (String b : other) {
                cut.add(a + ">" + b);
                cut.add(b + ">" + a);
            }
        }
        return new Fault.Partition(at, until, cut, side + " | " + other);
    }

    /** Generated faults fall before this time (simulated microseconds): 8 ms per operation, at least 3 s. */
    public static long horizon(int ops) {
        return Math.max(3_000_000L, ops * 8_000L);
    }

    /**
     * When the faults stop and the liveness phase begins: the horizon of {@code ops} operations, or the end of the
     * last timed fault if later.
     */
    public long quietAt() {
        long q = horizon(ops);
        for (Fault f : faults) {
            q = Math.max(q, end(f));
        }
        return q;
    }

    public Schedule withOps(int n) {
        return new Schedule(n, types, faults);
    }

    public Schedule without(int faultIndex) {
        List<Fault> f = new ArrayList<>(faults);
        f.remove(faultIndex);
        return new Schedule(ops, types, f);
    }

    public Schedule withoutType(FaultType t) {
        EnumSet<FaultType> ty = EnumSet.copyOf(types.isEmpty() ? EnumSet.noneOf(FaultType.class) : types);
        ty.remove(t);
        return new Schedule(ops, ty, faults);
    }

    /** Multi-line human-readable form, as printed for a failing seed. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("  ops: ").append(ops).append('\n');
        EnumSet<FaultType> msgTypes = EnumSet.of(FaultType.DELAY, FaultType.DROP, FaultType.DUP, FaultType.REORDER);
        // Only message faults are listed by kind; the others appear below as timed faults.
        msgTypes.retainAll(types);
        List<String> names = new ArrayList<>();
        for (FaultType t : msgTypes) {
            names.add(t.cliName());
        }
        sb.append("  message faults: ").append(names.isEmpty() ? "none" : String.join(",", names)).append('\n');
        sb.append("  timed faults: ").append(faults.isEmpty() ? "none" : "").append('\n');
        for (Fault f : faults.stream().sorted(java.util.Comparator.comparingLong(Schedule::start)).toList()) {
            sb.append("    ").append(f.describe()).append('\n');
        }
        return sb.toString();
    }

    /** When a timed fault ends; 0 for whole-run settings. */
    static long end(Fault f) {
        if (f instanceof Fault.Partition p) return p.until();
        if (f instanceof Fault.Crash c) return c.restartAt();
        if (f instanceof Fault.Pause p) return p.until();
        if (f instanceof Fault.IsolateLeader l) return l.until();
        return 0;
    }

    static long start(Fault f) {
        if (f instanceof Fault.Partition p) return p.at();
        if (f instanceof Fault.Crash c) return c.at();
        if (f instanceof Fault.Pause p) return p.at();
        if (f instanceof Fault.IsolateLeader l) return l.at();
        return -1;
    }
}
