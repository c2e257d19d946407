import dev.dsverify.tracing.MemorySink;
import dev.dsverify.tracing.Tracer;

/**
 * What a disabled tracer costs a hot loop, as a ratio against the same loop with no tracing at all, and what
 * an enabled one costs per line. Usage: bench/tracing/run.sh [rounds]
 */
public final class OffCost {
    private static long sink;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int n = 20_000_000;
        Tracer off = Tracer.off("n1");
        long[] base = new long[rounds];
        long[] traced = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            base[r] = time(() -> loop(n, null));
            traced[r] = time(() -> loop(n, off));
        }
        java.util.Arrays.sort(base);
        java.util.Arrays.sort(traced);
        double b = base[rounds / 2] / (double) n;
        double t = traced[rounds / 2] / (double) n;
        System.out.printf("loop without tracing: %.2f ns/step (median of %d)%n", b, rounds);
        System.out.printf("loop with an off tracer: %.2f ns/step%n", t);
        System.out.printf("ratio off/none: %.3f%n", t / b);
        int m = 200_000;
        for (int w = 0; w < 3; w++) {
            Tracer warm = Tracer.to(new MemorySink(), "n1");
            for (int i = 0; i < m; i++) {
                warm.event("Step").field("i", i).state("x", i).emit();
            }
        }
        Tracer on = Tracer.to(new MemorySink(), "n1");
        long on0 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            on.event("Step").field("i", i).state("x", i).emit();
        }
        System.out.printf("enabled tracer (in memory): %.0f ns/line%n", (System.nanoTime() - on0) / (double) m);
        System.out.println(sink == 42 ? "" : "");
    }

    private static long time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    private static void loop(int n, Tracer t) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc += i * 31L ^ (acc >>> 7);
            if (t != null) {
                t.event("Step").field("i", i).state("x", acc).emit();
            }
        }
        sink += acc;
    }
}
