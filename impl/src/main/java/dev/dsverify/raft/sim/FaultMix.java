package dev.dsverify.raft.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Swarm testing: the fault mix one seed runs, drawn from the seed. Every seed switches on its own subset of the
 * fault kinds the user allowed and draws its own rates, so a sweep covers runs no fixed setting produces: heavy
 * loss without partitions, messages slower than an election timeout, servers paused for seconds, partitions aimed
 * at the leader, skewed clocks. Faults that would each be rare at fixed rates then line up, and messages of an
 * earlier term commonly arrive after their receiver moved on.
 *
 * <p>The mix is a function of the seed and the allowed kinds only: {@code --seed N} alone reruns it. Its rates reach
 * the {@link Schedule} as a {@link Fault.Network} and its timed faults as the schedule's faults, so a schedule (and
 * its text form) carries the whole run.
 *
 * @param kinds          the kinds switched on (a subset of the allowed ones)
 * @param drop           probability that a message is lost (DROP)
 * @param dup            probability that a message is delivered twice (DUP)
 * @param slow           probability that a message is slow (DELAY) ...
 * @param slowMax        ... by up to this many microseconds
 * @param partitionRate  partitions per simulated second of the fault phase (PARTITION) ...
 * @param isolateLeader  ... the share of them that cuts off whoever leads when it starts ...
 * @param partitionMax   ... each lasting up to this many microseconds
 * @param crashRate      crashes per second (CRASH), each server down up to {@code downMax} microseconds
 * @param downMax        longest downtime of a crash
 * @param pauseRate      pauses per second (PAUSE) ...
 * @param pauseMax       ... each up to this many microseconds
 * @param skew           clocks run at 1 +- up to this (SKEW)
 * @param torn           crashes inside steps too (only when the user allowed torn writes)
 */
public record FaultMix(EnumSet<FaultType> kinds, double drop, double dup, double slow, long slowMax,
        double partitionRate, double isolateLeader, long partitionMax, double crashRate, long downMax,
        double pauseRate, long pauseMax, double skew, boolean torn) {

    public FaultMix {
        kinds = kinds.isEmpty() ? EnumSet.noneOf(FaultType.class) : EnumSet.copyOf(kinds);
    }

    /** The mix of {@code seed}, within {@code allowed} (and torn writes only if {@code tornAllowed}). */
    public static FaultMix draw(long seed, Set<FaultType> allowed, boolean tornAllowed) {
        Random r = new Random(seed * 0xC2B2AE3D27D4EB4FL + 0x5EED);
        EnumSet<FaultType> on = EnumSet.noneOf(FaultType.class);
        List<FaultType> order = new ArrayList<>(EnumSet.allOf(FaultType.class));
        for (FaultType t : order) {
            // every kind is drawn, allowed or not, so that one kind's draw does not shift the others'
            boolean coin = r.nextDouble() < 0.6;
            if (coin && allowed.contains(t)) {
                on.add(t);
            }
        }
        if (on.isEmpty() && !allowed.isEmpty()) {
            List<FaultType> a = order.stream().filter(allowed::contains).toList();
            on.add(a.get(r.nextInt(a.size())));
        }
        double drop = 0.01 + 0.29 * square(r.nextDouble());
        double dup = 0.01 + 0.19 * square(r.nextDouble());
        double slow = 0.02 + 0.38 * r.nextDouble();
        long slowMax = (long) (50_000 * Math.pow(50, r.nextDouble()));          // 50 ms .. 2.5 s
        double partitionRate = 0.1 + 1.4 * r.nextDouble();
        double isolateLeader = 0.2 + 0.7 * r.nextDouble();
        long partitionMax = (long) (150_000 * Math.pow(20, r.nextDouble()));   // 150 ms .. 3 s
        double crashRate = 0.1 + 0.9 * r.nextDouble();
        long downMax = (long) (50_000 * Math.pow(40, r.nextDouble()));         // 50 ms .. 2 s
        double pauseRate = 0.1 + 0.9 * r.nextDouble();
        long pauseMax = (long) (50_000 * Math.pow(40, r.nextDouble()));        // 50 ms .. 2 s
        double skew = 0.05 + 0.45 * r.nextDouble();
        boolean torn = tornAllowed && r.nextBoolean();
        return new FaultMix(on, drop, dup, slow, slowMax, partitionRate, isolateLeader, partitionMax, crashRate,
                downMax, pauseRate, pauseMax, skew, torn);
    }

    private static double square(double x) {
        return x * x; // most seeds lose little, a few lose a lot
    }

    /** Runs {@code cfg}'s seed with its own mix within {@code allowed} (torn writes if {@code cfg} allows them). */
    public static SimResult run(SimConfig cfg, int ops, Set<FaultType> allowed) {
        return new Simulator(cfg, draw(cfg.seed(), allowed, cfg.tornWrites()).schedule(cfg.seed(), cfg.nodes(), ops))
                .run();
    }

    /** The schedule of {@code ops} client operations under this mix for {@code nodes} servers. */
    public Schedule schedule(long seed, int nodes, int ops) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + 29);
        List<String> ids = SimConfig.nodeIds(nodes);
        long horizon = Schedule.horizon(ops);
        List<Fault> faults = new ArrayList<>();
        if (kinds.contains(FaultType.DROP) || kinds.contains(FaultType.DUP) || kinds.contains(FaultType.DELAY)) {
            faults.add(new Fault.Network(kinds.contains(FaultType.DROP) ? drop : 0,
                    kinds.contains(FaultType.DUP) ? dup : 0, kinds.contains(FaultType.DELAY) ? slow : 0,
                    slowMax));
        }
        if (kinds.contains(FaultType.SKEW)) {
            for (String id : ids) {
                faults.add(new Fault.Skew(id, 1 - skew + r.nextDouble() * 2 * skew));
            }
        }
        if (kinds.contains(FaultType.PARTITION)) {
            for (int i = count(r, partitionRate, horizon); i > 0; i--) {
                long at = (long) (r.nextDouble() * horizon);
                long until = at + 50_000L + (long) (r.nextDouble() * partitionMax);
                faults.add(r.nextDouble() < isolateLeader ? new Fault.IsolateLeader(at, until)
                        : Schedule.randomPartition(r, ids, at, until));
            }
        }
        if (kinds.contains(FaultType.CRASH)) {
            for (int i = count(r, crashRate, horizon); i > 0; i--) {
                long at = (long) (r.nextDouble() * horizon);
                // a crash inside a step waits for the server to reach its point, so it can strike a leader in the
                // middle of a batch
                CrashPoint point = torn && r.nextBoolean() ? CrashPoint.IN_STEP.get(r.nextInt(CrashPoint.IN_STEP.size()))
                        : CrashPoint.BETWEEN_STEPS;
                faults.add(new Fault.Crash(ids.get(r.nextInt(nodes)), at, at + 20_000L + (long) (r.nextDouble() * downMax),
                        point));
            }
        }
        if (kinds.contains(FaultType.PAUSE)) {
            for (int i = count(r, pauseRate, horizon); i > 0; i--) {
                long at = (long) (r.nextDouble() * horizon);
                faults.add(new Fault.Pause(ids.get(r.nextInt(nodes)), at, at + 20_000L + (long) (r.nextDouble() * pauseMax)));
            }
        }
        return new Schedule(ops, kinds, faults);
    }

    /** How many of a fault with {@code perSecond} over the horizon: at least one, the fraction drawn. */
    private static int count(Random r, double perSecond, long horizon) {
        double expected = perSecond * horizon / 1e6;
        return Math.max(1, (int) (expected + r.nextDouble()));
    }

    /** One line: the kinds on with their rates, then the allowed kinds this seed left off. */
    public String describe(Set<FaultType> allowed) {
        List<String> parts = new ArrayList<>();
        for (FaultType t : kinds) {
            parts.add(switch (t) {
                case DROP -> String.format(Locale.ROOT, "drop %.1f%%", drop * 100);
                case DUP -> String.format(Locale.ROOT, "dup %.1f%%", dup * 100);
                case DELAY -> String.format(Locale.ROOT, "delay %.0f%% up to %s", slow * 100, seconds(slowMax));
                case REORDER -> "reorder";
                case PARTITION -> String.format(Locale.ROOT, "partition %.2f/s up to %s (%.0f%% isolate the leader)",
                        partitionRate, seconds(partitionMax), isolateLeader * 100);
                case CRASH -> String.format(Locale.ROOT, "crash %.2f/s down up to %s%s", crashRate, seconds(downMax),
                        torn ? ", torn writes" : "");
                case PAUSE -> String.format(Locale.ROOT, "pause %.2f/s up to %s", pauseRate, seconds(pauseMax));
                case SKEW -> String.format(Locale.ROOT, "skew +-%.0f%%", skew * 100);
            });
        }
        List<String> off = new ArrayList<>();
        for (FaultType t : allowed) {
            if (!kinds.contains(t)) {
                off.add(t.cliName());
            }
        }
        return "swarm mix: " + (parts.isEmpty() ? "no faults" : String.join(", ", parts))
                + (off.isEmpty() ? "" : "; off: " + String.join(",", off));
    }

    private static String seconds(long micros) {
        return micros >= 1_000_000 ? String.format(Locale.ROOT, "%.1fs", micros / 1e6) : (micros / 1000) + "ms";
    }
}
