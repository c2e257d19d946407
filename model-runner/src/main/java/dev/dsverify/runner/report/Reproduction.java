package dev.dsverify.runner.report;

import dev.dsverify.runner.ModelCheckResult;

/**
 * How to get the same run again: the fingerprint function TLC used (a liveness counterexample depends on it)
 * and, for a simulation, its seed. Shown in every report beside the counterexample.
 */
public final class Reproduction {
    private Reproduction() {
    }

    /** For example "fingerprint 0" or "fingerprint 0, seed 42"; null when TLC reported neither. */
    public static String describe(ModelCheckResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.fingerprint() != null) {
            sb.append("fingerprint ").append(r.fingerprint());
        }
        if (r.seed() != null) {
            sb.append(sb.length() == 0 ? "" : ", ").append("seed ").append(r.seed());
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The command-line options that repeat the run, e.g. "--fingerprint 0 --simulate seed=42". */
    public static String options(ModelCheckResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.fingerprint() != null) {
            sb.append("--fingerprint ").append(r.fingerprint());
        }
        if (r.seed() != null) {
            sb.append(sb.length() == 0 ? "" : " ").append("--simulate seed=").append(r.seed());
        }
        return sb.toString();
    }
}
