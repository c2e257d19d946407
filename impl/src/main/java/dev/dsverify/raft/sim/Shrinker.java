package dev.dsverify.raft.sim;

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
        sb.append("  reproduce: ").append(reproduce(cfg, s.minimal())).append('\n');
        return sb.toString();
    }

    static String reproduce(SimConfig cfg, SimResult r) {
        List<String> kinds = new ArrayList<>();
        for (FaultType t : r.schedule().types()) {
            kinds.add(t.cliName());
        }
        return "dsverify simulate --seed " + r.seed() + " --nodes " + cfg.nodes() + " --ops " + r.schedule().ops()
                + " --faults " + (kinds.isEmpty() ? "none" : String.join(",", kinds))
                + (cfg.bugs().any() ? " --bug " + cfg.bugs() : "")
                + (cfg.preVote() ? " --pre-vote" : "") + (cfg.checkQuorum() ? " --check-quorum" : "")
                + (cfg.snapshotEvery() > 0 ? " --snapshot-every " + cfg.snapshotEvery() : "")
                + (cfg.tornWrites() ? " --torn-writes" : "")
                + " (original schedule; the timed faults above are its shrunk subset)";
    }
}
