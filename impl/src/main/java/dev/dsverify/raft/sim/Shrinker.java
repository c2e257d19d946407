package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.RaftConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes a failing run smaller while it keeps failing the same property: fewer client operations, fewer timed
 * faults, fewer kinds of message faults. The seed stays the same, so every candidate is itself reproducible;
 * the result is a local minimum (removing any single remaining part makes the failure go away or change).
 */
public final class Shrinker {
    private Shrinker() {}

    public record Shrunk(SimResult original, SimResult minimal, int runs) {}

    public static Shrunk shrink(SimConfig cfg, SimResult failing, int budget) {
        return shrink(cfg, failing, budget, (c, schedule) -> new Simulator(c, schedule).run());
    }

    /** How a candidate schedule is run and judged (the CLI's --validate also replays its trace against the spec). */
    @FunctionalInterface
    public interface Judge {
        SimResult run(SimConfig cfg, Schedule schedule);
    }

    /** As {@link #shrink(SimConfig, SimResult, int)}, judging each candidate with {@code judge}. */
    public static Shrunk shrink(SimConfig cfg, SimResult failing, int budget, Judge judge) {
        SimConfig quiet = cfg.withTrace(false);
        String property = failing.property();
        SimResult best = failing;
        int runs = 0;
        boolean progress = true;
        while (progress && runs < budget) {
            progress = false;
            for (int n : new int[] {best.schedule().ops() / 4, best.schedule().ops() / 2,
                    best.schedule().ops() * 3 / 4, best.schedule().ops() - 1}) {
                if (n < 1 || n >= best.schedule().ops() || runs >= budget) {
                    continue;
                }
                SimResult r = judge.run(quiet, best.schedule().withOps(n));
                runs++;
                if (sameFailure(r, property)) {
                    best = r;
                    progress = true;
                    break;
                }
            }
            for (int i = best.schedule().faults().size() - 1; i >= 0 && runs < budget; i--) {
                if (i >= best.schedule().faults().size()) {
                    continue;
                }
                SimResult r = judge.run(quiet, best.schedule().without(i));
                runs++;
                if (sameFailure(r, property)) {
                    best = r;
                    progress = true;
                }
            }
            for (FaultType t : new ArrayList<>(best.schedule().types())) {
                if (runs >= budget) {
                    break;
                }
                SimResult r = judge.run(quiet, best.schedule().withoutType(t));
                runs++;
                if (sameFailure(r, property)) {
                    best = r;
                    progress = true;
                }
            }
        }
        return new Shrunk(failing, best, runs);
    }

    private static boolean sameFailure(SimResult r, String property) {
        return r.verdict() == SimResult.Verdict.FAIL && Objects.equals(r.property(), property);
    }

    /** The text printed for a failing seed: what failed and the minimal schedule that still fails. */
    public static String report(SimConfig cfg, Shrunk s) {
        return report(cfg, s, null, "");
    }

    /**
     * As {@link #report(SimConfig, Shrunk)}; {@code generatedBy} replaces the {@code --ops N --faults KINDS} that
     * made the original run's schedule (a swarm run names the kinds the user allowed, not the ones its mix drew;
     * null: the original form) and {@code extra} is appended to both commands (such as {@code --validate}).
     */
    public static String report(SimConfig cfg, Shrunk s, String generatedBy, String extra) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.original().summary()).append('\n');
        sb.append("  minimal schedule after ").append(s.runs()).append(" shrinking runs (still fails: ")
                .append(s.minimal().property()).append("):\n");
        sb.append(s.minimal().schedule().describe());
        sb.append("  reproduce: ").append(reproduce(cfg, s.original(), false, generatedBy)).append(extra).append('\n');
        sb.append("  reproduce the minimal schedule: ").append(reproduce(cfg, s.minimal(), true, null)).append(extra)
                .append('\n');
        return sb.toString();
    }

    /**
     * The command that runs {@code r} again, bit for bit: the same seed and options, and either the options the
     * schedule was generated from ({@code exact = false}: the original run) or the schedule itself
     * ({@code --schedule}, for a shrunk schedule no seed generates).
     */
    static String reproduce(SimConfig cfg, SimResult r, boolean exact) {
        return reproduce(cfg, r, exact, null);
    }

    /** As {@link #reproduce(SimConfig, SimResult, boolean)}, with {@code generatedBy} as in {@link #report}. */
    public static String reproduce(SimConfig cfg, SimResult r, boolean exact, String generatedBy) {
        StringBuilder sb = new StringBuilder("dsverify simulate --seed ").append(r.seed()).append(" --nodes ")
                .append(cfg.nodes()).append(" --clients ").append(cfg.clients()).append(" --keys ").append(cfg.keys());
        if (exact) {
            sb.append(" --schedule ").append(ScheduleText.encode(r.schedule()));
        } else if (generatedBy != null) {
            sb.append(' ').append(generatedBy);
        } else {
            List<String> kinds = new ArrayList<>();
            for (FaultType t : r.schedule().types()) {
                kinds.add(t.cliName());
            }
            if (cfg.tornWrites()) {
                kinds.add("torn");
            }
            sb.append(" --ops ").append(r.schedule().ops()).append(" --faults ")
                    .append(kinds.isEmpty() ? "none" : String.join(",", kinds));
        }
        return sb.append(cfg.bugs().any() ? " --bug " + cfg.bugs() : "")
                .append(cfg.preVote() ? " --pre-vote" : "").append(cfg.checkQuorum() ? " --check-quorum" : "")
                .append(cfg.snapshotEvery() > 0 ? " --snapshot-every " + cfg.snapshotEvery() : "")
                .append(cfg.maxAppendEntries() != RaftConfig.DEFAULT_MAX_APPEND_ENTRIES
                        ? " --max-append-entries " + cfg.maxAppendEntries() : "")
                .append(cfg.thinkTicks() > 0 ? " --think-ticks " + cfg.thinkTicks() : "")
                .append(cfg.maxAppendBytes() != RaftConfig.DEFAULT_MAX_APPEND_BYTES
                        ? " --max-append-bytes " + cfg.maxAppendBytes() : "")
                .append(cfg.forgeRate() > 0
                        ? " --forge-rate " + java.math.BigDecimal.valueOf(cfg.forgeRate()).toPlainString() : "")
                .toString();
    }
}
