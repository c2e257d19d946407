package dev.dsverify.twophase;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the two-phase-commit example and writes one log per node:
 * {@code java -cp dsverify.jar dev.dsverify.twophase.Main --seed 7 --out runs/2pc [--rms 3] [--bug commit-early]}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 1;
        int rms = 3;
        Path out = null;
        TwoPhaseConfig c;
        List<Bug> bugs = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--rms" -> rms = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--bug" -> bugs.add(Bug.fromFlag(args[++i]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            c = TwoPhaseConfig.defaults(seed).withRms(rms);
            for (Bug b : bugs) {
                c = c.withBug(b);
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("twophase: error: " + (e instanceof ArrayIndexOutOfBoundsException
                    ? "an option lacks its value" : e.getMessage()));
            System.err.println("usage: --seed S --out DIR [--rms N] [--bug commit-early|abort-after-prepared]");
            System.exit(2);
            return;
        }
        TwoPhaseRun.Result r = TwoPhaseRun.run(c);
        List<Path> files = r.writeTo(out);
        System.out.println("seed " + seed + ": TM " + r.tmState() + ", RMs " + r.rmStates() + "; " + r.crashes()
                + " TM crashes, " + r.dropped() + " messages lost, " + r.duplicated() + " duplicated");
        files.forEach(f -> System.out.println("wrote " + f));
        r.firstBug().ifPresent(s -> System.out.println("bug " + s.bug().flag() + " first shows at " + s.file()
                + ":" + s.line()));
    }
}
