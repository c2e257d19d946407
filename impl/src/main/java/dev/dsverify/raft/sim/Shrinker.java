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
                SimResult r = new Simulator(quiet, best.schedule().withOps(n)).run();
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
                SimResult r = new Simulator(quiet, best.schedule().without(i)).run();
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
                SimResult r = new Simulator(quiet, best.schedule().withoutType(t)).run();
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
        StringBuilder sb = new StringBuilder();
        sb.append(s.original().summary()).append('\n');
        sb.append("  minimal schedule after ").append(s.runs()).append(" shrinking runs (still fails: ")
                .append(s.minimal().property()).append("):\n");
        sb.append(s.minimal().schedule().describe());
        sb.append("  reproduce: ").append(reproduce(cfg, s.original(), false)).append('\n');
        sb.append("  reproduce the minimal schedule: ").append(reproduce(cfg, s.minimal(), true)).append('\n');
        return sb.toString();
    }

    /**
     * The command that runs {@code r} again, bit for bit: the same seed and options, and either the options the
     * schedule was generated from ({@code exact = false}: the original run) or the schedule itself
     * ({@code --schedule}, for a shrunk schedule no seed generates).
     */
    static String reproduce(SimConfig cfg, SimResult r, boolean exact) {
        StringBuilder sb = new StringBuilder("dsverify simulate --seed ").append(r.seed()).append(" --nodes ")
                .append(cfg.nodes()).append(" --clients ").append(cfg.clients()).append(" --keys ").append(cfg.keys());
        if (exact) {
            sb.append(" --schedule ").append(ScheduleText.encode(r.schedule()));
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
                .toString();
    }
}
